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

from . import __version__
from .calendar import HolidayDataMissing
from .judgements import Judgements
from .laws import DEFAULT_REGISTRY
from .loading import LoadedCase, LoadFailure
from .model import CaseFile
from .plugins import CheckContext, Finding, PluginSet, Rule
from .results import CaseResult, PartySummary, Provenance
from .scoring import CaseScore, ItemScore, aggregate, score_case, score_item, share, single_item
from .standard import (
    DEFAULT_FOR_KIND,
    ResolvedItem,
    ResolvedStandard,
    Standard,
    load_standard,
    resolve,
)


class _Planned:
    """One rule of a (kind, procedure) plan, with everything its per-case run needs at hand."""

    __slots__ = (
        "cache",
        "check",
        "common",
        "ctx",
        "dated",
        "item",
        "pass_finding",
        "pass_item",
        "rule",
        "seen",
        "test",
    )

    def __init__(self, item: ResolvedItem, ctx: CheckContext, per_occurrence: bool) -> None:
        self.item = item
        self.rule = item.rule
        self.check = item.rule.check
        self.ctx = ctx
        self.dated = item.rule.in_force_from is not None or item.rule.in_force_until is not None
        #: Index of the rule's per-case applicability test in its plan, or -1 for none.
        self.test = -1
        self.pass_finding = ctx.passed()
        self.pass_item = share(single_item(item, self.pass_finding, per_occurrence))
        # Item scores of single machine findings, by (outcome, message, count): most checks
        # say one of a few things, so most cases reuse an item (and its JSON) instead of
        # building one. Capped: messages that quote case values are not worth keeping.
        self.cache: dict[tuple[str, str, int], ItemScore] = {}
        #: Findings without case values this rule made before (most "not applicable" ones),
        #: kept so that each is built and rendered to JSON once; capped like ``cache``.
        self.common: dict[tuple[Any, ...], tuple[Finding, ItemScore]] = {}
        #: ``common`` by the identity of its findings (the helpers hand out the same constant
        #: ones again), so a repeat is found without building a key; filled and capped with
        #: ``common``. The flag says whether a result lists the finding.
        self.seen: dict[int, tuple[Finding, ItemScore, bool]] = {}


#: Per rule, how many distinct single-finding item scores are kept for reuse.
_ITEM_CACHE_SIZE = 32


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
                    item.rule, resolved.parameters, self.as_of, self.laws, resolved.standard.id
                )
                for rule_id, item in resolved.items.items()
            }
            for kind, resolved in self.standards.items()
        }
        self._plans: dict[tuple[str, str], tuple[tuple[_Planned, ...], tuple[Any, ...]]] = {}
        plugin_versions = tuple((p.name, p.version) for p in self.plugins.plugins)
        self.provenance: dict[str, Provenance] = {
            kind: share(
                Provenance(
                    __version__,
                    resolved.standard.id,
                    resolved.standard.version,
                    resolved.standard.title,
                    plugin_versions,
                    self.as_of.isoformat(),
                )
            )
            for kind, resolved in self.standards.items()
        }
        self._prepare = self.plugins.has_prepare_hooks

    def _plan(self, kind: str, procedure: str) -> tuple[tuple[_Planned, ...], tuple[Any, ...]]:
        """The rules that can apply to files of this kind and procedure, in rule id order,
        and the per-case applicability tests among them (grouped, so each runs once)."""
        key = (kind, procedure)
        plan = self._plans.get(key)
        if plan is None:
            resolved = self.standards[kind]
            contexts = self._contexts[kind]
            per_occurrence = resolved.standard.per_occurrence
            planned = tuple(
                _Planned(item, contexts[item.rule.id], per_occurrence)
                for item in sorted(resolved.items_for(kind, procedure), key=_rule_id)
            )
            # Many rules share the same applies_to; a case is tested once per distinct one.
            tests: dict[Any, int] = {}
            for p in planned:
                if p.rule.applies_to.needs_case_test:
                    p.test = tests.setdefault(p.rule.applies_to, len(tests))
            plan = self._plans[key] = (planned, tuple(tests))
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
        manual = self.judgements.for_case(case.case_id) if self.judgements is not None else None
        planned, tests = self._plan(case.kind, case.procedure)
        applies = [t.matches_case(case) for t in tests]
        if manual:
            findings, kept, run = self._run_all(case, planned, applies, act)
            kept = self._merge_judgements(manual, resolved, findings, kept, problems)
            score = score_case(findings, resolved)
            kept.sort(key=_finding_rule_id)
        else:
            score, kept, run = self._run_scored(case, planned, applies, act, resolved)
        return CaseResult(
            case_id=case.case_id,
            kind=case.kind,
            procedure=case.procedure,
            agency=case.agency.name,
            title=case.title or "",
            case_number=case.case_number or "",
            sector=case.sector or "",
            source=source,
            parties=tuple([PartySummary(p.name, p.type) for p in case.parties]),
            act_date=act.isoformat() if act else None,
            findings=tuple(kept),
            score=score,
            produced_by=self.provenance[case.kind],
            rules_run=run,
            problems=tuple(problems),
        )

    def _run_scored(
        self,
        case: CaseFile,
        planned: tuple[_Planned, ...],
        applies: list[bool],
        act: dt.date | None,
        resolved: ResolvedStandard,
    ) -> tuple[CaseScore, list[Finding], int]:
        # The path of almost every case (no reviewer judgement): each rule's item is scored as
        # soon as its check returns, from a cache when the check said something said before.
        # The plan is in rule id order, so items and kept findings come out sorted.
        per_occurrence = resolved.standard.per_occurrence
        items: list[ItemScore] = []
        kept: list[Finding] = []
        run = 0
        for p in planned:
            rule = p.rule
            if p.test >= 0 and not applies[p.test]:
                continue
            if p.dated and not rule.in_force_on(act):
                continue
            run += 1
            try:
                produced = p.check(case, p.ctx)
                if produced is p.pass_finding:
                    items.append(p.pass_item)
                    continue
                # A finding the rule returned before (a shared "not applicable" one, most
                # often) is recognised by identity; the entry keeps it alive, so its id
                # cannot be reused by another object.
                seen = p.seen.get(id(produced))
                if seen is not None and seen[0] is produced:
                    items.append(seen[1])
                    if seen[2]:
                        kept.append(produced)
                    continue
                if type(produced) is Finding and produced.rule_id == rule.id:
                    result: tuple[Finding, ...] = (produced,)
                else:
                    result = _as_findings(rule, produced)
            except HolidayDataMissing as exc:
                result = (_missing_data(rule, exc),)
            except Exception as exc:
                result = (_check_error(rule, exc),)
            if len(result) == 1 and result[0].source == "machine":
                finding, item = _single(p, result[0], per_occurrence)
                if _reported(finding):
                    kept.append(finding)
                items.append(item)
                continue
            kept.extend(f for f in result if _reported(f))
            items.append(score_item(p.item, result, per_occurrence))
        return aggregate(tuple(items), resolved), kept, run

    def _run_all(
        self,
        case: CaseFile,
        planned: tuple[_Planned, ...],
        applies: list[bool],
        act: dt.date | None,
    ) -> tuple[dict[str, tuple[Finding, ...]], list[Finding], int]:
        findings: dict[str, tuple[Finding, ...]] = {}
        kept: list[Finding] = []
        run = 0
        for p in planned:
            rule = p.rule
            if p.test >= 0 and not applies[p.test]:
                continue
            if p.dated and not rule.in_force_on(act):
                continue
            run += 1
            produced = _run_check(rule, case, p.ctx)
            findings[rule.id] = produced
            kept.extend(f for f in produced if _reported(f))
        return findings, kept, run

    def _merge_judgements(
        self,
        manual: Mapping[str, Any],
        resolved: ResolvedStandard,
        findings: dict[str, tuple[Finding, ...]],
        kept: list[Finding],
        problems: list[str],
    ) -> list[Finding]:
        for rule_id, judgement in manual.items():
            if rule_id not in resolved.items:
                problems.append(f"复评表中的规则 {rule_id} 不属于本案适用的评查标准，已忽略")
                continue
            original = findings.get(rule_id, ())
            finding = judgement.as_finding(original)
            findings[rule_id] = (finding,)
            kept = [f for f in kept if f.rule_id != rule_id]
            kept.append(finding)
        return kept

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


