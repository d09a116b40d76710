"""Thin Dagster modules, one per stage; the work itself lives in `pipeline.core` (no Dagster there)."""
