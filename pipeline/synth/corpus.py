"""Generate press releases about agreements, delegations and labs, with their gold, from templates.

The benchmark needs a corpus far larger than the annotated one, in the same genre and with gold so
that speed is never bought with quality unnoticed. Each document is built from
`templates.yaml` (sentences, filler, page furniture, names) and the project's reference data
(organisations, provinces, cities, field phrases), so the pipeline meets the names it knows, in
varied phrasing, lengths and formats. Document i depends only on (seed, i): the first N documents of
a corpus of N + 1 are the corpus of N, which is what the incremental benchmark relies on.

Pure Python, no Dagster: `write_corpus` writes DIR/raw/<file> and DIR/gold/<stem>.json.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import html
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

SYNTH_DIR = Path(__file__).resolve().parent
REFERENCE_DIR = SYNTH_DIR.parent / "reference"
FORMATS = ("txt", "md", "html")
WORDS = (300, 2000)
PARTY_TYPES = ("university", "research_institute", "enterprise")


@dataclass(frozen=True)
class Party:
    """An organisation as the generator writes it and as the gold accepts it."""

    first: str  # first mention: full name, with "(ACRONYM)" when known
    short: str  # later mentions
    gold_names: tuple[str, ...]
    org_type: str
    region_code: str | None


@dataclass(frozen=True)
class Person:
    honorific: str
    family: str
    given: str
    post: str
    org: Party

    @property
    def name(self) -> str:
        return f"{self.family} {self.given}"

    @property
    def titled(self) -> str:
        return f"{self.honorific} {self.name}"

    @property
    def described(self) -> str:
        return f"{self.titled}, {self.post} of {self.org.short}"


@dataclass(frozen=True)
class World:
    """What a document can be about: the templates and the reference data they draw on."""

    templates: dict
    parties: dict[str, tuple[Party, ...]]  # by org_type, plus "government" for provinces
    cities: tuple[str, ...]
    fields: tuple[tuple[str, tuple[str, ...]], ...]  # (phrase, FOS codes)


def _csv(name: str) -> list[dict[str, str]]:
    with (REFERENCE_DIR / name).open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _org_party(row: dict[str, str]) -> Party:
    name, acronym = row["canonical_name"], row["acronym"] or None
    aliases = tuple(a for a in (row["aliases"] or "").split("|") if a)
    return Party(first=f"{name} ({acronym})" if acronym else name, short=acronym or name,
                 gold_names=tuple(dict.fromkeys((name, *(a for a in [acronym] if a), *aliases))),
                 org_type=row["org_type"], region_code=row["region_code"] or None)


def _province_party(row: dict[str, str]) -> Party:
    """A province acting as a party is its government (DATA_CONTRACT: jurisdictions as parties)."""
    p = row["name"]
    region = next((a for a in (row.get("aliases") or "").split("|") if a.endswith("Autonomous Region")), None)
    if region:  # an autonomous region is no province: "the People's Government of Guangxi Zhuang Autonomous Region"
        names = (f"{region} Government", f"People's Government of {region}", f"Government of {region}", region, p)
        return Party(first=f"the People's Government of {region}", short=region, gold_names=names,
                     org_type="government", region_code=row["region_code"] or None)
    names = (f"{p} Provincial Government", f"{p} Province", p, f"People's Government of {p} Province",
             f"{p} Provincial People's Government", f"Government of {p} Province")
    return Party(first=f"the People's Government of {p} Province", short=f"{p} Province", gold_names=names,
                 org_type="government", region_code=row["region_code"] or None)


@functools.lru_cache(maxsize=1)
def load_world() -> World:
    templates = yaml.safe_load((SYNTH_DIR / "templates.yaml").read_text(encoding="utf-8"))
    orgs = [r for r in _csv("organizations.csv") if r["org_type"] in PARTY_TYPES and "," not in r["canonical_name"]]
    parties = {t: tuple(_org_party(r) for r in orgs if r["org_type"] == t) for t in PARTY_TYPES}
    places = _csv("places.csv")
    parties["government"] = tuple(_province_party(r) for r in places if r["place_type"] == "province")
    cities = tuple(r["name"] for r in places if r["place_type"] == "city")
    codes: dict[str, list[str]] = {}
    for row in _csv("domain_lexicon.csv"):
        phrase = row["phrase"]
        if re.fullmatch(r"[a-z]+(?: [a-z]+){1,2}", phrase):  # plain two- or three-word phrases read naturally
            codes.setdefault(phrase, []).append(row["domain_id"])
    fields = tuple((p, tuple(dict.fromkeys(c))) for p, c in sorted(codes.items()))
    return World(templates, parties, cities, fields)


# ---------------------------------------------------------------- dates as written

# "7 November 2019", "November 7, 2019", "Nov. 7, 2019", "Thursday, 7 November 2019"
DATE_FORMS = (
    lambda d: f"{d.day} {d:%B %Y}",
    lambda d: f"{d:%B} {d.day}, {d.year}",
    lambda d: f"{d:%b}{'' if d.month == 5 else '.'} {d.day}, {d.year}",
    lambda d: f"{d:%A}, {d.day} {d:%B %Y}",
)


def _gold_date(d: dt.date, precision: str = "day") -> dict[str, str]:
    return {"date": d.isoformat(), "precision": precision}


def _article(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _cap(sentence: str) -> str:
    return sentence[0].upper() + sentence[1:]


# ---------------------------------------------------------------- one document

def generate(index: int, seed: int = 0, world: World | None = None) -> tuple[str, str, dict]:
    """Document `index` of the corpus of `seed`: (file name, file content, gold record)."""
    world = world or load_world()
    t = world.templates
    rng = random.Random(f"{seed}:{index}")
    a = rng.choice(world.parties["university"] + world.parties["research_institute"])
    b = rng.choice(world.parties[rng.choice(("university", "enterprise", "government", "research_institute"))])
    while b.short == a.short:
        b = rng.choice(world.parties["university"])
    signed = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
    published = signed + dt.timedelta(days=rng.randrange(3))
    city = rng.choice(world.cities)
    kind = rng.choice(t["agreement_nouns"])
    families = rng.sample(t["family_names"], 4)

    def person(org: Party, k: int) -> Person:
        posts = t["posts"][org.org_type]
        return Person(rng.choice(t["honorifics"]), families[k], rng.choice(t["given_names"]), rng.choice(posts), org)

    s1, s2, w = person(a, 0), person(b, 1), person(b, 2)
    teaming = rng.random() < 0.1
    noun = kind["noun"]
    slots = {"A": a.first, "B": b.first, "a": a.short, "b": b.short, "noun": noun, "a_noun": _article(noun),
             "A_noun_cap": _cap(_article(noun)), "date": rng.choice(DATE_FORMS)(signed), "city": city,
             "S1": s1.titled, "S2": s2.titled, "s1": s1.described, "s2": s2.described, "W": w.described}
    facts: list[str] = []
    people = [s1]
    agreement = {"type": ["partnership"] if teaming else list(kind["types"]), "parties": [list(a.gold_names),
                 list(b.gold_names)], "signed_on": _gold_date(signed), "status": ["signed"], "signatories": [],
                 "witnesses": [], "optional": False}
    if teaming:
        facts.append(rng.choice(t["teaming"]).format(**slots))
    else:
        signing = rng.choice(t["signing"]).format(**slots)
        before = rng.random() < 0.3
        who = rng.choice(t["signatories_before" if before else "signatories_after"])
        facts += [who.format(**slots), signing] if before else [signing, who.format(**slots)]
        agreement["signatories"] = [[s1.name], [s2.name]]
        people.append(s2)
        if "{W}" in who:
            agreement["witnesses"] = [[w.name]]
            people.append(w)
    activity = rng.choice(t["activities"])
    facts.append(activity["text"])
    agreement["activities"] = list(activity["activities"])

    chosen = rng.sample(world.fields, rng.randint(2, 3))
    facts.append(rng.choice(t["fields"]).format(fields=_join([p for p, _ in chosen])))
    domains = [{"mention": p, "codes": list(c)} for p, c in chosen]

    delegations, labs = [], []
    if rng.random() < 0.5:
        leader = s1 if rng.random() < 0.5 or teaming else person(a, 3)
        if leader not in people:
            people.append(leader)
        size = rng.randint(5, 30)
        visit = signed - dt.timedelta(days=rng.randrange(2))
        facts.append(rng.choice(t["delegation"]).format(
            size=size, leader_t=leader.titled, leader_title=leader.post, a=a.short, b=b.short,
            visit_date=rng.choice(DATE_FORMS)(visit), host_city=city))
        delegations.append({"leader": [leader.name], "origin": list(a.gold_names), "host": list(b.gold_names),
                            "member_count": size, "visited_on": _gold_date(visit), "status": ["completed"],
                            "optional": False})
    if rng.random() < 0.4:
        lab_kind = rng.choice(t["lab_kinds"])
        field = chosen[0][0]
        lab = f"{a.short} {field.title()} {lab_kind['suffix']}"
        facts.append(rng.choice(t["lab"]).format(lab=lab, lab_field=field, a=a.short, city=city))
        labs.append({"name": [lab], "type": list(lab_kind["types"]), "host": list(a.gold_names), "director": None,
                     "status": ["planned", "established"], "optional": False})
    if not teaming and rng.random() < 0.6:
        facts.append(rng.choice(t["quotes"]).format(**slots))

    paragraphs = _with_filler(rng, t["filler"], facts, rng.randint(*WORDS))
    title = _cap(rng.choice(t["headlines"]).format(a=a.short, b=b.short, noun=noun))
    publisher = f"{a.short} {rng.choice(t['publishers'])}"
    fmt = FORMATS[rng.randrange(len(FORMATS))]
    stem = f"{index:06d}_synth_{seed}"
    content = RENDER[fmt](rng, t, title, published, publisher, paragraphs)
    gold = {
        "document": f"{stem}.{fmt}", "title": title, "published_on": _gold_date(published),
        "organizations": [{"names": list(p.gold_names), "org_type": [p.org_type], "region_code": p.region_code}
                          for p in (a, b)],
        "people": [{"names": [p.name], "mentions": [p.titled]} for p in people],
        "agreements": [agreement], "delegations": delegations, "labs": labs, "domains": domains,
        "acceptable_extra_domains": [],
    }
    return f"{stem}.{fmt}", content, gold


def _with_filler(rng: random.Random, filler: list[str], facts: list[str], target_words: int) -> list[str]:
    """The fact sentences as the first paragraphs, then filler paragraphs (some between) up to the length."""
    paragraphs = [" ".join(facts[:2])] + facts[2:]
    words = sum(len(p.split()) for p in paragraphs)
    while words < target_words:
        para = " ".join(rng.sample(filler, rng.randint(3, 6)))
        paragraphs.insert(rng.randint(2, len(paragraphs)), para)
        words += len(para.split())
    return paragraphs


def _txt(rng, t, title, published, publisher, paragraphs) -> str:
    menu = rng.choice(t["menus"])
    footer = rng.choice(t["footers"]).format(year=published.year, publisher=publisher)
    body = [f"({published.day} {published:%B %Y}) {paragraphs[0]}", *paragraphs[1:]]
    return "\n\n".join([menu, title, *body, footer]) + "\n"


def _md(rng, t, title, published, publisher, paragraphs) -> str:
    footer = rng.choice(t["footers"]).format(year=published.year, publisher=publisher)
    return "\n\n".join([f"# {title}", f"*Published: {published:%B} {published.day}, {published.year}*",
                        *paragraphs, "---", footer]) + "\n"


def _html(rng, t, title, published, publisher, paragraphs) -> str:
    items = [line.strip() for line in re.split(r"[|\n]", rng.choice(t["menus"])) if line.strip()]
    nav = "".join(f'<li><a href="/{i}">{html.escape(item)}</a></li>' for i, item in enumerate(items))
    footer = html.escape(rng.choice(t["footers"]).format(year=published.year, publisher=publisher))
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>{html.escape(title)} - '
            f'{html.escape(publisher)}</title></head>\n<body>\n<header><nav><ul>{nav}</ul></nav></header>\n'
            f'<main><article>\n<h1>{html.escape(title)}</h1>\n<p class="meta">Published: <time datetime="'
            f'{published.isoformat()}">{published.day} {published:%B %Y}</time></p>\n{body}\n</article></main>\n'
            f"<footer><p>{footer}</p></footer>\n</body>\n</html>\n")


RENDER = {"txt": _txt, "md": _md, "html": _html}


def write_corpus(out: Path, docs: int, seed: int = 0, start: int = 0) -> dict[str, int]:
    """Write documents start..start+docs-1 to out/raw and their gold to out/gold; returns counts."""
    out = Path(out)
    raw, gold_dir = out / "raw", out / "gold"
    raw.mkdir(parents=True, exist_ok=True)
    gold_dir.mkdir(parents=True, exist_ok=True)
    world = load_world()
    words = 0
    for index in range(start, start + docs):
        name, content, gold = generate(index, seed, world)
        (raw / name).write_text(content, encoding="utf-8")
        (gold_dir / f"{Path(name).stem}.json").write_text(json.dumps(gold, indent=1), encoding="utf-8")
        words += len(content.split())
    return {"documents": docs, "words": words}
