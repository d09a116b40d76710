"""Agreements, delegations, labs and fields from short documents written for these tests."""
import datetime as dt
import shutil

import pytest
import yaml

from pipeline.core.extract import extract_document
from pipeline.core.ids import make_id
from pipeline.core.records import IngestedDocument
from pipeline.core.reference import DEFAULT_REFERENCE_DIR, load_rulebook
from tests.support.rules import default_rulebook


def _run(text, published=dt.date(2021, 3, 5)):
    doc = IngestedDocument(make_id("document", "t.txt"), "t.txt", "x", text, published_on=published,
                           published_on_precision="day" if published else "unknown")
    return extract_document(doc, default_rulebook()).rows


def _names(rows, ids):
    by_id = {o["organization_id"]: o["canonical_name"] for o in rows["organizations"]}
    return {by_id[i] for i in ids}


def _parties(rows, agreement):
    return _names(rows, [p["organization_id"] for p in rows["agreement_parties"]
                         if p["agreement_id"] == agreement["agreement_id"]])


@pytest.mark.parametrize("text, parties, kind", [
    ("Fudan University and the Yunnan Provincial Government signed a framework agreement today.",
     {"Fudan University", "Yunnan Provincial Government"}, "framework_agreement"),
    ("A memorandum of understanding was inked by the University of Macau and Huawei today.",
     {"University of Macau", "Huawei Technologies Co., Ltd."}, "memorandum_of_understanding"),
    ("Shandong Province entered into a strategic cooperation agreement with Tsinghua University today.",
     {"Shandong Provincial Government", "Tsinghua University"}, "strategic_cooperation_agreement"),
    ("The Foshan Municipal Government teamed up with the Hong Kong University of Science and Technology.",
     {"Foshan Municipal Government", "The Hong Kong University of Science and Technology"}, "partnership"),
])
def test_agreement_phrasings(text, parties, kind):
    rows = _run(text)
    assert len(rows["agreements"]) == 1
    a = rows["agreements"][0]
    assert _parties(rows, a) == parties
    assert a["agreement_type"] == kind
    assert text[a["evidence_start"]:a["evidence_end"]] == a["evidence"]


def test_reports_of_one_signing_merge_and_get_the_date():
    text = ("Xiamen University and Fujian Province sign agreement\n\n"
            "Xiamen University and Fujian Province entered into an agreement today to deepen research. "
            "Under the agreement, both parties will set up joint laboratories and offer internships.")
    rows = _run(text)
    assert len(rows["agreements"]) == 1
    a = rows["agreements"][0]
    assert a["signed_on"] == dt.date(2021, 3, 5) and a["signed_on_precision"] == "day"
    activities = {r["activity"] for r in rows["agreement_activities"]}
    assert {"joint_platform", "student_exchange"} <= activities


def test_listed_instruments_stay_separate_with_their_signatories():
    text = ("On the morning of March 4, Wuhan University signed two documents. "
            "Zhao Lihua, Vice President of Wuhan University, signed a memorandum regarding a marine data "
            "programme with Qian Hong, Director of Hubei Provincial Department of Science and Technology, "
            "and an agreement on the joint talent framework with Sun Wenjie, General Manager of BYD.")
    rows = _run(text)
    kinds = sorted(a["agreement_type"] for a in rows["agreements"] if a["evidence"].startswith("Zhao"))
    assert kinds == ["framework_agreement", "memorandum"]
    people = {p["person_id"]: p["full_name"] for p in rows["people"]}
    for a in rows["agreements"]:
        if a["agreement_type"] == "memorandum":
            signers = {people[s["person_id"]] for s in rows["agreement_signatories"] if s["agreement_id"] == a["agreement_id"]}
            assert signers == {"Zhao Lihua", "Qian Hong"}


def test_signed_by_and_witnessed_by():
    text = ("The agreement was signed by Professor Alan K. M. Ho, President of Lingnan University, and "
            "Mr WANG Dexin, Director of Education Department of Guangxi Zhuang Autonomous Region, and "
            "witnessed by Dr LI Mingyu, Vice Chairman of Guangxi Zhuang Autonomous Region.")
    rows = _run(text)
    roles = {}
    people = {p["person_id"]: p["full_name"] for p in rows["people"]}
    for s in rows["agreement_signatories"]:
        roles[people[s["person_id"]]] = s["role"]
    assert roles == {"Alan K. M. Ho": "signatory", "Wang Dexin": "signatory", "Li Mingyu": "witness"}


