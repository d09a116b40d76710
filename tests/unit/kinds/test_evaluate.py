"""pipeline.core.evaluate reproduces ../shared/gold/score.py on the same warehouse and gold."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline.core.evaluate import format_report, score_warehouse
from pipeline.core.publish import build_database
from schemas import TABLE_COLUMNS

SCORE_PY = Path(__file__).resolve().parents[4] / "shared" / "gold" / "score.py"
POLYU = ["The Hong Kong Polytechnic University", "PolyU"]
HEBEI = ["Hebei Provincial Government", "Hebei"]

GOLD_1 = {
    "document": "001_alpha.txt",
    "published_on": {"date": "2023-05-04", "precision": "day"},
    "organizations": [
        {"names": POLYU, "org_type": ["university"], "region_code": "CN-HK"},
        {"names": HEBEI, "org_type": ["government"], "region_code": "CN-HE"},
    ],
    "people": [{"names": ["Chung Kwok Fai"], "mentions": ["Prof. Chung"]},
               {"names": ["Xu Qin"], "mentions": ["Mayor Xu"]}],
    "agreements": [{"type": ["memorandum_of_understanding", "memorandum"], "parties": [POLYU, HEBEI],
                    "signed_on": {"date": "2023-05-03", "precision": "day"}, "status": ["signed"],
                    "signatories": [["Kwok-fai Chung"]], "witnesses": [["Xu Qin"]]},
                   {"type": ["partnership"], "parties": [POLYU], "optional": True}],
    "delegations": [{"leader": ["Xu Qin"], "origin": HEBEI, "host": POLYU, "member_count": 15,
                     "visited_on": {"date": "2023-05", "precision": "month"}}],
    "labs": [{"name": ["State Key Laboratory of Ultra-precision Machining"], "type": ["state_key_laboratory"],
              "host": POLYU, "director": ["Kwok-fai Chung"], "status": ["existing"]}],
    "domains": [{"mention": "advanced manufacturing", "codes": ["2.3", "2.11"]}],
    "acceptable_extra_domains": ["2.2"],
}
GOLD_2 = {  # a document the warehouse does not have
    "document": "002_beta.txt",
    "organizations": [{"names": POLYU, "org_type": ["university"]}],
    "people": [],
    "agreements": [{"type": ["cooperation_agreement"], "parties": [POLYU, HEBEI]}],
    "domains": [{"mention": "food safety", "codes": ["2.11"]}],
}


def frames(rows: dict[str, list[dict]]) -> dict[str, pd.DataFrame]:
    return {t: pd.DataFrame(r, columns=list(TABLE_COLUMNS[t])) for t, r in rows.items()}


def perfect_rows() -> dict[str, list[dict]]:
    """The warehouse a perfect pipeline would publish for GOLD_1."""
    text = "PolyU and Hebei signed an agreement."
    ev = {"evidence": text, "evidence_start": 0, "evidence_end": len(text)}
    return {
        "documents": [{"document_id": "d1", "source_path": "batch/001_alpha.txt", "content_sha256": "h",
                       "clean_text": text, "published_on": dt.date(2023, 5, 4), "published_on_precision": "day",
                       "ingested_at": dt.datetime(2024, 1, 1)}],
        "organizations": [
            {"organization_id": "o1", "canonical_name": POLYU[0], "acronym": "PolyU", "org_type": "university",
             "region_code": "CN-HK", "country_code": "CN"},
            {"organization_id": "o2", "canonical_name": HEBEI[0], "org_type": "government",
             "region_code": "CN-HE", "country_code": "CN"}],
        "people": [{"person_id": "p1", "full_name": "Kwok-fai Chung"}, {"person_id": "p2", "full_name": "Xu Qin"}],
        "mentions": [{"document_id": "d1", "entity_type": t, "entity_id": i, "surface": "x", "start": 0, "end": 1}
                     for t, i in [("organization", "o1"), ("organization", "o2"), ("person", "p1"),
                                  ("person", "p2")]],
        "agreements": [{"agreement_id": "a1", "event_id": "e1", "document_id": "d1",
                        "agreement_type": "memorandum_of_understanding", "signed_on": dt.date(2023, 5, 3),
                        "signed_on_precision": "day", "status": "signed", "confidence": 0.9, **ev}],
        "agreement_parties": [{"agreement_id": "a1", "organization_id": "o1"},
                              {"agreement_id": "a1", "organization_id": "o2"}],
        "agreement_signatories": [{"agreement_id": "a1", "person_id": "p1", "role": "signatory"},
                                  {"agreement_id": "a1", "person_id": "p2", "role": "witness"}],
        "delegations": [{"delegation_id": "g1", "event_id": "ge1", "document_id": "d1", "leader_person_id": "p2",
                         "origin_organization_id": "o2", "host_organization_id": "o1", "member_count": 15,
                         "visited_on": dt.date(2023, 5, 1), "visited_on_precision": "month",
                         "status": "completed", **ev}],
        "labs": [{"lab_id": "l1", "name": "State Key Laboratory of Ultra-Precision Machining",
                  "lab_type": "state_key_laboratory", "host_organization_id": "o1", "director_person_id": "p1",
                  "status": "existing"}],
        "lab_mentions": [{"lab_id": "l1", "document_id": "d1", **ev}],
        "document_domains": [{"document_id": "d1", "domain_id": "2.3", "matched_text": "PolyU",
                              "evidence_start": 0, "evidence_end": 5}],
    }


def noisy_rows() -> dict[str, list[dict]]:
    """GOLD_1's warehouse with the usual mistakes: a split, a spurious person, wrong and extra slots."""
    rows = perfect_rows()
    rows["organizations"].append({"organization_id": "o3", "canonical_name": "PolyU", "org_type": "other"})
    rows["people"].append({"person_id": "p3", "full_name": "Xu"})
    rows["mentions"] += [{"document_id": "d1", "entity_type": t, "entity_id": i, "surface": "x", "start": 0,
                          "end": 1} for t, i in [("organization", "o3"), ("person", "p3")]]
    rows["agreements"][0].update(agreement_type="partnership", signed_on=dt.date(2023, 4, 1))
    rows["agreements"].append({**rows["agreements"][0], "agreement_id": "a2", "event_id": "e2",
                               "agreement_type": "arrangement"})
    rows["agreement_parties"].append({"agreement_id": "a2", "organization_id": "o2"})
    rows["delegations"][0].update(member_count=30, leader_person_id=None)
    rows["labs"][0].update(lab_type="key_laboratory", director_person_id=None)
    rows["document_domains"] += [{"document_id": "d1", "domain_id": c, "matched_text": "PolyU",
                                  "evidence_start": 0, "evidence_end": 5} for c in ("2.2", "3.1")]
    rows["documents"][0]["published_on"] = dt.date(2023, 5, 5)
    return rows


