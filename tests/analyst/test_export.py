"""`python -m pipeline export`: every table (and with --views every view) as files, read-only."""
from __future__ import annotations

import csv

import duckdb
import pytest

from pipeline.analyst.export import export_warehouse
from pipeline.cli import main
from pipeline.core.publish import view_names
from schemas import TABLE_COLUMNS


def test_parquet_export_writes_every_table_with_its_rows_and_types(sample, tmp_path):
    reader = duckdb.connect(str(sample.warehouse), read_only=True)  # a writer could not open beside it
    try:
        written = export_warehouse(sample.warehouse, tmp_path, "parquet")
        assert sorted(written) == sorted(TABLE_COLUMNS)
        for table, path in written.items():
            exported = reader.execute(f"DESCRIBE SELECT * FROM '{path}'").fetchall()
            assert [(c, t) for c, t, *_ in exported] == list(TABLE_COLUMNS[table].items()), table
            rows = reader.execute(f"SELECT count(*) FROM '{path}'").fetchall()
            assert rows == reader.execute(f'SELECT count(*) FROM "{table}"').fetchall(), table
    finally:
        reader.close()


def test_csv_export_from_the_command_line_includes_views(sample, tmp_path, capsys):
    code = main(["export", "--format", "csv", "--out", str(tmp_path / "csv"), "--warehouse", str(sample.warehouse),
                 "--views"])
    assert code == 0
    assert "wrote" in capsys.readouterr().out
    names = {p.stem for p in (tmp_path / "csv").iterdir()}
    assert names == set(TABLE_COLUMNS) | set(view_names())
    with open(tmp_path / "csv" / "agreement_events.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows and "party_names" in rows[0]
    assert any("The University of Hong Kong" in r["party_names"] for r in rows)


def test_missing_warehouse_is_a_clear_error_and_writes_nothing(tmp_path, capsys):
    code = main(["export", "--format", "parquet", "--out", str(tmp_path / "out"),
                 "--warehouse", str(tmp_path / "absent.duckdb")])
    assert code == 1
    err = capsys.readouterr().err
    assert "absent.duckdb does not exist" in err and "python -m pipeline run" in err
    assert not (tmp_path / "out").exists()


def test_unknown_format_is_refused(sample, tmp_path):
    with pytest.raises(ValueError, match="unknown export format"):
        export_warehouse(sample.warehouse, tmp_path, "xlsx")