def test_planned_agreement():
    rows = _run("Hainan University and Haikou will sign a cooperation agreement next month.")
    assert rows["agreements"][0]["status"] == "planned"


def test_no_agreement_without_signing():
    rows = _run("The province has worked in partnership with Belgium and Germany for years.")
    assert rows["agreements"] == []


@pytest.mark.parametrize("text, size, size_max, status", [
    ("Dr CHEN Lin, Mayor of Zhuhai, led a 12-member delegation to visit the University of Macau.", 12, None, "completed"),
    ("A delegation of 20 led by Professor ZHANG Wei of Fudan University visited Shenzhen today.", 20, None, "completed"),
    ("Some 30-40 scholars visit the laboratory every year.", 30, 40, "recurring"),
])
def test_delegations(text, size, size_max, status):
    rows = _run(text)
    assert len(rows["delegations"]) == 1
    d = rows["delegations"][0]
    assert (d["member_count"], d["member_count_max"], d["status"]) == (size, size_max, status) or (
        status == "recurring" and d is None)


def test_delegation_leader_origin_host():
    rows = _run("Dr CHEN Lin, Mayor of Zhuhai, led a 12-member delegation of the Zhuhai Municipal Government "
                "to visit the University of Macau.")
    d = rows["delegations"][0]
    assert _names(rows, [d["origin_organization_id"]]) == {"Zhuhai Municipal Government"}
    assert _names(rows, [d["host_organization_id"]]) == {"University of Macau"}
    assert d["leader_title"] == "Mayor"
    assert d["visited_on"] == dt.date(2021, 3, 5)


def test_labs_with_directors_and_one_lab_two_names():
    text = ("Professor Mei-ling Tsang, Director of the CNERC for Marine Robotics (Hong Kong Branch), spoke.\n\n"
            "The university hosts two labs:\n\n"
            "Partner State Key Laboratory of Marine Pollution (Director: Professor Lau Wing Kei)\n\n"
            "Hong Kong Branch of National Engineering Research Centre for Marine Robotics "
            "(Director: Professor Tsang Mei Ling)")
    rows = _run(text)
    names = {lab["name"]: lab for lab in rows["labs"]}
    assert set(names) == {"Partner State Key Laboratory of Marine Pollution",
                          "Hong Kong Branch of National Engineering Research Centre for Marine Robotics"}
    people = {p["person_id"]: p["full_name"] for p in rows["people"]}
    assert people[names["Partner State Key Laboratory of Marine Pollution"]["director_person_id"]] == "Lau Wing Kei"


def test_plural_generic_labs_are_not_labs():
    rows = _run("Since 2005, 16 Partner State Key Laboratories have been established in Hong Kong.")
    assert rows["labs"] == []


def test_planned_lowercase_lab():
    rows = _run("The two sides will work on establishing a quantum sensing innovation center in Hefei.")
    assert [(lab["name"], lab["lab_type"], lab["status"]) for lab in rows["labs"]] == [
        ("quantum sensing innovation center", "innovation_centre", "planned")]


def test_fields_skip_organisation_names():
    rows = _run("The Ministry of Science and Technology backs work on food safety and virtual reality.")
    found = {d["matched_text"].lower() for d in rows["document_domains"]}
    assert {"food safety", "virtual reality"} <= found
    assert not any("science and technology" in f for f in found)


@pytest.mark.parametrize("text, name, lab_type", [
    ("The two provinces opened the Anhui-Hong Kong Joint Laboratory for Quantum Materials in Hefei.",
     "Anhui-Hong Kong Joint Laboratory for Quantum Materials", "joint_laboratory"),
    ("Both sides will build the Sino-French Advanced Battery Innovation Centre near the port.",
     "Sino-French Advanced Battery Innovation Centre", "innovation_centre"),
    ("Professor Lee leads HKBU's State Key Laboratory of Environmental Toxicology in Kowloon.",
     "State Key Laboratory of Environmental Toxicology", "state_key_laboratory"),
    ("The Hong Kong Branch of National Deep Earth Resources Engineering Technology Research Centre was opened.",
     "Hong Kong Branch of National Deep Earth Resources Engineering Technology Research Centre",
     "cnerc_hong_kong_branch"),
    ("They plan to set up a Joint Research Centre for Coastal Ecology in Xiamen.",
     "Joint Research Centre for Coastal Ecology", "joint_research_centre"),
    ("The State Key Laboratory of Rice Genetics and the State Key Laboratory of Soil Biology are hosted there.",
     "State Key Laboratory of Rice Genetics", "state_key_laboratory"),
])
def test_lab_names_take_their_modifiers_and_stop_at_the_next_name(text, name, lab_type):
    labs = {lab["name"]: lab["lab_type"] for lab in _run(text)["labs"]}
    assert labs.get(name) == lab_type, labs


