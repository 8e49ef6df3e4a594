"""The rule reference is generated from the rules' metadata and kept current; every built-in
rule is documented with a legal basis, a recommendation and its plugin doc page."""

from __future__ import annotations

from pathlib import Path

from casefile_eval import ruledocs

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_committed_rule_reference_is_current():
    assert ruledocs.REFERENCE_PATH.read_text(encoding="utf-8") == ruledocs.builtin_reference(), (
        "docs/rules.md is stale: run python -m casefile_eval.ruledocs"
    )


def test_every_builtin_rule_is_documented():
    text = ruledocs.builtin_reference()
    import importlib

    for name in ruledocs.BUILTIN_PLUGINS:
        module = importlib.import_module(f"casefile_eval_rubrics.{name}")
        page = (DOCS / "rubrics" / f"{name}.md").read_text(encoding="utf-8")
        for rule in module.casefile_eval_rules():
            assert f"### {rule.id} " in text
            assert rule.legal_basis and rule.recommendation and rule.title, rule.id
            assert rule.citations, f"{rule.id}: legal basis does not parse"
            assert rule.id in page, f"{rule.id} missing from docs/rubrics/{name}.md"
