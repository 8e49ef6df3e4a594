"""Generate ``docs/case-file-format.md`` from the model classes (a test keeps it current).

Run ``python -m casefile_eval.schema.formatdoc`` after changing the model.
"""

from __future__ import annotations

import datetime as dt
import sys
import types
import typing
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import attrs

from ..model._fields import DOC, SCHEMA, ZH
from ..model.casefile import SCHEMA_VERSION, CaseFile
from ..model.vocab import VOCABULARIES

DOC_PATH = Path(__file__).resolve().parents[3] / "docs" / "case-file-format.md"
EXAMPLE = Path(__file__).resolve().parents[3] / "sample_cases" / "pen-scjg-001-clean.json"

_INTRO = """# 案卷格式 · The case-file format

Version {version}. One case file (案卷) is one JSON object (UTF-8, UTF-8 with BOM or GB18030); a
JSONL file holds one case per line. The JSON Schema is
`src/casefile_eval/schema/casefile.schema.json` (draft 2020-12). This page and the schema are
generated from the model classes (`src/casefile_eval/model/`): do not edit by hand.

Conventions:
- Dates are `YYYY-MM-DD`; times `YYYY-MM-DDTHH:MM` (where the law counts hours or the file
  records when an act began and ended). Amounts are in yuan.
- Most fields are optional: leave out what the file does not say; rules report what is missing
  rather than the loader rejecting the file. Unknown fields are rejected (typos are caught).
- Parties, officers, documents, evidence, facts, recordings and compulsory measures have ids
  (`P1`, `O1`, `D01` …) unique in their list; other parts refer to them by id, and the loader
  checks every reference.
- Sections for penalty files (`clue` … `on_the_spot`) and licensing files (`application` …
  `fees`) stay empty for the other kind. `extensions` is free-form data for plugins.
"""


def _type_name(tp: Any) -> str:
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return _type_name(next(a for a in get_args(tp) if a is not type(None)))
    if origin is tuple:
        return f"list of {_type_name(get_args(tp)[0])}"
    if origin is dict:
        return "object"
    if origin is Literal:
        for name, (literal, _) in VOCABULARIES.items():
            if set(get_args(literal)) == set(get_args(tp)):
                return f"[{name}](#{name.lower()})"
        return " / ".join(f"`{v}`" for v in get_args(tp))
    if tp is dt.date:
        return "date"
    if tp is dt.datetime:
        return "datetime"
    if attrs.has(tp):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    return {str: "string", int: "integer", float: "number", bool: "boolean"}.get(tp, str(tp))


def _classes() -> list[type]:
    seen: list[type] = []

    def visit(cls: type) -> None:
        if cls in seen:
            return
        seen.append(cls)
        hints = typing.get_type_hints(cls)
        for field in attrs.fields(cls):
            for arg in _leaf_types(hints[field.name]):
                if attrs.has(arg):
                    visit(arg)

    visit(CaseFile)
    return seen


def _leaf_types(tp: Any) -> list[Any]:
    args = get_args(tp)
    if not args or get_origin(tp) is Literal:
        return [tp]
    return [leaf for a in args for leaf in _leaf_types(a)]


def render() -> str:
    """The document as committed."""
    out = [_INTRO.format(version=SCHEMA_VERSION)]
    for cls in _classes():
        out.append(f"## {cls.__name__}")
        out.append("")
        out.append((cls.__doc__ or "").strip().splitlines()[0])
        out.append("")
        out.append("| Field | 中文 | Type | Required | Notes |")
        out.append("| --- | --- | --- | --- | --- |")
        hints = typing.get_type_hints(cls)
        for field in attrs.fields(cls):
            if ZH not in field.metadata:
                continue
            notes = field.metadata[DOC]
            extra = field.metadata[SCHEMA]
            if extra:
                notes = (notes + " " if notes else "") + ", ".join(
                    f"{k} {v}" for k, v in extra.items() if k != "pattern"
                )
            if (
                field.default is not attrs.NOTHING
                and field.default not in (None,)
                and not isinstance(field.default, attrs.Factory)
            ):
                notes = (notes + " " if notes else "") + f"Default `{field.default}`."
            required = "yes" if field.default is attrs.NOTHING else ""
            out.append(
                f"| `{field.name}` | {field.metadata[ZH]} | {_type_name(hints[field.name])} | "
                f"{required} | {notes.strip()} |"
            )
        out.append("")
    out.append("## Code lists")
    out.append("")
    for name, (_, labels) in VOCABULARIES.items():
        out.append(f"### {name}")
        out.append("")
        out.append("| Code | 中文 |")
        out.append("| --- | --- |")
        out.extend(f"| `{code}` | {label} |" for code, label in labels.items())
        out.append("")
    out.append("## A complete example")
    out.append("")
    out.append("A clean market-regulation penalty case (`sample_cases/pen-scjg-001-clean.json`):")
    out.append("")
    out.append("```json")
    out.append(EXAMPLE.read_text(encoding="utf-8").rstrip())
    out.append("```")
    return "\n".join(out) + "\n"


def main() -> int:
    DOC_PATH.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