@pytest.mark.parametrize("text, status", [
    ("The universities will jointly set up the Joint Laboratory of Smart Grids.", "planned"),
    ("The partners agreed to explore establishing a Coastal Robotics Innovation Centre.", "planned"),
    ("The Joint Laboratory of Smart Grids was officially inaugurated on Monday.", "established"),
    ("Officials unveiled the Joint Laboratory of Smart Grids at the ceremony.", "established"),
    ("Researchers at the Joint Laboratory of Smart Grids published the survey.", "existing"),
    ("The Joint Laboratory of Smart Grids will be established next year.", "planned"),
])
def test_lab_status_follows_the_verb_that_governs_the_name(text, status):
    assert [lab["status"] for lab in _run(text)["labs"]] == [status]


def test_a_sentence_that_refers_back_gives_the_last_lab_its_status_and_director():
    rows = _run("Fudan University and the Hong Kong Polytechnic University signed an agreement to create the "
                "Joint Laboratory of Urban Air Quality. The laboratory is now formally established. "
                "It will be headed by Professor WANG Lihong, Dean of Environmental Science at Fudan University.")
    (lab,) = rows["labs"]
    people = {p["person_id"]: p["full_name"] for p in rows["people"]}
    assert lab["status"] == "established"
    assert people[lab["director_person_id"]] == "Wang Lihong"


def test_follow_up_sentences_about_the_delegation_do_not_make_new_visits():
    rows = _run("Dr LIN Hao, Vice Mayor of Xiamen, led a 12-member delegation to visit Lingnan University. "
                "During the two-day visit, the delegation toured the laboratories of the university. "
                "In Kowloon, the delegation met researchers from the Hong Kong Productivity Council.")
    assert len(rows["delegations"]) == 1
    assert rows["delegations"][0]["member_count"] == 12


def test_an_organisation_can_lead_a_planned_delegation():
    rows = _run("The Hong Kong Science and Technology Parks Corporation plans to lead a delegation of about 30 "
                "start-up founders to Chengdu next spring.")
    (d,) = rows["delegations"]
    assert _names(rows, [d["origin_organization_id"]]) == {"Hong Kong Science and Technology Parks Corporation"}
    assert (d["member_count"], d["status"]) == (30, "planned")


def test_a_place_without_travellers_is_no_visit():
    rows = _run("After the tour, the two sides agreed to build a joint centre in Nanning.")
    assert rows["delegations"] == []


def test_the_subject_of_visited_leads_the_visit():
    rows = _run("Premier LI Qiang, accompanied by officials, visited the University of Hong Kong in 2024.")
    (d,) = rows["delegations"]
    people = {p["person_id"]: p["full_name"] for p in rows["people"]}
    assert people[d["leader_person_id"]] == "Li Qiang"
    assert _names(rows, [d["host_organization_id"]]) == {"The University of Hong Kong"}


def test_the_definite_report_continues_the_last_agreement():
    rows = _run("Nankai University and the Tianjin Municipal Government signed a memorandum of understanding. "
                "The memorandum was signed by Professor CHEN Yu, President of Nankai University, and "
                "Ms ZHAO Li, Deputy Mayor of Tianjin.")
    (a,) = rows["agreements"]
    people = {p["person_id"]: p["full_name"] for p in rows["people"]}
    assert {people[s["person_id"]] for s in rows["agreement_signatories"]} == {"Chen Yu", "Zhao Li"}
    assert a["agreement_type"] == "memorandum_of_understanding"


def test_an_earlier_signing_mentioned_in_passing_is_reported_and_stays_apart():
    rows = _run("Lingnan University and Tencent signed a cooperation agreement today. "
                "In 2015, Lingnan University and Tencent signed a letter of intent on talent training.",
                published=dt.date(2021, 3, 5))
    kinds = {a["agreement_type"]: a["status"] for a in rows["agreements"]}
    assert kinds == {"cooperation_agreement": "signed", "letter_of_intent": "reported"}


