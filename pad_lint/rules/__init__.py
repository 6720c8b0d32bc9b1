"""Rule families. Each module registers its rules in :data:`registry.REGISTRY` on import."""

from __future__ import annotations

import importlib

#: One module per rule family, imported on first use.
FAMILY_MODULES = ("licence", "links", "inclusive", "images", "structure", "event")

_loaded = False


def load_families() -> None:
    """Import every rule family module once (registers their rules)."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    for name in FAMILY_MODULES:
        try:
            importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
    importlib.import_module("pad_lint.suppress")  # registers NOQA001/NOQA002 (directive checks)
