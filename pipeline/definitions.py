"""The Dagster code location: assets, checks, job, schedule, sensor and resources of the warehouse.

Runs execute in-process by default: the steps are cheap next to process start-up and spaCy loading,
and the machine is small. See README ("Executors") for switching to the multiprocess executor.
"""
import dagster as dg

from pipeline.defs.automation import build_warehouse, daily_build, raw_folder_sensor
from pipeline.defs.checks import gold_evaluation
from pipeline.defs.ingest import document_extractions, ingested_documents
from pipeline.defs.resources import PipelineSettings
from pipeline.defs.tables import contract_tables
from pipeline.defs.warehouse import cooperation_warehouse

defs = dg.Definitions(
    assets=[ingested_documents, document_extractions, contract_tables, cooperation_warehouse],
    asset_checks=[gold_evaluation],
    jobs=[build_warehouse],
    schedules=[daily_build],
    sensors=[raw_folder_sensor],
    resources={"settings": PipelineSettings(), "io_manager": dg.FilesystemIOManager()},
    executor=dg.in_process_executor,
)
