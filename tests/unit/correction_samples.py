"""A small sample warehouse for the corrections and review tests: three invented articles, extracted and merged
by the real stages (extract_document, build_tables), so the tables have the columns, dtypes and ids of a run.

None of the sentences comes from a real article. `SHIFTED` re-extracts the first with a line before its
headline: the same evidence at other offsets, so its agreement and delegation get new ids.
"""
from __future__ import annotations

import datetime as dt
import hashlib

import duckdb
import pandas as pd

from pipeline.core.extract import extract_document
from pipeline.core.ids import make_id
from pipeline.core.records import IngestedDocument
from tests.support.rules import default_rulebook
from tests.support.store import tables_of

MOU = """Zhejiang University and HKU sign memorandum on marine science

12 April 2023

Zhejiang University and The University of Hong Kong (HKU) signed a memorandum of understanding in Hangzhou on 11 April 2023 to carry out joint research in marine biology and ocean engineering. The memorandum was signed by Professor Li Ming, Vice President of Zhejiang University, and Professor Chan Wai-keung, Provost of HKU.

Under the agreement, the two universities will run a student exchange programme and share laboratory equipment.

A 12-member delegation from the Sichuan Provincial Department of Science and Technology visited The Hong Kong Polytechnic University on 3 June 2022 to discuss cooperation in artificial intelligence.
"""

LAB = """New joint laboratory for quantum materials opens in Shenzhen

20 September 2021

Southern University of Science and Technology and The Chinese University of Hong Kong established a Joint Laboratory for Quantum Materials on 18 September 2021. The laboratory will study superconductivity and condensed matter physics.

Peking University and Tsinghua University signed a cooperation agreement on 19 September 2021.
"""

# A second report of the Peking-Tsinghua agreement: its event has two sources.
SECOND_REPORT = """Tsinghua and Peking University agree to share research facilities

21 September 2021

Peking University and Tsinghua University signed a cooperation agreement in Beijing on 19 September 2021 to share large research facilities.
"""

TEXTS = {"zju_hku.txt": MOU, "lab.txt": LAB, "pku_thu.txt": SECOND_REPORT}
SHIFTED = TEXTS | {"zju_hku.txt": "News release from the universities.\n\n" + MOU}

# The sentence extraction misses as an agreement of its own (it keeps the headline), and where it stands in MOU.
BODY_MOU = ("Zhejiang University and The University of Hong Kong (HKU) signed a memorandum of understanding in "
            "Hangzhou on 11 April 2023 to carry out joint research in marine biology and ocean engineering.")
BODY_MOU_START = MOU.index(BODY_MOU)


def sample_tables(texts: dict[str, str] = TEXTS) -> dict[str, pd.DataFrame]:
    """Every contract table of a run over `texts` (source_path -> text), as build_tables gives them."""
    rules = default_rulebook()
    documents = [IngestedDocument(make_id("document", path), path, hashlib.sha256(text.encode()).hexdigest(), text,
                                  published_on=dt.date(2023, 4, 12), published_on_precision="day")
                 for path, text in texts.items()]
    extractions = [extract_document(d, rules) for d in documents]
    return tables_of(documents, extractions, rules, run_id="sample", now=dt.datetime(2024, 1, 1))


def warehouse(tables: dict[str, pd.DataFrame]) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB database of the tables, as a published warehouse holds them (rejected_records aside:
    the review reads the facts)."""
    con = duckdb.connect()
    for name, frame in tables.items():
        if name != "rejected_records":
            con.register("frame", frame)
            con.execute(f"create table {name} as select * from frame")
            con.unregister("frame")
    return con


def org_id(tables: dict[str, pd.DataFrame], name: str) -> str:
    """The id of the organisation one of whose aliases is `name`."""
    aliases = tables["organization_aliases"]
    return aliases.loc[aliases["alias"] == name, "organization_id"].iloc[0]


def person_id(tables: dict[str, pd.DataFrame], name: str) -> str:
    people = tables["people"]
    return people.loc[people["full_name"] == name, "person_id"].iloc[0]


def fact(tables: dict[str, pd.DataFrame], table: str, starts: str) -> pd.Series:
    """The row of a fact table whose evidence starts with `starts`."""
    frame = tables[table]
    return frame[frame["evidence"].str.startswith(starts)].iloc[0]


def source_path(tables: dict[str, pd.DataFrame], document_id: str) -> str:
    documents = tables["documents"]
    return documents.loc[documents["document_id"] == document_id, "source_path"].iloc[0]