def write_gold(folder: Path, *golds: dict) -> Path:
    folder.mkdir()
    for g in golds:
        (folder / (Path(g["document"]).stem + ".json")).write_text(json.dumps(g))
    return folder


@pytest.mark.skipif(not SCORE_PY.exists(), reason="../shared/gold/score.py not available")
@pytest.mark.parametrize("variant", ["noisy", "perfect", "empty"])
def test_same_result_and_report_as_score_py(tmp_path, variant):
    rows = {"noisy": noisy_rows, "perfect": perfect_rows, "empty": dict}[variant]()
    db = tmp_path / "w.duckdb"
    build_database(frames(rows), db)
    gold = write_gold(tmp_path / "gold", GOLD_1, GOLD_2)
    out = tmp_path / "score.json"
    run = subprocess.run([sys.executable, str(SCORE_PY), "--db", str(db), "--gold", str(gold),
                          "--json", str(out), "--verbose"], capture_output=True, text=True, check=True)
    expected = json.loads(out.read_text())

    result = score_warehouse(db, gold)

    assert {k: result[k] for k in expected} == expected
    assert format_report(result, verbose=True) == run.stdout.rstrip("\n")
    assert [d["document"] for d in result["per_document"]] == ["001_alpha.txt", "002_beta.txt"]


