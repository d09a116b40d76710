"""Organisation and title reference data: well-formed, internally consistent, and right on known cases.

These files drive the gazetteer, so a duplicated alias or a wrong region silently mislabels every
article that mentions the organisation; the checks here catch that before a run does.
"""
import csv
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest
import yaml

from pipeline.core.reference import ORG_TYPES, load_organizations

REFERENCE_DIR = Path(__file__).resolve().parents[3] / "pipeline" / "reference"
HEADER = ["canonical_name", "acronym", "org_type", "region_code", "country_code", "parent", "aliases"]


def _read_rows():
    with (REFERENCE_DIR / "organizations.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return reader.fieldnames, list(reader)


HEADER_SEEN, ROWS = _read_rows()
BY_NAME = {r["canonical_name"]: r for r in ROWS}


def _aliases(row) -> list[str]:
    return [a for a in row["aliases"].split("|") if a]


def _by_form(form: str) -> dict:
    """The one row whose canonical name, acronym or alias is `form` (case-insensitive)."""
    hits = [r for r in ROWS
            if form.lower() in {x.lower() for x in (r["canonical_name"], r["acronym"], *_aliases(r)) if x}]
    assert len(hits) == 1, f"{form!r} names {len(hits)} organisations"
    return hits[0]


def test_header_is_exact():
    assert HEADER_SEEN == HEADER


def test_project_loader_accepts_the_file():
    assert len(load_organizations(REFERENCE_DIR)) == len(ROWS)


def test_org_type_in_enum():
    bad = [(r["canonical_name"], r["org_type"]) for r in ROWS if r["org_type"] not in ORG_TYPES]
    assert not bad


def test_region_codes_are_real_subdivisions_of_the_country():
    for r in ROWS:
        if r["region_code"]:
            sub = pycountry.subdivisions.get(code=r["region_code"])
            assert sub is not None, (r["canonical_name"], r["region_code"])
            assert sub.country_code == r["country_code"], r["canonical_name"]


def test_country_codes_are_real():
    for r in ROWS:
        if r["country_code"]:
            assert pycountry.countries.get(alpha_2=r["country_code"]) is not None, r["canonical_name"]


def test_international_organisations_have_no_home():
    for r in ROWS:
        if r["org_type"] == "international_organization":
            assert not r["region_code"] and not r["country_code"], r["canonical_name"]


def test_every_parent_resolves_and_there_are_no_cycles():
    for r in ROWS:
        seen, cur = {r["canonical_name"]}, r
        while cur["parent"]:
            assert cur["parent"] in BY_NAME, (cur["canonical_name"], cur["parent"])
            cur = BY_NAME[cur["parent"]]
            assert cur["canonical_name"] not in seen, f"parent cycle through {r['canonical_name']!r}"
            seen.add(cur["canonical_name"])


def test_no_duplicate_canonical_names():
    names = [r["canonical_name"].lower() for r in ROWS]
    assert len(names) == len(set(names))


def test_no_surface_form_names_two_organisations():
    owners = defaultdict(set)
    for r in ROWS:
        for form in (r["canonical_name"], r["acronym"], *_aliases(r)):
            if form:
                owners[form.lower()].add(r["canonical_name"])
    shared = {form: names for form, names in owners.items() if len(names) > 1}
    assert not shared


def test_cells_have_no_stray_whitespace():
    for r in ROWS:
        for key in HEADER:
            assert r[key] == r[key].strip(), (r["canonical_name"], key)
        assert all(a == a.strip() for a in r["aliases"].split("|")), r["canonical_name"]


def test_each_sar_has_exactly_one_whole_government():
    """The pipeline represents 'Hong Kong' acting as a party by the one government row of its region."""
    for region, name in (("CN-HK", "Government of the Hong Kong Special Administrative Region"),
                         ("CN-MO", "Government of the Macao Special Administrative Region")):
        govs = [r["canonical_name"] for r in ROWS if r["org_type"] == "government" and r["region_code"] == region]
        assert govs == [name]


@pytest.mark.parametrize("form, canonical, org_type, region", [
    ("PolyU", "The Hong Kong Polytechnic University", "university", "CN-HK"),
    ("Hong Kong Polytechnic University", "The Hong Kong Polytechnic University", "university", "CN-HK"),
    ("CityU", "City University of Hong Kong", "university", "CN-HK"),
    ("OUHK", "Hong Kong Metropolitan University", "university", "CN-HK"),
    ("Macao Polytechnic Institute", "Macao Polytechnic University", "university", "CN-MO"),
    ("MOST", "Ministry of Science and Technology", "government_department", ""),
    ("State Ministry of Science and Technology", "Ministry of Science and Technology", "government_department", ""),
    ("CAS", "Chinese Academy of Sciences", "research_institute", "CN-BJ"),  # a national academy has its seat
    ("Chinese Academy of Science", "Chinese Academy of Sciences", "research_institute", "CN-BJ"),
    ("NSFC", "National Natural Science Foundation of China", "government_department", ""),
    ("Huawei", "Huawei Technologies Co., Ltd.", "enterprise", "CN-GD"),
    ("China Agricultural University", "China Agricultural University", "university", "CN-BJ"),
    ("Zhejiang University", "Zhejiang University", "university", "CN-ZJ"),
    ("World Bank", "World Bank", "international_organization", ""),
    ("FAO", "Food and Agriculture Organization of the United Nations", "international_organization", ""),
    ("HKSAR Government", "Government of the Hong Kong Special Administrative Region", "government", "CN-HK"),
    ("ITB", "Innovation, Technology and Industry Bureau", "government_department", "CN-HK"),
    ("ITC", "Innovation and Technology Commission", "government_department", "CN-HK"),
    ("HKSTP", "Hong Kong Science and Technology Parks Corporation", "other", "CN-HK"),
    ("National Defence University", "PLA National Defense University", "military", "CN-BJ"),
])
def test_spot_checks(form, canonical, org_type, region):
    row = _by_form(form)
    assert (row["canonical_name"], row["org_type"], row["region_code"]) == (canonical, org_type, region)


@pytest.mark.parametrize("form, canonical, org_type, region", [
    # mainland universities beyond the Double First-Class list, by province
    ("GDUFS", "Guangdong University of Foreign Studies", "university", "CN-GD"),
    ("Shenzhen Polytechnic", "Shenzhen Polytechnic University", "university", "CN-GD"),
    ("CQUPT", "Chongqing University of Posts and Telecommunications", "university", "CN-CQ"),
    ("Qilu University of Technology (Shandong Academy of Sciences)", "Qilu University of Technology", "university", "CN-SD"),
    ("Nanjing University of Technology", "Nanjing Tech University", "university", "CN-JS"),
    ("Xi’an University of Architecture and Technology", "Xi'an University of Architecture and Technology", "university", "CN-SN"),
    ("Harbin Institute of Technology (Weihai)", "Harbin Institute of Technology, Weihai", "university_unit", "CN-SD"),
    ("NYCU", "National Yang Ming Chiao Tung University", "university", "CN-TW"),
    # academies, institutes and laboratories
    ("Guangdong Academy of Sciences", "Guangdong Academy of Sciences", "research_institute", "CN-GD"),
    ("JITRI", "Jiangsu Industrial Technology Research Institute", "research_institute", "CN-JS"),
    ("CAS Institute of Plasma Physics", "Institute of Plasma Physics, Chinese Academy of Sciences", "research_institute", "CN-AH"),
    ("Shenzhen Bay Lab", "Shenzhen Bay Laboratory", "laboratory", "CN-GD"),
    ("Qingdao National Laboratory for Marine Science and Technology", "Laoshan Laboratory", "laboratory", "CN-SD"),
    ("CPAFFC", "Chinese People's Association for Friendship with Foreign Countries", "other", ""),
    # Hong Kong, Macao and the Greater Bay Area
    ("Innovation and Technology Fund", "Innovation and Technology Fund", "government_department", "CN-HK"),
    ("HKETO London", "Hong Kong Economic and Trade Office in London", "government_department", "CN-HK"),
    ("LegCo", "Legislative Council of the Hong Kong Special Administrative Region", "other", "CN-HK"),
    ("MGTO", "Macao Government Tourism Office", "government_department", "CN-MO"),
    ("Macau Science Center", "Macao Science Center", "other", "CN-MO"),
    ("Qianhai Authority", "Authority of Qianhai Shenzhen-Hong Kong Modern Service Industry Cooperation Zone of Shenzhen",
     "government_department", "CN-GD"),
    # foreign agencies, funders and universities
    ("SIMTech", "Singapore Institute of Manufacturing Technology", "research_institute", ""),
    ("Singapore EDB", "Singapore Economic Development Board", "government_department", ""),
    ("NRF Singapore", "National Research Foundation Singapore", "government_department", ""),
    ("DFG", "German Research Foundation", "government_department", ""),
    ("Fraunhofer ISE", "Fraunhofer Institute for Solar Energy Systems", "research_institute", "DE-BW"),
    ("Inserm", "French National Institute of Health and Medical Research", "research_institute", "FR-IDF"),
    ("JSPS", "Japan Society for the Promotion of Science", "government_department", "JP-13"),
    ("NRF Korea", "National Research Foundation of Korea", "government_department", "KR-30"),
    ("NRC Canada", "National Research Council Canada", "research_institute", "CA-ON"),
    ("Australian Research Council", "Australian Research Council", "government_department", "AU-ACT"),
    ("POSTECH", "Pohang University of Science and Technology", "university", "KR-47"),
    ("LMU Munich", "Ludwig Maximilian University of Munich", "university", "DE-BY"),
    ("Technion", "Technion - Israel Institute of Technology", "university", "IL-HA"),
    ("KAUST", "King Abdullah University of Science and Technology", "university", "SA-02"),
    ("University of Coimbra", "University of Coimbra", "university", "PT-06"),
    # international organisations and enterprises
    ("ERC", "European Research Council", "international_organization", ""),
    ("TWAS", "The World Academy of Sciences", "international_organization", ""),
    ("Foxconn", "Hon Hai Precision Industry Co., Ltd.", "enterprise", "CN-TW"),
    ("DeepSeek", "Hangzhou DeepSeek Artificial Intelligence Basic Technology Research Co., Ltd.", "enterprise", "CN-ZJ"),
    ("Siemens Healthineers", "Siemens Healthineers AG", "enterprise", "DE-BY"),
    ("BOCHK", "Bank of China (Hong Kong) Limited", "enterprise", "CN-HK"),
])
def test_spot_checks_of_the_broadened_list(form, canonical, org_type, region):
    row = _by_form(form)
    assert (row["canonical_name"], row["org_type"], row["region_code"]) == (canonical, org_type, region)


# The 147 "Double First-Class" universities (2022 list), by their canonical names here.
DOUBLE_FIRST_CLASS = (
    "Peking University", "Renmin University of China", "Tsinghua University", "Beijing Jiaotong University",
    "Beijing University of Technology", "Beihang University", "Beijing Institute of Technology",
    "University of Science and Technology Beijing", "Beijing University of Chemical Technology",
    "Beijing University of Posts and Telecommunications", "China Agricultural University", "Beijing Forestry University",
    "Peking Union Medical College", "Beijing University of Chinese Medicine", "Beijing Normal University",
    "Capital Normal University", "Beijing Foreign Studies University", "Communication University of China",
    "Central University of Finance and Economics", "University of International Business and Economics",
    "China Foreign Affairs University", "People's Public Security University of China", "Beijing Sport University",
    "Central Conservatory of Music", "China Conservatory of Music", "Central Academy of Fine Arts",
    "The Central Academy of Drama", "Minzu University of China", "China University of Political Science and Law",
    "North China Electric Power University", "China University of Mining and Technology (Beijing)",
    "China University of Petroleum (Beijing)", "China University of Geosciences (Beijing)",
    "University of Chinese Academy of Sciences", "Nankai University", "Tianjin University", "Tiangong University",
    "Tianjin Medical University", "Tianjin University of Traditional Chinese Medicine", "Hebei University of Technology",
    "Taiyuan University of Technology", "Shanxi University", "Inner Mongolia University", "Liaoning University",
    "Dalian University of Technology", "Northeastern University", "Dalian Maritime University", "Jilin University",
    "Yanbian University", "Northeast Normal University", "Harbin Institute of Technology", "Harbin Engineering University",
    "Northeast Agricultural University", "Northeast Forestry University", "Fudan University", "Tongji University",
    "Shanghai Jiao Tong University", "East China University of Science and Technology", "Donghua University",
    "Shanghai Ocean University", "Shanghai University of Traditional Chinese Medicine", "East China Normal University",
    "Shanghai International Studies University", "Shanghai University of Finance and Economics",
    "Shanghai University of Sport", "Shanghai Conservatory of Music", "Shanghai University", "Naval Medical University",
    "Nanjing University", "Soochow University", "Southeast University", "Nanjing University of Aeronautics and Astronautics",
    "Nanjing University of Science and Technology", "China University of Mining and Technology", "Nanjing Medical University",
    "Hohai University", "Jiangnan University", "Nanjing Forestry University",
    "Nanjing University of Information Science and Technology", "Nanjing Agricultural University",
    "Nanjing University of Chinese Medicine", "China Pharmaceutical University", "Nanjing Normal University",
    "Nanjing University of Posts and Telecommunications", "Zhejiang University", "China Academy of Art", "Ningbo University",
    "University of Science and Technology of China", "Hefei University of Technology", "Anhui University",
    "Xiamen University", "Fuzhou University", "Nanchang University", "Shandong University", "Ocean University of China",
    "China University of Petroleum (East China)", "Zhengzhou University", "Henan University", "Wuhan University",
    "Huazhong University of Science and Technology", "China University of Geosciences (Wuhan)",
    "Wuhan University of Technology", "Huazhong Agricultural University", "Central China Normal University",
    "Zhongnan University of Economics and Law", "Hunan University", "Central South University", "Hunan Normal University",
    "Xiangtan University", "Sun Yat-sen University", "South China University of Technology", "Jinan University",
    "South China Agricultural University", "Guangzhou University of Chinese Medicine", "South China Normal University",
    "Southern University of Science and Technology", "Guangzhou Medical University", "Guangxi University",
    "Hainan University", "Chongqing University", "Southwest University", "Sichuan University",
    "Southwest Jiaotong University", "University of Electronic Science and Technology of China",
    "Southwest Petroleum University", "Chengdu University of Technology", "Sichuan Agricultural University",
    "Chengdu University of Traditional Chinese Medicine", "Southwestern University of Finance and Economics",
    "Guizhou University", "Yunnan University", "Tibet University", "Northwest University", "Xi'an Jiaotong University",
    "Northwestern Polytechnical University", "Xidian University", "Chang'an University", "Northwest A&F University",
    "Shaanxi Normal University", "Air Force Medical University", "Lanzhou University", "Qinghai University",
    "Ningxia University", "Xinjiang University", "Shihezi University", "National University of Defense Technology",
)


def test_the_double_first_class_universities_are_all_known():
    missing = [name for name in DOUBLE_FIRST_CLASS if name not in BY_NAME]
    assert not missing
    assert len(set(DOUBLE_FIRST_CLASS)) >= 145


@pytest.mark.parametrize("form", ["ARC", "NRC", "ITF", "NRF", "SMU", "CEA", "CMA", "Fund", "Council", "Lab", "Laboratory",
                                  "Academy", "University", "Institute", "Nestle", "Caterpillar", "Joint Research Centre"])
def test_ambiguous_short_forms_and_common_words_name_no_organisation(form):
    """A surface form that two organisations share, or an ordinary word, would mislabel every article using it."""
    assert not [r["canonical_name"] for r in ROWS
                if form.lower() in {x.lower() for x in (r["canonical_name"], r["acronym"], *_aliases(r)) if x}]


def test_edb_is_the_hong_kong_education_bureau_and_singapore_has_its_own_long_forms():
    assert _by_form("EDB")["canonical_name"] == "Education Bureau"
    assert _by_form("Economic Development Board of Singapore")["country_code"] == "SG"


def test_institutes_hang_under_their_societies():
    for form, parent in (("Fraunhofer IPK", "Fraunhofer-Gesellschaft"), ("DESY", "Helmholtz Association"),
                         ("Max Planck Institute for Plasma Physics", "Max Planck Society"),
                         ("I2R", "Agency for Science, Technology and Research"), ("EPSRC", "UK Research and Innovation"),
                         ("SITP", "Chinese Academy of Sciences"), ("Tencent Cloud", "Tencent Holdings Limited")):
        assert _by_form(form)["parent"] == parent, form


def test_foreign_region_codes_are_set_for_the_foreign_universities_that_have_one():
    """A university outside China carries its country; most carry their state or province too."""
    foreign = [r for r in ROWS if r["org_type"] == "university" and r["country_code"] not in ("CN", "")]
    assert len(foreign) > 200
    assert sum(bool(r["region_code"]) for r in foreign) / len(foreign) > 0.9


def test_ministries_hang_under_the_state_council():
    state_council = _by_form("State Council")
    assert state_council["org_type"] == "government"
    for form in ("MOST", "MOE", "MIIT", "NDRC", "Hong Kong and Macao Affairs Office"):
        assert _by_form(form)["parent"] == state_council["canonical_name"], form


def test_hong_kong_departments_belong_to_the_hksar_government():
    hksar = "Government of the Hong Kong Special Administrative Region"
    for form in ("EMSD", "ITIB", "UGC"):
        assert _by_form(form)["parent"] == hksar, form


# ---------------------------------------------------------------------- titles
@pytest.fixture(scope="module")
def titles():
    return yaml.safe_load((REFERENCE_DIR / "titles.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("key", ["honorifics", "modifiers", "heads"])
def test_title_lists_are_non_empty_unique_strings(titles, key):
    values = titles[key]
    assert isinstance(values, list) and values
    assert all(isinstance(v, str) and v and v == v.strip() for v in values)
    assert len(values) == len(set(values))


def test_title_heads_cover_the_common_roles(titles):
    heads = set(titles["heads"])
    for head in ("Mayor", "Governor", "Vice Governor", "Party Secretary", "President", "Vice President",
                 "Council Chairman", "Director", "Dean", "Chief Executive", "Secretary", "Engineer-in-chief",
                 "General Manager", "Minister", "Vice Minister", "Director-General", "Ambassador"):
        assert head in heads, head


def test_title_heads_are_capitalised_as_in_news(titles):
    for head in titles["heads"]:
        assert head[0].isupper(), head


def test_honorifics_and_modifiers_include_the_usual_forms(titles):
    assert {"Dr", "Dr.", "Mr", "Ms", "Professor", "Prof.", "Ir", "Academician"} <= set(titles["honorifics"])
    assert {"Vice", "Deputy", "Executive", "Acting", "Former"} <= set(titles["modifiers"])
