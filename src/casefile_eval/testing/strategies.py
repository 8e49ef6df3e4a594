"""Hypothesis strategies that produce valid case files (as dicts), for property tests of
rules and of code that consumes case files.

.. code-block:: python

    from hypothesis import given
    from casefile_eval.testing.strategies import case_dicts

    @given(case_dicts())
    def test_my_rule_never_errors(data):
        findings = run_rule(my_rule, data)
        assert outcome(findings) != "error"

Each example starts from one of the valid base cases and varies it the way real files vary:
optional sections removed, dates moved, amounts changed, yes/no facts flipped, officers and
documents edited. Every example is a valid case file (the loader accepts it).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from . import BASES, base_dict

#: Optional sections that can be absent from a valid file of each kind.
_OPTIONAL_SECTIONS = {
    "penalty": (
        "clue",
        "filing",
        "violation",
        "prior_notice",
        "reply",
        "legal_review",
        "collective_discussion",
        "execution",
        "closing",
        "archive",
        "publicity",
        "recordings",
        "on_the_spot",
        "services",
    ),
    "licensing": (
        "acceptance",
        "verifications",
        "interested_parties",
        "issuance",
        "publicity",
        "archive",
        "services",
    ),
}
_DATE_FIELDS = ("date", "served_date", "found_date", "collected_date", "start_date", "end_date")


def _walk_dates(node: Any, shift: int) -> Any:
    if isinstance(node, dict):
        return {
            k: (
                (dt.date.fromisoformat(v) + dt.timedelta(days=shift)).isoformat()
                if k in _DATE_FIELDS and isinstance(v, str)
                else _walk_dates(v, shift)
            )
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_walk_dates(v, shift) for v in node]
    return node


@st.composite
def case_dicts(draw: st.DrawFn, kind: str | None = None) -> dict[str, Any]:
    """A valid case file as a dict (``kind``: "penalty", "licensing" or any)."""
    names = [n for n in ("penalty", "penalty_simple", "licensing") if n in BASES]
    if kind == "penalty":
        names = ["penalty", "penalty_simple"]
    elif kind == "licensing":
        names = ["licensing"]
    data = base_dict(draw(st.sampled_from(names)))
    data["case_id"] = draw(st.from_regex(r"[A-Z]{2,4}-[0-9]{4}-[0-9]{3,6}", fullmatch=True))
    for section in _OPTIONAL_SECTIONS[data["kind"]]:
        if section in data and draw(st.booleans()) and draw(st.booleans()):
            del data[section]
    # Move some dates relative to each other: a late decision, an early service …
    for section in ("decision", "filing", "prior_notice", "acceptance", "issuance", "closing"):
        if section in data and draw(st.integers(0, 3)) == 0:
            data[section] = _walk_dates(data[section], draw(st.integers(-60, 200)))
    for doc in data.get("documents", []):
        for flag in ("sealed", "party_signed", "certificates_shown", "every_page_signed"):
            if flag in doc and draw(st.integers(0, 5)) == 0:
                doc[flag] = not doc[flag]
        if doc.get("officers") and draw(st.integers(0, 6)) == 0:
            doc["officers"] = doc["officers"][:1]
    decision = data.get("decision")
    if decision:
        for penalty in decision.get("penalties", []):
            if "amount" in penalty and draw(st.booleans()):
                penalty["amount"] = draw(st.integers(0, 2_000_000))
        if draw(st.integers(0, 4)) == 0:
            decision.pop("penalty_provisions", None)
        if draw(st.integers(0, 4)) == 0:
            decision["sealed"] = False
    for officer in data.get("officers", []):
        if "certificate_valid_until" in officer and draw(st.integers(0, 6)) == 0:
            officer["certificate_valid_until"] = "2024-12-31"
    return data
