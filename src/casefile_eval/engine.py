"""Run the active standard's rules on cases and score them.

Everything that does not depend on the case is prepared once, when the :class:`Evaluator` is
built: the standard is resolved against the rules, each rule gets its :class:`CheckContext`,
and for each (kind, procedure) the list of rules that can apply is computed. Per case the
engine only derives the act date, runs ``prepare_case`` hooks if any plugin has one, calls the
checks of the rules that apply, merges judgements and scores.
"""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from . import __version__
from .calendar import HolidayDataMissing
from .judgements import Judgements
from .laws import DEFAULT_REGISTRY
from .loading import LoadedCase, LoadFailure
from .model import CaseFile
from .plugins import CheckContext, Finding, PluginSet, Rule
from .results import CaseResult, PartySummary, Provenance
from .scoring import score_case
from .standard import (
    DEFAULT_FOR_KIND,
    ResolvedItem,
    ResolvedStandard,
    Standard,
    load_standard,
    resolve,
)


@attrs.frozen(slots=True)
class _Planned:
    item: ResolvedItem
    ctx: CheckContext
    case_test: bool
    dated: bool


def act_date(case: CaseFile) -> dt.date | None:
    """The date of the act a case is judged by: the decision, else the filing or acceptance."""
    decision = case.decision
    if decision is not None and decision.date is not None:
        return decision.date
    for section in (case.filing, case.acceptance, case.application):
        if section is not None and section.date is not None:
            return section.date
    return None


