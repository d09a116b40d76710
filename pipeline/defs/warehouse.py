"""Warehouse group: publish the validated tables, bad rows quarantined, as the DuckDB file, atomically.

The validation comes in as an input (`validated_tables`, computed with the tables' blocking checks in
the step that builds them: pipeline/defs/checks.py), so what is published is what the checks reported on.

Only this asset writes DuckDB, and it runs in the `duckdb_writer` pool (limit 1 in the instance's
dagster.yaml), so two runs never build the file at once; it also holds the warehouse's writer lock
(pipeline/core/writer_lock.py), so it waits for a `python -m pipeline rollback` in progress (and logs that it
waits), and a rollback never runs while it publishes. When the last warehouse was built by the same code and
rules, it publishes by changing a copy of it (pipeline/core/publish_changes.py): the same rows as a fresh build,
at a cost that follows what changed rather than the corpus. Any exception here (a table-level schema
error, a failed build) leaves the previously published warehouse untouched.
"""

import dagster as dg
import pandas as pd

from pipeline.core.document_store import STORE_FILE
from pipeline.core.publish_changes import publish_changes
from pipeline.core.validate import Validation, published_tables
from pipeline.defs.checks import PUBLISHED_CONTRACT, VALIDATED_TABLES, published_contract_result
from pipeline.defs.ingest import markdown_preview
from pipeline.defs.resources import OWNERS, PipelineSettings


@dg.asset(
    group_name="warehouse", kinds={"duckdb"}, owners=OWNERS, pool="duckdb_writer",
    check_specs=[PUBLISHED_CONTRACT],
    ins={"validated_tables": dg.AssetIn(key=VALIDATED_TABLES.key)},
    description="The published DuckDB file (warehouse/cooperation.duckdb by default): every contract table, "
                "validated, with rows that fail validation moved to rejected_records (the documents' text copied "
                "from the per-document store), and the analysts' views (agreement_overview, delegation_overview, "
                "lab_overview, agreement_events, collaboration_network). Built beside the target and swapped in "
                "atomically; the warehouse it "
                "replaces is kept in <name>.history/ (the newest settings.keep_warehouses).",
)
def cooperation_warehouse(context: dg.AssetExecutionContext, settings: PipelineSettings,
                          validated_tables: Validation):
    valid, quarantined = published_tables(validated_tables)
    target = settings.warehouse_file
    counts = publish_changes(valid, target, keep=settings.keep_warehouses, on_wait=context.log.warning,
                                texts=settings.cache_path / STORE_FILE)
    summary = pd.DataFrame([{"table": t, "rows": n} for t, n in counts.items()])
    metadata = {
        "path": dg.MetadataValue.path(str(target)), "dagster/row_count": sum(counts.values()),
        "quarantined_by_validation": quarantined, "rejected_records": counts["rejected_records"],
        "row_counts": markdown_preview(summary, rows=len(summary)),
    }
    yield dg.Output({"warehouse": str(target), "tables": counts, "quarantined": quarantined}, metadata=metadata)
    yield published_contract_result(str(target))
