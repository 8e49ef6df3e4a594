"""The model: dict -> model -> dict round-trips; generated schema is current; the loader never
raises whatever is done to a valid file."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile_eval.identifiers import (
    credit_code_check_char,
    id_check_digit,
    is_valid_credit_code,
    is_valid_id_number,
)
from casefile_eval.loading import LoadedCase, LoadFailure, RawRecord, load_record
from casefile_eval.model import from_dict, to_dict
from casefile_eval.schema import generate
from casefile_eval.testing.strategies import case_dicts

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "sample_cases").glob("*.json"))


def test_committed_schema_is_generated_from_the_model():
    assert generate.SCHEMA_PATH.read_text(encoding="utf-8") == generate.render(), (
        "casefile.schema.json is stale: run python -m casefile_eval.schema.generate"
    )


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(case_dicts())
def test_generated_cases_are_valid_and_round_trip(data):
    result = load_record(RawRecord("gen", orjson.dumps(data)))
    assert isinstance(result, LoadedCase), [e.describe() for e in result.errors]
    case = result.case
    again = from_dict(to_dict(case))
    assert again == case
    assert to_dict(again) == to_dict(case)


def test_samples_round_trip():
    for path in SAMPLES:
        data = json.loads(path.read_text(encoding="utf-8"))
        case = from_dict(data)
        assert from_dict(to_dict(case)) == case


_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*prefix, i))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_mutations_never_raise_out_of_the_loader(data):
    path = data.draw(st.sampled_from(SAMPLES))
    doc = json.loads(path.read_text(encoding="utf-8"))
    for _ in range(data.draw(st.integers(1, 4))):
        paths = [p for p in _paths(doc) if p]
        target = data.draw(st.sampled_from(paths))
        parent = doc
        for key in target[:-1]:
            parent = parent[key]
        action = data.draw(st.sampled_from(["replace", "delete", "duplicate"]))
        if action == "replace":
            parent[target[-1]] = data.draw(_json_values)
        elif action == "delete":
            del parent[target[-1]]
        elif isinstance(parent, list):
            parent.append(copy.deepcopy(parent[target[-1]]))
        if not isinstance(doc, dict):
            break
    raw = (
        orjson.dumps(doc)
        if data.draw(st.booleans())
        else orjson.dumps(doc)[: data.draw(st.integers(0, 200))]
    )
    result = load_record(RawRecord("mutated", raw))
    assert isinstance(result, LoadedCase | LoadFailure)
    if isinstance(result, LoadFailure):
        assert result.errors and all(e.message for e in result.errors)


@given(
    st.from_regex(r"[1-8]\d{5}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|1\d|2[0-8])\d{3}", fullmatch=True)
)
def test_id_check_digit(first17):
    assert is_valid_id_number(first17 + id_check_digit(first17))
    wrong = "0" if id_check_digit(first17) != "0" else "1"
    assert not is_valid_id_number(first17 + wrong)


@given(st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=17, max_size=17))
def test_credit_code_check_char(first17):
    assert is_valid_credit_code(first17 + credit_code_check_char(first17))


def test_known_identifiers():
    assert is_valid_credit_code("91350100M000100Y43")
    assert is_valid_id_number("11010519491231002X")


def test_committed_format_doc_is_generated_from_the_model():
    from casefile_eval.schema import formatdoc

    assert formatdoc.DOC_PATH.read_text(encoding="utf-8") == formatdoc.render(), (
        "docs/case-file-format.md is stale: run python -m casefile_eval.schema.formatdoc"
    )
