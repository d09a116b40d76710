"""Build a warehouse from the real development set and score it (`make realset`).

Checks the fetched texts against manifest.json, copies one split of them into a temporary raw
folder with a `sources.csv` giving each file's URL, runs the pipeline on it, and scores the result
with `python -m pipeline evaluate` (per-document table, score.py's figures, activities and signing
place), and with ../shared/gold/score.py when it is beside the project.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT_ROOT = HERE.parents[1]
SCORE_PY = PROJECT_ROOT.parent / "shared" / "gold" / "score.py"
MARK = ".realset-build"  # marks a --keep folder as this script's, so a later run may replace its raw/ and gold/
SPLITS = ("tune", "holdout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15")
HELD_BACK = "fresh15"  # in no group: the batch nobody has looked at
SPLIT_GROUPS = {"all": ("tune", "holdout"), "dev": tuple(s for s in SPLITS if s != HELD_BACK)}


def manifest() -> list[dict]:
    return json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))["documents"]


def fetched(documents: list[dict], raw: Path = HERE / "raw") -> tuple[list[dict], list[str]]:
    """The documents whose text is in `raw` with the manifest's hash, and a line per problem."""
    present, problems = [], []
    for d in documents:
        path = raw / d["file"]
        if not path.is_file():
            problems.append(f"missing: {d['file']} (query {d['query']!r}, rank {d['rank']}, {d['url']})")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != d["sha256"]:
            problems.append(f"differs from the manifest: {d['file']}")
        else:
            present.append(d)
    return present, problems


def stage(documents: list[dict], work: Path) -> tuple[Path, Path]:
    """A raw folder (texts and sources.csv) and a gold folder holding exactly `documents`."""
    raw, gold = work / "raw", work / "gold"
    raw.mkdir(parents=True)
    gold.mkdir()
    with (raw / "sources.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "url"])
        for d in documents:
            shutil.copy(HERE / "raw" / d["file"], raw / d["file"])
            shutil.copy(HERE / "gold" / (Path(d["file"]).stem + ".json"), gold)
            writer.writerow([d["file"], d["url"]])
    return raw, gold


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=[*SPLITS, *SPLIT_GROUPS], default="tune",
                    help=f"tune (default); holdout, fresh ... fresh4 (each scored at the end of the work it measured, "
                         f"now tuning data too); {HELD_BACK} (never tuned on: score it only at the end of a piece of "
                         f"work); all = tune and holdout; dev = every split but {HELD_BACK}")
    ap.add_argument("--verbose", action="store_true", help="list every miss")
    ap.add_argument("--keep", help="build in this folder and keep it (default: a temporary folder)")
    args = ap.parse_args(argv)

    chosen = [d for d in manifest()
              if d["split"] == args.split or d["split"] in SPLIT_GROUPS.get(args.split, ())]
    documents, problems = fetched(chosen)
    for line in problems:
        print(line, file=sys.stderr)
    if not documents:
        print(f"no text of the {args.split} split is in {HERE / 'raw'}: see {HERE / 'README.md'}", file=sys.stderr)
        return 1
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="realset-"))
    if args.keep and work.exists() and any(work.iterdir()) and not (work / MARK).exists():
        print(f"{work} holds files this script did not write: give an empty or new folder", file=sys.stderr)
        return 1
    try:
        shutil.rmtree(work / "raw", ignore_errors=True), shutil.rmtree(work / "gold", ignore_errors=True)
        raw, gold = stage(documents, work)
        (work / MARK).touch()
        warehouse = work / "cooperation.duckdb"
        python = [sys.executable, "-m", "pipeline"]
        subprocess.run([*python, "run", "--raw-dir", str(raw), "--warehouse", str(warehouse),
                        "--cache-dir", str(work / "cache"), "--allow-shrink", "--json"],
                       check=True, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL)
        print(f"{args.split} split: {len(documents)} of {len(chosen)} documents\n")
        subprocess.run([*python, "evaluate", "--gold", str(gold), "--warehouse", str(warehouse), "--per-document",
                        *(["--verbose"] if args.verbose else [])], check=True, cwd=PROJECT_ROOT)
        if SCORE_PY.is_file():
            print("\n../shared/gold/score.py:")
            subprocess.run([sys.executable, str(SCORE_PY), "--db", str(warehouse), "--gold", str(gold)],
                           check=True, cwd=PROJECT_ROOT)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
