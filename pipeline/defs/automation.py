"""When the warehouse is rebuilt: on demand (the job), every day (schedule), and when raw files change (sensor).

Both triggers run the whole job; the per-document cache makes that cheap, since only new or changed
files are parsed and extracted again.
"""

import dagster as dg

from pipeline.core.folder_watch import folder_signature, settle_step
from pipeline.defs.resources import PipelineSettings

build_warehouse = dg.define_asset_job(
    "build_warehouse", selection=dg.AssetSelection.all(),
    description="Ingest the raw folder, extract, resolve, validate and publish warehouse/cooperation.duckdb.",
)

daily_build = dg.ScheduleDefinition(
    name="daily_build", job=build_warehouse, cron_schedule="0 6 * * *", execution_timezone="UTC",
    description="Rebuild the warehouse every day at 06:00 UTC (picks up anything the sensor missed).",
)


@dg.sensor(job=build_warehouse, minimum_interval_seconds=30,
           description="Requests one run when files in the raw folder are added, changed or deleted. The cursor "
                       "is a digest of every file's (path, size, mtime); a run is requested once the folder has "
                       "stayed the same for one interval, so a batch being copied in gives one run, not many.")
def raw_folder_sensor(context: dg.SensorEvaluationContext, settings: PipelineSettings):
    raw = settings.raw_path
    if not raw.is_dir():
        return dg.SkipReason(f"raw folder {raw} does not exist")
    cursor, reason = settle_step(context.cursor, folder_signature(raw))
    context.update_cursor(cursor)
    return dg.SkipReason(reason) if reason else dg.RunRequest(tags={"trigger": "raw_folder_sensor"})