@pytest.mark.parametrize("text", [
    "Under the auspices of the Ministry of Education, Jilin University and Peking University signed an agreement.",
    "Jilin University and Peking University signed an agreement in the presence of officials from Changchun.",
    "CHANGCHUN, March 4 (Xinhua) -- Jilin University and Peking University signed an agreement on Thursday.",
    "Jilin University and Peking University signed an agreement in Changchun on Thursday.",
    "China's Jilin University and Peking University signed an agreement on Thursday.",
])
def test_circumstances_are_not_parties(text):
    rows = _run(text)
    (a,) = rows["agreements"]
    assert _parties(rows, a) == {"Jilin University", "Peking University"}


def test_reports_that_conflict_in_nothing_are_one_visit():
    rows = _run("Vice Mayor ZHAO Ling welcomed the Hong Kong delegation to Guangzhou. "
                "Professor Raymond LEE, President of Lingnan University, is leading a delegation of 25 members "
                "to Guangzhou.")
    assert len(rows["delegations"]) == 1


def test_visits_with_different_leaders_stay_apart():
    rows = _run("A 12-member delegation led by Dr WANG Hua, Vice Governor of Yunnan Province, visited Macau "
                "University of Science and Technology. The next day, a delegation of 30 led by Ms LIU Fang, "
                "Vice Governor of Guizhou Province, arrived at the university.")
    assert sorted(d["member_count"] for d in rows["delegations"]) == [12, 30]


@pytest.mark.parametrize("text, parties", [
    ("Wenzhou, the port city in East China's Zhejiang province, has reached an agreement with Lingnan University.",
     {"Wenzhou Municipal Government", "Lingnan University"}),
    ("The Anhui-Hong Kong Innovation Cooperation Scheme was signed via video link between Hefei and Hong Kong by "
     "Dr WU Gang, Director of Anhui Provincial Department of Science and Technology, and Mr Peter LAM, Chairman "
     "of the Hong Kong Productivity Council.",
     {"Anhui Provincial Department of Science and Technology", "Hong Kong Productivity Council"}),
    ("CHONGQING DEAL -- Lingnan University and Chongqing University signed a framework agreement.",
     {"Lingnan University", "Chongqing University"}),
    ("Lingnan University and Fudan University signed an agreement on research between Hong Kong and Shanghai "
     "institutions.", {"Lingnan University", "Fudan University"}),
    ("Fudan University and Peking University signed an agreement on jointly building the Hefei Comprehensive "
     "National Science Center.", {"Fudan University", "Peking University"}),
])
def test_owners_modifiers_labels_and_places_of_signing_are_not_parties(text, parties):
    rows = _run(text)
    (a,) = rows["agreements"]
    assert _parties(rows, a) == parties


def test_a_byline_date_is_the_page_not_the_news():
    rows = _run("March 8, 2022 · Wuhan · Wuhan University News\n\n"
                "Wuhan University and Lingnan University signed a cooperation agreement on 1 March. "
                "Professor LI Hua, Vice President of Lingnan University, and Dr ZHOU Bin, Vice President of Wuhan "
                "University, exchange the signed agreement.", published=dt.date(2022, 3, 8))
    assert len(rows["agreements"]) == 1


def test_the_body_names_the_bodies_a_headline_calls_by_their_places():
    rows = _run("Hong Kong and Shanghai sign arrangement on innovation\n\n"
                "The Innovation, Technology and Industry Bureau (ITIB) of the HKSAR Government and the Science and "
                "Technology Commission of Shanghai Municipality (STCSM) today signed an arrangement.")
    (a,) = rows["agreements"]
    assert _parties(rows, a) == {"Innovation, Technology and Industry Bureau",
                                 "Shanghai Science and Technology Commission"}


def test_an_institute_being_set_up_is_a_planned_lab():
    rows = _run("Under the agreement, Lingnan University will set up the Lingnan Greater Bay Research Institute "
                "in Foshan.")
    assert [(lab["name"], lab["lab_type"], lab["status"]) for lab in rows["labs"]] == [
        ("Lingnan Greater Bay Research Institute", "research_institute", "planned")]


def test_the_description_picks_the_lab_it_fits():
    rows = _run("Tsinghua University and BYD signed an agreement to set up the Tsinghua-BYD Joint Laboratory for "
                "Batteries. The joint laboratory is now officially established and will be based at the State Key "
                "Laboratory of Automotive Safety. It will be directed by Professor OUYANG Ming.")
    labs = {lab["name"]: lab for lab in rows["labs"]}
    people = {p["person_id"]: p["full_name"] for p in rows["people"]}
    joint = labs["Tsinghua-BYD Joint Laboratory for Batteries"]
    assert joint["status"] == "established"
    assert people[joint["director_person_id"]] == "Ouyang Ming"
    assert labs["State Key Laboratory of Automotive Safety"]["status"] == "existing"


