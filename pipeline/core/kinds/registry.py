"""The fact kinds the warehouse extracts: every `FactKind` defined in a module of this package.

A kind is registered by writing its module here; nothing else lists it. They run in the order of
their `order` (a kind may add the governments of the places it finds acting, which the later kinds
then see), and evaluation reports them in that order.
"""
from __future__ import annotations

import importlib
import pkgutil

from pipeline.core import kinds as _package
from pipeline.core.kinds.base import FactKind
from schemas import CATALOG, Catalog

_NOT_KINDS = {"base", "events", "registry"}


def kind_modules() -> tuple[str, ...]:
    """The modules of this package that may define kinds (what the extraction cache's code digest must cover:
    they are imported by name, not by an import statement it could follow)."""
    return tuple(f"{_package.__name__}.{m.name}" for m in pkgutil.iter_modules(_package.__path__)
                 if m.name not in _NOT_KINDS)


def discover() -> tuple[FactKind, ...]:
    """Every FactKind defined at the top level of a module of this package, in their order."""
    found = []
    for name in kind_modules():
        namespace = vars(importlib.import_module(name))
        found.extend(v for v in namespace.values() if isinstance(v, FactKind))
    names = [k.name for k in found]
    if len(set(names)) != len(names):
        raise RuntimeError(f"two fact kinds share a name: {sorted(names)}")
    return tuple(sorted(found, key=lambda k: (k.order, k.name)))


FACT_KINDS: tuple[FactKind, ...] = discover()


def catalog_for(kinds: tuple[FactKind, ...]) -> Catalog:
    """The warehouse's tables with those the kinds bring themselves (a kind whose models are not in schemas)."""
    extra = [model for kind in kinds for model in kind.models]
    return CATALOG.with_models(*extra) if extra else CATALOG
