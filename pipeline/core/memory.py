"""Garbage-collector settings for corpus-sized batches of work.

Loading ten thousand cache entries or merging their rows allocates millions of small objects that
all stay alive; each allocation burst triggers collections that walk every object the process
holds, so collection time grows with the corpus while finding nothing to free. These batches
create no reference cycles of their own, so the collector is paused while they run.
"""
from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Run the block without cyclic garbage collection (reference counting still frees memory)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