def test_confidence_follows_the_strength_of_the_cue():
    strong = _run("Fudan University and Tsinghua University signed a cooperation agreement today.")["agreements"][0]
    weak = _run("Fudan University signed a cooperation agreement today.")["agreements"][0]
    planned = _run("Fudan University and Tsinghua University will sign a cooperation agreement.")["agreements"][0]
    assert strong["confidence"] > planned["confidence"] and strong["confidence"] > weak["confidence"]
    led = _run("Dr LI Wen, Mayor of Wuxi, led a 10-member delegation to visit Lingnan University.")["delegations"][0]
    vague = _run("A delegation of officials from Wuxi arrived.")["delegations"][0]
    assert led["confidence"] > vague["confidence"]


def test_signers_represent_their_organisations_and_watchers_are_witnesses():
    rows = _run("The agreement was signed in Hefei by Anhui Vice Governor ZHAO Mingde and Professor LIU Jianguo, "
                "President of Fudan University, with Governor QIAN Wenhai attending the ceremony. "
                "A second agreement was signed by Wuhan University, represented by Executive Vice President "
                "TANG Zhiwei, and Tencent, represented by Vice President GAO Jinsong.")
    people = {p["person_id"]: p["full_name"] for p in rows["people"]}
    orgs = {o["organization_id"]: o["canonical_name"] for o in rows["organizations"]}
    got = {(people[s["person_id"]], s["role"], orgs.get(s["organization_id"])) for s in rows["agreement_signatories"]}
    assert {("Zhao Mingde", "signatory", "Anhui Provincial Government"), ("Liu Jianguo", "signatory", "Fudan University"),
            ("Qian Wenhai", "witness", None), ("Tang Zhiwei", "signatory", "Wuhan University"),
            ("Gao Jinsong", "signatory", "Tencent Holdings Limited")} <= got
    assert not any(name == "Qian Wenhai" and role == "signatory" for name, role, _ in got)


@pytest.mark.parametrize("text, status", [
    ("Vice President Professor RAN Dongmei of Chongqing University is expected to lead a delegation to Macao.",
     "planned"),
    ("The minister invited Dr CHEN Hong, Director of the department, to lead a delegation to Kuala Lumpur.",
     "planned"),
    ("A 12-member delegation from Lingnan University will visit Chengdu in 2022.", "planned"),
    ("A 12-member delegation from Lingnan University visited Chengdu on 1 March.", "completed"),
])
def test_announced_visits_are_planned(text, status):
    assert [d["status"] for d in _run(text)["delegations"]] == [status]


def test_sizes_in_words_count():
    rows = _run("Professor Katharina VOGEL of the Technical University of Munich travelled to Hong Kong with a "
                "group of eight scientists.")
    (d,) = rows["delegations"]
    assert d["member_count"] == 8


def test_who_will_sign_has_not_signed_and_what_is_set_up_is_no_party():
    rows = _run("Lingnan University will sign a framework agreement with Chongqing University next month, "
                "Professor LEUNG Wai, President of Lingnan University, told reporters.", published=dt.date(2024, 6, 19))
    (a,) = rows["agreements"]
    assert a["status"] == "planned" and rows["agreement_signatories"] == []
    assert (a["signed_on"], a["signed_on_precision"]) == (dt.date(2024, 7, 1), "month")
    rows = _run("Under a strategic cooperation agreement signed today, Tencent and Wuhan University will jointly "
                "establish the WHU-Tencent Spatial Intelligence Research Institute.")
    (a,) = rows["agreements"]
    assert _parties(rows, a) == {"Tencent Holdings Limited", "Wuhan University"}


def test_a_visit_to_a_city_of_the_province_is_the_same_visit():
    rows = _run("A 25-member delegation from Malaysia, led by Dr Ahmad HASHIM, Minister of Science, visited "
                "Fujian Province on October 14. Governor ZHOU Liang met with the minister and his delegation in "
                "Fuzhou on October 14.", published=dt.date(2024, 10, 18))
    assert len(rows["delegations"]) == 1


