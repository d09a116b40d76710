"""Per-document work across processes: results in order, and a worker is sent the rulebook's folder, not the rulebook."""
from __future__ import annotations

import pickle

from pipeline.core import parallel
from tests.support.rules import default_rulebook


def _probe(item: int, rules) -> tuple[int, int]:
    return item, id(rules)


def test_a_task_travels_as_the_rulebooks_folder_and_finds_the_rulebook_already_read():
    rules = default_rulebook()
    task = parallel._WithRules(_probe, rules)
    data = pickle.dumps(task)
    assert len(data) < 1000  # the rulebook itself pickles to hundreds of kilobytes
    assert pickle.loads(data).rules is rules  # load_rulebook has this folder's rulebook: not read again


def test_forked_workers_keep_the_order_and_use_the_rulebook_they_inherited(monkeypatch):
    monkeypatch.setenv("PIPELINE_WORKERS", "2")
    rules = default_rulebook()
    items = list(range(2 * parallel.MIN_ITEMS_PER_WORKER))
    assert list(parallel.map_documents(_probe, items, rules)) == [(i, id(rules)) for i in items]
