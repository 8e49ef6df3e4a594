"""Generate ``casefile.schema.json`` from the model classes.

Run ``python -m casefile_eval.schema.generate`` after changing the model; a test fails when the
committed schema is stale. The model is the source of truth so that the schema, the loader and
the documentation cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import types
import typing
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import attrs

from ..model._fields import DOC, SCHEMA, ZH
from ..model.casefile import SCHEMA_VERSION, CaseFile
from ..model.vocab import LICENSING_OUTCOMES, PENALTY_OUTCOMES

SCHEMA_PATH = Path(__file__).with_name("casefile.schema.json")
SCHEMA_ID = "https://casefile-eval.invalid/schema/casefile.schema.json"

_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_DATETIME = {
    "type": "string",
    "pattern": (
        r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
        r"[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$"
    ),
}


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        inner = _type_schema(args[0], defs)
        if "$ref" in inner:
            return {"anyOf": [inner, {"type": "null"}]}
        if "enum" in inner:
            return {**inner, "enum": [*inner["enum"], None]}
        return {**inner, "type": [inner["type"], "null"]}
    if origin is Literal:
        return {"enum": list(get_args(tp))}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(get_args(tp)[0], defs)}
    if origin is dict:
        return {"type": "object"}
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is dt.datetime:
        return dict(_DATETIME)
    if tp is dt.date:
        return dict(_DATE)
    if attrs.has(tp):
        _class_schema(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    raise TypeError(f"no schema mapping for {tp!r}")


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    if cls.__name__ in defs:
        return defs[cls.__name__]
    defs[cls.__name__] = {}  # placeholder against recursion
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        if ZH not in field.metadata:
            continue  # internal fields such as CaseFile.derived
        schema = _type_schema(hints[field.name], defs)
        extra = field.metadata[SCHEMA]
        if extra:
            target = schema
            if schema.get("type") == "array" and not any(k.endswith("Items") for k in extra):
                target = schema["items"]
            target.update(extra)
        title = field.metadata[ZH]
        doc = field.metadata[DOC]
        props[field.name] = {"title": title, **({"description": doc} if doc else {}), **schema}
        if field.default is attrs.NOTHING:
            required.append(field.name)
    result: dict[str, Any] = {
        "type": "object",
        "title": (cls.__doc__ or cls.__name__).strip().splitlines()[0],
        "properties": props,
        "additionalProperties": False,
    }
    if required:
        result["required"] = required
    defs[cls.__name__] = result
    return result


def build_schema() -> dict[str, Any]:
    """The case-file JSON Schema (draft 2020-12) as a dict."""
    defs: dict[str, Any] = {}
    root = _class_schema(CaseFile, defs)
    del defs["CaseFile"]
    kind_rules = [
        {
            "if": {"required": ["kind"], "properties": {"kind": {"const": "penalty"}}},
            "then": {
                "properties": {
                    "procedure": {"enum": ["general", "simple"]},
                    "decision": {
                        "anyOf": [
                            {"type": "null"},
                            {
                                "properties": {
                                    "outcome": {"enum": [*sorted(PENALTY_OUTCOMES), None]}
                                }
                            },
                        ]
                    },
                }
            },
        },
        {
            "if": {"required": ["kind"], "properties": {"kind": {"const": "licensing"}}},
            "then": {
                "properties": {
                    "procedure": {"enum": ["general", "on_the_spot", "joint"]},
                    "decision": {
                        "anyOf": [
                            {"type": "null"},
                            {
                                "properties": {
                                    "outcome": {"enum": [*sorted(LICENSING_OUTCOMES), None]}
                                }
                            },
                        ]
                    },
                }
            },
        },
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "行政执法案卷 (casefile-eval case file)",
        "description": (
            f"Case-file format version {SCHEMA_VERSION}. Generated from the model classes in "
            "casefile_eval.model; see docs/case-file-format.md."
        ),
        **{k: v for k, v in root.items() if k != "title"},
        "allOf": kind_rules,
        "$defs": dict(sorted(defs.items())),
    }


def render() -> str:
    """The schema as the exact text committed to the repository."""
    return json.dumps(build_schema(), ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    SCHEMA_PATH.write_text(render(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