def test_perfect_prediction_scores_one_and_empty_scores_zero(tmp_path):
    gold = write_gold(tmp_path / "gold", GOLD_1)
    build_database(frames(perfect_rows()), tmp_path / "perfect.duckdb")
    build_database({}, tmp_path / "empty.duckdb")

    perfect = score_warehouse(tmp_path / "perfect.duckdb", gold)
    empty = score_warehouse(tmp_path / "empty.duckdb", gold)

    assert perfect["overall_slot"]["f1"] == 1.0
    assert all(perfect["slots"][k]["f1"] == 1.0 for k in ("agreements", "delegations", "labs", "domains"))
    assert perfect["people"] == {"gold": 2, "resolved": 2, "spurious": 0}
    assert perfect["organizations"]["resolved"] == 2 and perfect["published_on"] == {"gold": 1, "ok": 1}
    assert perfect["details"] == []
    assert empty["overall_slot"]["f1"] == 0.0
    assert empty["documents_missing"] == ["001_alpha.txt"]
    assert "overall slot F1 0.000" in format_report(empty)


@pytest.mark.parametrize("pred, gold, expected", [
    # (predicted activities, place names), (gold activities, place) -> (tp, gold, predicted) per extra
    (({"joint_research", "student_exchange"}, ["Hangzhou"]), (["joint_research"], ["Hangzhou"]),
     {"activities": (1, 1, 2), "signing_place": (1, 1, 1)}),
    ((set(), []), (["joint_research", "talent_development"], None),
     {"activities": (0, 2, 0), "signing_place": (0, 0, 0)}),
    ((set(), ["Beijing"]), (None, None), {"activities": (0, 0, 0), "signing_place": (0, 0, 1)}),
    ((set(), ["Beijing"]), (None, "absent"), {"activities": (0, 0, 0), "signing_place": (0, 0, 0)}),
])
def test_activities_and_signing_place_are_scored_where_the_gold_states_them(pred, gold, expected):
    from pipeline.core.kinds.agreements import EXTRAS, score_extras
    from pipeline.core.metric import Tally

    extras = {k: Tally() for k in EXTRAS}
    g = {}
    if gold[0] is not None:
        g["activities"] = gold[0]
    if gold[1] != "absent":
        g["place"] = gold[1]
    score_extras(extras, {"activities": pred[0], "place": pred[1]}, g)
    for k, (tp, n_gold, n_pred) in expected.items():
        t = extras[k].prf()
        assert (t["gold"], t["predicted"]) == (n_gold, n_pred), k
        assert round(t["recall"] * n_gold) == tp if n_gold else True


@pytest.mark.parametrize("order", [("p:b", "p:a", "p:c"), ("p:c", "p:b", "p:a"), ("p:a", "p:c", "p:b")])
def test_spurious_people_are_listed_in_one_order_whatever_the_set_gave(order):
    """The predicted people come from a set, whose order changes with the process's hash seed; the
    listing of spurious people (what `--verbose` prints) must not."""
    from pipeline.core.evaluate import score_people
    from pipeline.core.metric import Scores

    names = {"p:a": "Ana Lima", "p:b": "Bo Chen", "p:c": "Carl Holm"}
    scores = Scores((), ())
    score_people({"people": {pid: names[pid] for pid in order}},
                 {"document": "d.txt", "people": [{"names": ["Bo Chen"]}]}, scores)
    assert scores.details == ["d.txt: spurious person: Ana Lima", "d.txt: spurious person: Carl Holm"]
