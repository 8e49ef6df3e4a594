"""The sample cases: each planted defect is caught by the rule the samples' README names, and
the clean files get no deduction at all (no false findings)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casefile_eval.batch import run_batch
from casefile_eval.testing import evaluator

SAMPLES = Path(__file__).resolve().parent.parent / "sample_cases"

#: File → the rules that must fail on it (exactly these). Kept in step with sample_cases/README.md.
EXPECTED_FAILS: dict[str, set[str]] = {
    "lic-cgzf-002-two-corrections-late-certificate.json": {"LIC-ACC-002", "LIC-DEC-006"},
    "lic-jtys-002-late-decision.json": {"CF-ARCH-002", "LIC-DEC-001"},
    "lic-scjg-002-denial-no-remedy.json": {"CF-DOC-001", "LIC-DEC-005"},
    "pen-cgzf-002-fine-out-of-range-publicity-privacy.json": {"PEN-LAW-008", "TS-PUB-004"},
    "pen-cgzf-003-simple-no-reconsideration-first.json": {"PEN-DOC-006"},
    "pen-jtys-002-simple-expired-certificate.json": {"PEN-LAW-004", "PEN-SUBJ-007"},
    "pen-jtys-003-late-service.json": {"PEN-PROC-020", "PEN-SUBJ-006"},
    "pen-scjg-005-late-filing-late-decision.json": {"PEN-PROC-005", "PEN-PROC-019"},
    "pen-sthj-002-no-hearing-right-repealed-rule.json": {"PEN-LAW-005", "PEN-PROC-011"},
    "pen-sthj-003-premature-decision.json": {
        "PEN-DISC-001",
        "PEN-DISC-007",
        "PEN-PROC-008",
        "TS-PUB-001",
    },
    "pen-yjgl-001-seizure-no-av-record.json": {"PEN-LAW-003", "TS-REC-002", "TS-REV-005"},
    "pen-yjgl-002-hearing-not-held.json": {"PEN-EVID-002", "PEN-PROC-012", "TS-REV-001"},
}


MANUAL_RULES = {
    "PEN-EVID-011",
    "PEN-DISC-008",
    "PEN-SUBJ-011",
    "PEN-LAW-010",
    "PEN-LAW-011",
    "LIC-REV-004",
}


@pytest.fixture(scope="module")
def results():
    ev = evaluator(as_of=dt.date(2026, 1, 1))
    out = {}
    for result in run_batch([SAMPLES], ev):
        assert result.ok, [e.describe() for e in result.errors]
        out[Path(result.source).name] = result
    return out


def test_every_sample_loads_and_is_scored(results):
    assert len(results) == len(list(SAMPLES.glob("*.json")))
    assert len(results) >= 12
    assert {r.kind for r in results.values()} == {"penalty", "licensing"}
    assert len({r.sector for r in results.values()}) >= 5
    assert sum(1 for name in results if name in EXPECTED_FAILS) * 2 >= len(results) - 1


@pytest.mark.parametrize("name", sorted(EXPECTED_FAILS))
def test_planted_defects_are_caught(results, name):
    failed = {i.rule_id for i in results[name].score.items if i.outcome == "fail"}
    assert failed == EXPECTED_FAILS[name]


def test_clean_samples_have_no_findings(results):
    for name, result in results.items():
        if "clean" not in name:
            continue
        bad = [
            (i.rule_id, i.outcome, i.message)
            for i in result.score.items
            if i.outcome in ("fail", "error")
        ]
        assert not bad, (name, bad)
        assert result.score.total == 100, name
        # only the manual rules may wait for a person on a clean file
        for rule_id in result.score.pending:
            assert results[name].score.items and rule_id in {
                "PEN-EVID-011",
                "PEN-DISC-008",
                "PEN-SUBJ-011",
                "PEN-LAW-010",
                "PEN-LAW-011",
                "LIC-REV-004",
            }, (name, rule_id)


def test_no_check_raises_on_any_sample(results):
    for name, result in results.items():
        assert not result.score.errors, (name, result.score.errors)
