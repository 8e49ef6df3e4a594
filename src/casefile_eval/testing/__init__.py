"""Test kit for rule authors: valid base cases, a builder with overrides, and helpers to run
one rule against a case and look at its findings.

.. code-block:: python

    from casefile_eval.testing import make_case, run_rule, outcome

    def test_decision_must_be_sealed():
        bad = make_case("penalty", {"decision.sealed": False})
        assert outcome(run_rule(decision_sealed, bad)) == "fail"
        assert outcome(run_rule(decision_sealed, make_case("penalty"))) == "pass"

Base cases (valid, clean, internally consistent) ship with the package: ``penalty`` (general
procedure, market regulation), ``penalty_simple`` (on-the-spot fine) and ``licensing`` (a
granted food business licence). Overrides are dotted paths into the case (list items by
index: ``"documents.3.sealed"``; the index one past the end appends); every built case is
validated against the case-file schema, so a test can never run on a file the loader would
reject.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any

import attrs

from ..engine import Evaluator, act_date
from ..laws import DEFAULT_REGISTRY
from ..loading import LoadFailure, load_dict
from ..model import CaseFile, to_dict
from ..plugins import CheckContext, Finding, PluginSet, Rule
from ..plugins.finding import SEVERITY

BASES = {
    "penalty": "penalty_general.json",
    "penalty_general": "penalty_general.json",
    "penalty_simple": "penalty_simple.json",
    "licensing": "licensing_general.json",
}
DELETE = object()
"""Use as an override value to remove a field: ``make_case("penalty", {"filing": DELETE})``."""


class CaseBuildError(ValueError):
    """The overrides produced a case the loader would reject; the message lists why."""


@cache
def _base(name: str) -> str:
    try:
        filename = BASES[name]
    except KeyError:
        raise KeyError(f"unknown base case {name!r}; choose one of {sorted(BASES)}") from None
    return resources.files(__package__).joinpath("cases", filename).read_text(encoding="utf-8")


def base_dict(name: str = "penalty") -> dict[str, Any]:
    """A fresh copy of a base case as a dict."""
    return json.loads(_base(name))


def _set(data: Any, path: str, value: Any) -> None:
    keys = path.split(".")
    target = data
    for key in keys[:-1]:
        target = target[int(key)] if isinstance(target, list) else target.setdefault(key, {})
    last = keys[-1]
    if isinstance(target, list):
        index = int(last)
        if value is DELETE:
            del target[index]
        elif index == len(target):  # one past the end appends: "documents.17"
            target.append(value)
        else:
            target[index] = value
    elif value is DELETE:
        target.pop(last, None)
    else:
        target[last] = value


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if attrs.has(type(value)):
        from ..model.convert import _unstructure

        return _unstructure(value)
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def build_dict(base: str = "penalty", overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A base case as a dict with dotted-path ``overrides`` applied (not validated)."""
    data = base_dict(base)
    for path, value in (overrides or {}).items():
        _set(data, path, value if value is DELETE else _jsonable(value))
    return data


def make_case(
    base: str = "penalty", overrides: Mapping[str, Any] | None = None, **fields: Any
) -> CaseFile:
    """A validated :class:`CaseFile` from a base case with overrides.

    ``overrides`` maps dotted paths to values (dates may be :class:`datetime.date`, parts may
    be model objects); keyword arguments set top-level fields. Raises
    :class:`CaseBuildError` listing every problem if the result is not a valid case file.
    """
    data = build_dict(base, {**(overrides or {}), **fields})
    result = load_dict(data, source=f"<make_case {base}>")
    if isinstance(result, LoadFailure):
        raise CaseBuildError("\n".join(e.describe() for e in result.errors))
    return result.case


def replace(case: CaseFile, overrides: Mapping[str, Any]) -> CaseFile:
    """A copy of ``case`` with dotted-path overrides, validated like :func:`make_case`."""
    data = copy.deepcopy(to_dict(case))
    for path, value in overrides.items():
        _set(data, path, value if value is DELETE else _jsonable(value))
    result = load_dict(data, source="<replace>")
    if isinstance(result, LoadFailure):
        raise CaseBuildError("\n".join(e.describe() for e in result.errors))
    return result.case


@cache
def _installed_plugins() -> PluginSet:
    return PluginSet.load()


def context_for(
    rule: Rule,
    *,
    parameters: Mapping[str, Any] | None = None,
    as_of: dt.date | None = None,
    plugins: PluginSet | None = None,
) -> CheckContext:
    """The context a rule's check gets: every declared parameter at its default, overridden
    by ``parameters``; the default law registry plus the plugins' law versions."""
    plugins = plugins or _installed_plugins()
    values = {name: p.default for name, p in plugins.parameters.items()}
    values.update(parameters or {})
    return CheckContext(
        rule,
        values,
        as_of or dt.date(2026, 1, 1),
        DEFAULT_REGISTRY.with_versions(plugins.law_versions),
        "testing",
    )


def run_rule(
    rule: Rule | str,
    case: CaseFile | Mapping[str, Any],
    *,
    parameters: Mapping[str, Any] | None = None,
    as_of: dt.date | None = None,
    plugins: PluginSet | None = None,
) -> list[Finding]:
    """Run one rule (a Rule or an installed rule's id) on a case, exactly as the engine would
    (including the engine's handling of a raising check and of missing holiday data), and
    return its findings. Returns ``[]`` when the rule's ``applies_to`` excludes the case or its
    legal basis was not in force on the case's act date (``in_force_from``/``until``)."""
    from ..engine import _run_check

    plugins = plugins or _installed_plugins()
    if isinstance(rule, str):
        rule = plugins.rules[rule]
    if not isinstance(case, CaseFile):
        loaded = load_dict(dict(case))
        if isinstance(loaded, LoadFailure):
            raise CaseBuildError("\n".join(e.describe() for e in loaded.errors))
        case = loaded.case
    if not rule.applies_to.matches_kind(case.kind, case.procedure):
        return []
    if rule.applies_to.needs_case_test and not rule.applies_to.matches_case(case):
        return []
    if not rule.in_force_on(act_date(case)):
        return []
    ctx = context_for(rule, parameters=parameters, as_of=as_of, plugins=plugins)
    if plugins.has_prepare_hooks:
        plugins.hook.casefile_eval_prepare_case(case=case, parameters=ctx.parameters)
    return list(_run_check(rule, case, ctx))


def outcome(findings: Iterable[Finding]) -> str:
    """The outcome that decides: error > fail > needs_review > pass > not_applicable;
    ``"skipped"`` when there are no findings (the rule did not apply)."""
    findings = list(findings)
    if not findings:
        return "skipped"
    return max(findings, key=lambda f: SEVERITY[f.outcome]).outcome


def assert_outcome(findings: Iterable[Finding], expected: str, *, contains: str = "") -> None:
    """Assert the deciding outcome (and that some message contains ``contains``)."""
    findings = list(findings)
    got = outcome(findings)
    shown = "\n".join(f"  {f.outcome}: {f.message}" for f in findings)
    assert got == expected, f"expected {expected}, got {got}:\n{shown}"
    if contains:
        assert any(contains in f.message for f in findings), (
            f"no finding mentions {contains!r}:\n{shown}"
        )


def evaluator(**kwargs: Any) -> Evaluator:
    """An :class:`Evaluator` with the installed plugins (keyword arguments pass through)."""
    kwargs.setdefault("plugins", _installed_plugins())
    kwargs.setdefault("as_of", dt.date(2026, 1, 1))
    return Evaluator(**kwargs)
