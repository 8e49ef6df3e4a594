"""The published JSON Schemas: case files, scoring standards and results."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def _load(name: str) -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


def casefile_schema() -> dict[str, Any]:
    """The case-file schema (draft 2020-12)."""
    return _load("casefile.schema.json")


def standard_schema() -> dict[str, Any]:
    """The schema a scoring standard (TOML, parsed) must satisfy."""
    return _load("standard.schema.json")


def result_schema() -> dict[str, Any]:
    """The schema of one case result line in ``score --format jsonl``."""
    return _load("result.schema.json")
