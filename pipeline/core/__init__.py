"""The pure core: text in, records out. Nothing in this package imports Dagster."""