class Evaluator:
    """Evaluate cases against a standard with the loaded plugins.

    ``standard`` may be a :class:`Standard`, a path or id of a TOML standard, or None for the
    built-in default of each kind. A standard applies to the files of its kind; files of the
    other kind are scored by that kind's default standard.
    """

    def __init__(
        self,
        standard: Standard | str | Path | None = None,
        *,
        plugins: PluginSet | None = None,
        as_of: dt.date | None = None,
        judgements: Judgements | None = None,
    ) -> None:
        self.plugins = plugins if plugins is not None else PluginSet.load()
        self.as_of = as_of or dt.date.today()
        self.judgements = judgements
        self.laws = DEFAULT_REGISTRY.with_versions(self.plugins.law_versions)
        chosen: dict[str, Standard] = {}
        if standard is not None:
            loaded = (
                standard
                if isinstance(standard, Standard)
                else load_standard(standard, search=self.plugins.standards)
            )
            chosen[loaded.kind] = loaded
        for kind, default in DEFAULT_FOR_KIND.items():
            chosen.setdefault(kind, load_standard(default))
        self.standards: dict[str, ResolvedStandard] = {
            kind: resolve(std, self.plugins) for kind, std in chosen.items()
        }
        self._contexts: dict[str, dict[str, CheckContext]] = {
            kind: {
                rule_id: CheckContext(
                    rule=item.rule,
                    parameters=resolved.parameters,
                    as_of=self.as_of,
                    laws=self.laws,
                    standard_id=resolved.standard.id,
                )
                for rule_id, item in resolved.items.items()
            }
            for kind, resolved in self.standards.items()
        }
        self._plans: dict[tuple[str, str], tuple[_Planned, ...]] = {}
        plugin_versions = tuple((p.name, p.version) for p in self.plugins.plugins)
        self.provenance: dict[str, Provenance] = {
            kind: Provenance(
                __version__,
                resolved.standard.id,
                resolved.standard.version,
                resolved.standard.title,
                plugin_versions,
                self.as_of.isoformat(),
            )
            for kind, resolved in self.standards.items()
        }
        self._prepare = self.plugins.has_prepare_hooks

    def _plan(self, kind: str, procedure: str) -> tuple[_Planned, ...]:
        key = (kind, procedure)
        plan = self._plans.get(key)
        if plan is None:
            contexts = self._contexts[kind]
            plan = tuple(
                _Planned(
                    item,
                    contexts[item.rule.id],
                    item.rule.applies_to.needs_case_test,
                    item.rule.in_force_from is not None or item.rule.in_force_until is not None,
                )
                for item in self.standards[kind].items_for(kind, procedure)
            )
            self._plans[key] = plan
        return plan

    def evaluate(self, case: CaseFile, *, source: str = "") -> CaseResult:
        """Evaluate one case."""
        resolved = self.standards[case.kind]
        act = act_date(case)
        problems: list[str] = []
        if self._prepare:
            try:
                self.plugins.hook.casefile_eval_prepare_case(
                    case=case, parameters=resolved.parameters
                )
            except Exception as exc:
                problems.append(f"prepare_case 出错：{_short(exc)}")
        findings: dict[str, tuple[Finding, ...]] = {}
        kept: list[Finding] = []
        run = 0
        for planned in self._plan(case.kind, case.procedure):
            rule = planned.item.rule
            if planned.case_test and not rule.applies_to.matches_case(case):
                continue
            if planned.dated and not rule.in_force_on(act):
                continue
            run += 1
            produced = _run_check(rule, case, planned.ctx)
            findings[rule.id] = produced
            for f in produced:
                if f.outcome != "pass" or f.message:
                    kept.append(f)
        if self.judgements is not None:
            for rule_id, judgement in self.judgements.for_case(case.case_id).items():
                if rule_id not in resolved.items:
                    problems.append(f"复评表中的规则 {rule_id} 不属于本案适用的评查标准，已忽略")
                    continue
                original = findings.get(rule_id, ())
                manual = judgement.as_finding(original)
                findings[rule_id] = (manual,)
                kept = [f for f in kept if f.rule_id != rule_id]
                kept.append(manual)
        score = score_case(findings, resolved)
        kept.sort(key=lambda f: f.rule_id)
        return CaseResult(
            case_id=case.case_id,
            kind=case.kind,
            procedure=case.procedure,
            agency=case.agency.name,
            title=case.title or "",
            case_number=case.case_number or "",
            sector=case.sector or "",
            source=source,
            parties=tuple(PartySummary(p.name, p.type) for p in case.parties),
            act_date=act.isoformat() if act else None,
            findings=tuple(kept),
            score=score,
            produced_by=self.provenance[case.kind],
            rules_run=run,
            problems=tuple(problems),
        )

    def evaluate_many(
        self, items: Iterable[CaseFile | LoadedCase | LoadFailure]
    ) -> Iterator[CaseResult | LoadFailure]:
        """Evaluate a stream in order; load failures pass through unchanged."""
        for item in items:
            if isinstance(item, LoadFailure):
                yield item
            elif isinstance(item, LoadedCase):
                where = item.source if item.line is None else f"{item.source}:{item.line}"
                yield self.evaluate(item.case, source=where)
            else:
                yield self.evaluate(item)

    @property
    def rules(self) -> Mapping[str, Rule]:
        """Every loaded rule."""
        return self.plugins.rules

    def max_deductions(self) -> dict[str, float]:
        """For each rule in any active standard, the most a reviewer may deduct."""
        out: dict[str, float] = {}
        for resolved in self.standards.values():
            for rule_id, item in resolved.items.items():
                out[rule_id] = max(out.get(rule_id, 0.0), item.max_deduction)
        return out


def _short(exc: BaseException) -> str:
    return "".join(traceback.format_exception_only(exc)).strip()


def _run_check(rule: Rule, case: CaseFile, ctx: CheckContext) -> tuple[Finding, ...]:
    try:
        produced: Any = rule.check(case, ctx)
        if isinstance(produced, Finding):
            result: tuple[Finding, ...] = (produced,)
        elif produced is None:
            return (Finding(rule.id, "error", "检查未返回结论（规则实现错误）"),)
        else:
            result = tuple(produced)
            if not result:
                return (Finding(rule.id, "error", "检查未返回结论（规则实现错误）"),)
    except HolidayDataMissing as exc:
        return (Finding(rule.id, "needs_review", str(exc), values={"缺少数据年份": exc.year}),)
    except Exception as exc:
        return (Finding(rule.id, "error", f"检查出错：{_short(exc)}"),)
    for f in result:
        if not isinstance(f, Finding) or f.rule_id != rule.id:
            return (Finding(rule.id, "error", f"检查返回了不属于本规则的结论：{f!r}"[:300]),)
    return result
