"""Per-document work across processes: results in order, and a worker is sent the rulebook's folder, not the rulebook."""
from __future__ import annotations

import os
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


def _pid(item: int, rules) -> tuple[int, int]:
    return item, os.getpid()


def test_batches_keep_their_keys_and_order_and_one_pool_works_them_all(monkeypatch):
    monkeypatch.setenv("PIPELINE_WORKERS", "2")
    rules = default_rulebook()
    size = 2 * parallel.MIN_ITEMS_PER_WORKER
    batches = [("small", [0, 1]), ("a", list(range(size))), ("b", list(range(size, 2 * size)))]
    got = [(key, list(results)) for key, results in parallel.map_batches(_pid, batches, rules)]
    assert [key for key, _ in got] == ["small", "a", "b"]
    assert [[item for item, _ in results] for _, results in got] == [items for _, items in batches]
    assert {pid for _, pid in got[0][1]} == {os.getpid()}  # too small for workers: run here
    worked = {pid for _, results in got[1:] for _, pid in results[1:]}  # "a"'s first item runs here, before the fork
    assert os.getpid() not in worked and len(worked) <= 2  # a pool per batch would have started four processes
