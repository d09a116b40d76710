"""The project's own rulebook, as the tests pass it to the stages (read once per test process)."""
from pipeline.core.reference import DEFAULT_REFERENCE_DIR, Rulebook, load_rulebook


def default_rulebook() -> Rulebook:
    return load_rulebook(DEFAULT_REFERENCE_DIR)
