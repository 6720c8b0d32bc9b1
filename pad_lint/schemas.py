"""JSON Schemas generated from the pydantic models, committed under ``schemas/``.

``python -m pad_lint.schemas --write`` regenerates them; ``--check`` exits 1
when the committed files drift from the models (the tests do the same).
Schemas are Draft 2020-12, as pydantic 2 emits.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

SCHEMA_NAMES = ("event-document", "report", "config")
DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


def schema_for(name: str) -> dict[str, Any]:
    """The JSON Schema of ``name`` (one of :data:`SCHEMA_NAMES`).

    Raises:
        KeyError: unknown name.
    """
    from pydantic import TypeAdapter

    if name == "event-document":
        from .event.models import EventDocument

        schema = EventDocument.model_json_schema(mode="serialization")
        title = "pad-lint event document"
    elif name == "config":
        from .config import Config

        schema = Config.model_json_schema(mode="validation", by_alias=True)
        title = "pad-lint configuration ([tool.pad-lint] or .pad-lint.toml)"
    elif name == "report":
        from .report.model import REPORT_MODEL

        adapter = REPORT_MODEL if isinstance(REPORT_MODEL, TypeAdapter) else TypeAdapter(REPORT_MODEL)
        schema = adapter.json_schema(mode="serialization")
        title = "pad-lint JSON report (--output-format json)"
    else:
        raise KeyError(name)
    return {"$schema": DRAFT, "$id": f"https://pad-lint.example/schemas/{name}.schema.json",
            "title": title, **{k: v for k, v in schema.items() if k != "title"}}


def render(name: str) -> str:
    return json.dumps(schema_for(name), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pad_lint.schemas", description=__doc__)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", action="store_true", help="regenerate schemas/*.schema.json")
    group.add_argument("--check", action="store_true", help="exit 1 if a committed schema is out of date")
    args = parser.parse_args(argv)
    stale = []
    for name in SCHEMA_NAMES:
        path = SCHEMA_DIR / f"{name}.schema.json"
        try:
            text = render(name)
        except ImportError as exc:
            print(f"{name}: skipped ({exc})", file=sys.stderr)
            continue
        if args.write:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        elif not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(str(path))
    for p in stale:
        print(f"{p}: out of date; run `python -m pad_lint.schemas --write`", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
