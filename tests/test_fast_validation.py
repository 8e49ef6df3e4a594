"""The fast validator (jsonschema-rs) and the reference one (jsonschema, with format checking)
reach the same verdict: on the samples, on the benchmark generator's output and on files
mutated the ways real exports go wrong."""

from __future__ import annotations

import copy
import importlib.util
import json
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile_eval import loading
from casefile_eval.loading import LoadedCase, LoadFailure, RawRecord, load_record

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_FILES = sorted((ROOT / "sample_cases").glob("*.json")) + sorted(
    (ROOT / "src" / "casefile_eval" / "testing" / "cases").glob("*.json")
)
FAST, REFERENCE = loading._validators()


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generate = _generator()
GENERATED = [orjson.loads(line) for line in generate.stream_lines(300, seed=21, distinct=300)]
EXAMPLES = [json.loads(p.read_text(encoding="utf-8")) for p in EXAMPLE_FILES]


def verdicts(data: Any) -> tuple[bool, bool]:
    """(fast says valid, reference says valid) for what the loader would see."""
    data = orjson.loads(orjson.dumps(data))  # as read from a file: JSON values only
    return FAST.is_valid(data), not any(REFERENCE.iter_errors(data))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_examples_are_valid_for_both(path):
    assert verdicts(json.loads(path.read_text(encoding="utf-8"))) == (True, True)


def test_every_generated_file_is_valid_and_loads():
    for number, case in enumerate(GENERATED, 1):
        assert verdicts(case) == (True, True), case["case_id"]
        loaded = load_record(RawRecord("<generated>", orjson.dumps(case), number))
        assert isinstance(loaded, LoadedCase), [e.describe() for e in loaded.errors]


def test_generated_files_vary():
    kinds = {(c["kind"], c["procedure"]) for c in GENERATED}
    assert {("penalty", "general"), ("penalty", "simple"), ("licensing", "general")} <= kinds
    assert len({c["agency"]["name"] for c in GENERATED}) >= 10
    assert len({c.get("sector") for c in GENERATED}) >= 3
    assert len({c["case_id"] for c in GENERATED}) == len(GENERATED)
    assert (
        generate.stream_lines(5, seed=21).__next__() == generate.stream_lines(5, seed=21).__next__()
    )


# --------------------------------------------------------------------------- mutations

_ENUM_KEYS = {
    "kind",
    "procedure",
    "sector",
    "type",
    "role",
    "roles",
    "level",
    "subject_type",
    "outcome",
    "method",
    "channel",
    "source",
    "conclusion",
    "step",
}
_OTHER_TYPES = [0, -1, 1.5, 10**12, "x", "", True, False, None, [], {}, ["x"], {"a": 1}]
_BAD_DATES = [
    "2025-02-30",
    "2025-13-01",
    "2025-00-10",
    "20250101",
    "2025-1-1",
    "2025-01-01\n",
    " 2025-01-01",
    "２０２５-０１-０１",
    "2025-01-01T00:00",
    "2025-03-03 09:30",
    "",
    "0000-00-00",
    "2024-02-29",
    "2023-02-29",
]
_STRING_EDITS = [
    lambda s: s + "\n",
    lambda s: "\n" + s,
    lambda s: s + " ",
    lambda s: "",
    lambda s: s * 80,
    lambda s: s.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    lambda s: s.upper(),
    lambda s: s.replace("-", "/"),
    lambda s: s + "\u0000",
    lambda s: s + "é",
]


def _places(node: Any, out: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in the document, in a stable order."""
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        out.append((node, key))
        if isinstance(value, dict | list) and value:
            _places(value, out)
    return out


def _is_date(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 10 and value[4:5] == "-"


@st.composite
def mutated_files(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(draw(st.sampled_from(EXAMPLES + GENERATED[:40])))
    for _ in range(draw(st.integers(1, 3))):
        places = _places(data, [])
        how = draw(
            st.sampled_from(["type", "delete", "date", "enum", "unknown", "string", "number"])
        )
        if how == "date":
            places = [p for p in places if _is_date(p[0][p[1]])] or places
        elif how == "enum":
            places = [p for p in places if p[1] in _ENUM_KEYS] or places
        elif how == "string":
            places = [p for p in places if isinstance(p[0][p[1]], str)] or places
        elif how == "number":
            places = [p for p in places if type(p[0][p[1]]) in (int, float)] or places
        elif how == "unknown":
            places = [p for p in places if isinstance(p[0][p[1]], dict)] + [(None, None)]
        parent, key = draw(st.sampled_from(places))
        if how == "type":
            parent[key] = draw(st.sampled_from(_OTHER_TYPES))
        elif how == "delete":
            del parent[key]
        elif how == "date":
            parent[key] = draw(st.sampled_from(_BAD_DATES))
        elif how == "enum":
            value = parent[key]
            parent[key] = draw(
                st.sampled_from(["bogus", "", "Penalty", str(value).upper(), [value], 1])
            )
        elif how == "unknown":
            target = data if parent is None else parent[key]
            target[draw(st.sampled_from(["unexpected", "caseId", "备注", "id"]))] = "x"
        elif how == "string":
            value = parent[key]
            if isinstance(value, str):
                parent[key] = draw(st.sampled_from(_STRING_EDITS))(value)
        elif how == "number":
            parent[key] = draw(
                st.sampled_from([-1, 0, 0.5, 1.0, 2**31, 2**63 - 1, -(2**63), 1e308, -0.0])
            )
    return data


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_files())
def test_fast_and_reference_validators_agree_on_mutated_files(data):
    fast, reference = verdicts(data)
    assert fast == reference


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_files())
def test_an_invalid_file_is_reported_with_its_errors(data):
    loaded = load_record(RawRecord("<mutated>", orjson.dumps(data)))
    if verdicts(data) == (False, False):
        assert isinstance(loaded, LoadFailure)
        assert all(e.message != "未通过格式校验" for e in loaded.errors)


@pytest.mark.parametrize(
    ("pattern", "text", "matches"),
    [
        (r"^\d{6}$", "330106", True),
        (r"^\d{6}$", "330106\n", False),
        (r"^\d{6}$", "３３０１０６", False),
        (r"^1\.\d+$", "1.0", True),
        (r"^[$a-z]+$", "a$b", True),
        (r"^a\$$", "a$", True),
        (r"^a\$$", "a$\n", False),
    ],
)
def test_reference_patterns_read_like_json_schema(pattern, text, matches):
    assert bool(loading._ecma_regex(pattern).search(text)) is matches


def test_a_disagreement_still_rejects_the_file(monkeypatch):
    class Stricter:
        def is_valid(self, data: Any) -> bool:
            return False

    monkeypatch.setattr(loading, "_validators", lambda: (Stricter(), REFERENCE))
    loaded = load_record(RawRecord("x.json", EXAMPLE_FILES[0].read_bytes()))
    assert isinstance(loaded, LoadFailure)
    assert loaded.errors[0].message == "未通过格式校验"
