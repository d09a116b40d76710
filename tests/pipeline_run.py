"""Shared helpers for the orchestration tests: a small invented corpus and an in-process run.

The articles are written for these tests (in the genre of the real inputs, with real institution
names as reference data allows); none of their sentences comes from a real article.
"""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg
import duckdb

from pipeline.definitions import defs

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED = PROJECT_ROOT.parent / "shared"

MOU = """Zhejiang University and The University of Hong Kong sign memorandum on marine science

12 April 2023

Zhejiang University and The University of Hong Kong signed a memorandum of understanding in Hangzhou on 11 April 2023 to carry out joint research in marine biology and ocean engineering.

Under the agreement, the two universities will run a student exchange programme and share laboratory equipment.
"""

MOU_CHANGED = """Zhejiang University and The University of Hong Kong sign memorandum on public health

12 April 2023

Zhejiang University and The University of Hong Kong signed a memorandum of understanding in Hangzhou on 11 April 2023 to set up a joint centre for infectious disease research.
"""

DELEGATION = """Sichuan delegation visits Hong Kong Polytechnic University

5 June 2022

A 12-member delegation from the Sichuan Provincial Department of Science and Technology visited The Hong Kong Polytechnic University on 3 June 2022 to discuss cooperation in artificial intelligence and materials engineering.
"""

LAB = """New joint laboratory for quantum materials opens in Shenzhen

20 September 2021

Southern University of Science and Technology and The Chinese University of Hong Kong established a Joint Laboratory for Quantum Materials on 18 September 2021. The laboratory will study superconductivity and condensed matter physics.
"""

# A gold file (../shared/gold/FORMAT.md) for MOU, for the evaluate command and the gold_slot_f1 check.
GOLD = {
    "document": "zju_hku_mou_2023.txt",
    "published_on": {"date": "2023-04-12", "precision": "day"},
    "organizations": [
        {"names": ["Zhejiang University", "ZJU"], "org_type": ["university"], "region_code": "CN-ZJ"},
        {"names": ["The University of Hong Kong", "HKU"], "org_type": ["university"], "region_code": "CN-HK"},
    ],
    "people": [],
    "agreements": [{
        "type": ["memorandum_of_understanding"],
        "parties": [["Zhejiang University", "ZJU"], ["The University of Hong Kong", "HKU"]],
        "signed_on": {"date": "2023-04-11", "precision": "day"},
        "status": ["signed"], "signatories": [], "witnesses": [], "optional": False,
    }],
    "delegations": [],
    "labs": [],
    "domains": [{"mention": "marine biology", "codes": ["1.6"]}],
    "acceptable_extra_domains": [],
}


def write_corpus(raw: Path) -> Path:
    """Three articles and one empty file (which must be rejected, not dropped)."""
    raw.mkdir(parents=True, exist_ok=True)
    (raw / "zju_hku_mou_2023.txt").write_text(MOU, encoding="utf-8")
    (raw / "sichuan_polyu_visit_2022.txt").write_text(DELEGATION, encoding="utf-8")
    (raw / "sustech_cuhk_lab_2021.txt").write_text(LAB, encoding="utf-8")
    (raw / "empty.txt").write_bytes(b"")
    return raw


@dataclass
class Run:
    success: bool
    seen: int
    processed: int
    skipped: int
    counts: dict[str, int]
    extracted: int = 0  # documents extracted (not taken from the cache) in this run
    checks: dict[tuple[str, str], dg.AssetCheckEvaluation] = field(default_factory=dict)  # (asset, check)
    metadata: dict[str, dict] = field(default_factory=dict)  # materialisation metadata by asset


def run_job(instance: dg.DagsterInstance, raw: Path, warehouse: Path, cache_dir: Path | None = None,
            gold_dir: Path | None = None, **settings: object) -> Run:
    """Materialise every asset in-process into `warehouse`, the way the CLI does; `settings` are more of the
    settings resource's config (corrections_file, allow_shrink, ...)."""
    config = {"raw_dir": str(raw), "warehouse_path": str(warehouse), **settings}
    if cache_dir:
        config["cache_dir"] = str(cache_dir)
    if gold_dir:
        config["gold_dir"] = str(gold_dir)
    result = defs.resolve_job_def("build_warehouse").execute_in_process(
        run_config={"resources": {"settings": {"config": config}},
                    "loggers": {"console": {"config": {"log_level": "ERROR"}}}},
        instance=instance, raise_on_error=False)
    checks = {(c.asset_key.to_user_string(), c.check_name): c for c in result.get_asset_check_evaluations()}
    if not result.success:
        return Run(False, 0, 0, 0, {}, checks=checks)
    stage = result.output_for_node("ingested_documents")
    metadata = {m.asset_key.to_user_string(): m.step_materialization_data.materialization.metadata
                for m in result.get_asset_materialization_events()}
    return Run(True, stage.seen, stage.processed, stage.skipped,
               result.output_for_node("cooperation_warehouse")["tables"],
               extracted=metadata["document_extractions"]["extracted"].value, checks=checks, metadata=metadata)


def query(warehouse: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def cli(*args: str, dagster_home: Path, timeout: int = 240) -> subprocess.CompletedProcess:
    """`python -m pipeline ...` in a subprocess with its own Dagster instance."""
    env = {**os.environ, "DAGSTER_HOME": str(dagster_home)}
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def stored_files(cache_dir: Path) -> int:
    """How many files the per-document store in `cache_dir` holds entries for (read-only: opening it as a store
    under another fingerprint would empty it)."""
    path = Path(cache_dir) / "documents.duckdb"
    if not path.exists():
        return 0
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("SELECT count(*) FROM entries").fetchall()[0][0]