def test_a_title_before_the_honorific_gives_the_leader_his_organisation():
    rows = _run("Chongqing University Vice President Professor RAN Dongmei is expected to lead a delegation to Macao.")
    (d,) = rows["delegations"]
    assert _names(rows, [d["origin_organization_id"]]) == {"Chongqing University"}
    assert d["leader_title"] == "Vice President"


def test_an_instrument_named_after_a_partnership_gives_it_its_type():
    rows = _run("Tencent has teamed up with Wuhan University to set up an institute. Under a strategic "
                "cooperation agreement signed today, the two sides will jointly establish the institute.")
    (a,) = rows["agreements"]
    assert a["agreement_type"] == "strategic_cooperation_agreement"


def test_the_two_universities_are_the_last_two_named():
    rows = _run("The University of Hong Kong and the Technical University of Munich opened a joint laboratory. "
                "It was set up under a research agreement signed by the two universities in 2019.",
                published=dt.date(2024, 3, 26))
    (a,) = rows["agreements"]
    assert _parties(rows, a) == {"The University of Hong Kong", "Technical University of Munich"}
    assert a["status"] == "reported"


def test_signing_for_the_two_sides_were_names_the_signatories_of_the_last_agreement():
    rows = _run("Lingnan University and Fudan University inked a letter of intent yesterday. "
                "Signing for the two sides were Professor LEUNG Wai, President of Lingnan University, and "
                "Professor JIN Li, President of Fudan University.")
    (a,) = rows["agreements"]
    people = {p["person_id"]: p["full_name"] for p in rows["people"]}
    assert {people[s["person_id"]] for s in rows["agreement_signatories"] if s["role"] == "signatory"} == {
        "Leung Wai", "Jin Li"}
    assert a["agreement_type"] == "letter_of_intent"


def test_a_passive_signing_after_the_parties_and_a_count_of_instruments():
    rows = _run("A collaboration agreement between Universiti Putra Malaysia and Novo Nordisk A/S was signed on "
                "Saturday in Kunming.")
    (a,) = rows["agreements"]
    assert _parties(rows, a) == {"Universiti Putra Malaysia", "Novo Nordisk A/S"}
    rows = _run("Four cooperation agreements between Hainan and institutions from Hong Kong and Macao were signed "
                "in Haikou on Monday.")
    assert rows["agreements"] == []


@pytest.mark.parametrize("text, host, country", [
    ("A 20-member delegation of Zhejiang University visited Seoul on Monday to meet research partners.",
     "Seoul", "KR"),
    ("Professor Li Ming will lead a Sichuan University delegation to Kuala Lumpur next month.", "Kuala Lumpur", "MY"),
    ("The Shenzhen delegation arrived in Munich for talks with Bavarian research institutes.", "Munich", "DE"),
])
def test_a_city_abroad_is_the_host_of_a_visit_and_no_government(text, host, country):
    rows = _run(text)
    d = rows["delegations"][0]
    places = {p["place_id"]: p for p in rows["places"]}
    assert places[d["host_place_id"]]["name"] == host and places[d["host_place_id"]]["country_code"] == country
    parent = places[places[d["host_place_id"]]["parent_place_id"]]
    assert parent["place_type"] == "country" and parent["country_code"] == country
    assert not [o for o in rows["organizations"] if host in o["canonical_name"]]  # no "Seoul Municipal Government"


def test_the_facts_follow_the_rulebook_they_are_given(tmp_path):
    """A rulebook read from another folder is the one the extractors use: its signing verbs and confidences,
    not the default folder's."""
    folder = tmp_path / "reference"
    shutil.copytree(DEFAULT_REFERENCE_DIR, folder)
    rules = yaml.safe_load((folder / "extraction.yaml").read_text(encoding="utf-8"))
    rules["signing_verbs"].append("countersigned")
    rules["confidence"]["agreement_two_parties"] = "0.55"
    (folder / "extraction.yaml").write_text(yaml.safe_dump(rules, allow_unicode=True), encoding="utf-8")
    text = "Fudan University and Tsinghua University countersigned a framework agreement today."
    doc = IngestedDocument(make_id("document", "t.txt"), "t.txt", "x", text, published_on=dt.date(2021, 3, 5),
                           published_on_precision="day")
    assert _run(text)["agreements"] == []
    rows = extract_document(doc, load_rulebook(folder)).rows
    assert [a["confidence"] for a in rows["agreements"]] == [0.55]
    assert _parties(rows, rows["agreements"][0]) == {"Fudan University", "Tsinghua University"}