def _single(p: _Planned, finding: Finding, per_occurrence: bool) -> tuple[Finding, ItemScore]:
    """The finding to keep and the item score for a rule that made one machine finding.

    A finding without case values that the rule made before (most "not applicable" ones) is
    replaced by the equal one kept from then, so that it is built, rendered to JSON and sent
    between processes once; its item score comes with it.
    """
    plain = not finding.values and not finding.original and type(finding.pointers) is tuple
    if plain:
        key = (
            finding.outcome,
            finding.message,
            finding.pointers,
            finding.count,
            finding.deduction,
            finding.comment,
            finding.reviewer,
        )
        hit = p.common.get(key)
        if hit is not None:
            return hit
    item_key = (finding.outcome, finding.message, finding.count)
    item = p.cache.get(item_key)
    if item is None:
        item = single_item(p.item, finding, per_occurrence)
        if len(p.cache) < _ITEM_CACHE_SIZE:
            p.cache[item_key] = share(item)
    if plain and len(p.common) < _ITEM_CACHE_SIZE:
        p.common[key] = (share(finding), item)
        p.seen[id(finding)] = (finding, item, _reported(finding))
    return finding, item


def _reported(finding: Finding) -> bool:
    """Whether a result lists the finding: all but a pass without a message."""
    return finding.outcome != "pass" or bool(finding.message)


def _rule_id(item: ResolvedItem) -> str:
    return item.rule.id


def _finding_rule_id(finding: Finding) -> str:
    return finding.rule_id


def _missing_data(rule: Rule, exc: HolidayDataMissing) -> Finding:
    return Finding(rule.id, "needs_review", str(exc), values={"缺少数据年份": exc.year})


def _check_error(rule: Rule, exc: Exception) -> Finding:
    return Finding(rule.id, "error", f"检查出错：{_short(exc)}")


def _as_findings(rule: Rule, produced: Any) -> tuple[Finding, ...]:
    """What a check returned, as findings; a malformed answer becomes an ``error`` finding.

    Called inside the check's ``try``: a check written as a generator runs here.
    """
    if type(produced) is Finding or isinstance(produced, Finding):
        result: tuple[Finding, ...] = (produced,)
    elif produced is None:
        return (Finding(rule.id, "error", "检查未返回结论（规则实现错误）"),)
    else:
        result = tuple(produced)
        if not result:
            return (Finding(rule.id, "error", "检查未返回结论（规则实现错误）"),)
    for f in result:
        if not isinstance(f, Finding) or f.rule_id != rule.id:
            return (Finding(rule.id, "error", f"检查返回了不属于本规则的结论：{f!r}"[:300]),)
    return result


def _run_check(rule: Rule, case: CaseFile, ctx: CheckContext) -> tuple[Finding, ...]:
    try:
        return _as_findings(rule, rule.check(case, ctx))
    except HolidayDataMissing as exc:
        return (_missing_data(rule, exc),)
    except Exception as exc:
        return (_check_error(rule, exc),)
