"""Shared fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_cases"


@pytest.fixture
def clean_penalty_dict() -> dict:
    """The clean exemplar penalty case as a dict (a fresh copy per test)."""
    return json.loads((SAMPLES / "pen-scjg-001-clean.json").read_text(encoding="utf-8"))


@pytest.fixture
def write_json(tmp_path):
    """Write a dict (or raw bytes) to a file in tmp_path and return its path."""

    def write(name: str, data, *, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(json.dumps(data, ensure_ascii=False), encoding=encoding)
        return path

    return write
