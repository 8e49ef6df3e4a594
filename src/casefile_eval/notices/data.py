"""What the notice builders read: results, the batch summary, rule metadata, options."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ..masking import Masker
from ..results import CaseResult
from ..summary import SummaryBuilder


@attrs.frozen(slots=True)
class CaseDates:
    """Dates a score sheet shows, when the case file is at hand (立案 / 决定 / 结案)."""

    filed: str | None = None
    decided: str | None = None
    closed: str | None = None

    @classmethod
    def of(cls, case: Any) -> CaseDates:
        """Read the dates from a :class:`~casefile_eval.model.CaseFile`."""

        def iso(section: Any) -> str | None:
            day = getattr(section, "date", None) if section is not None else None
            return day.isoformat() if day else None

        filed = iso(case.filing) or iso(case.acceptance) or iso(case.application)
        return cls(filed, iso(case.decision), iso(case.closing))


@attrs.frozen(slots=True)
class RuleInfo:
    """The metadata of a rule a notice cites (from the loaded plugins, when available)."""

    rule_id: str
    title: str
    legal_basis: tuple[str, ...] = ()
    recommendation: str = ""
    description: str = ""


@attrs.frozen(slots=True)
class NoticeOptions:
    """Who issues the notices, their numbers, dates and deadlines."""

    org: str = "××市司法局"
    notice_no: str | None = None
    letter_prefix: str | None = None
    date: dt.date | None = None
    deadline: dt.date | None = None
    feedback_days: int = 15
    period: str | None = None
    addressee: str | None = None
    supervision_basis: str | None = None
    mask: bool = True


@attrs.define
class ReviewData:
    """A scored batch as the builders need it.

    ``vetoes`` maps a kind to the veto items of its standard (rule id → label), so that a
    score sheet can list every threshold item with yes/no, not only those that fired.
    """

    results: list[CaseResult]
    summary: dict[str, Any]
    rules: Mapping[str, RuleInfo]
    as_of: dt.date
    grade_names: list[str]
    vetoes: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)
    deductions: Mapping[str, Mapping[str, float]] = attrs.field(factory=dict)
    """Per kind, each rule's deduction per occurrence under the active standard."""
    dates: Mapping[str, CaseDates] = attrs.field(factory=dict)
    masker: Masker = attrs.field(factory=Masker)

    @classmethod
    def build(
        cls,
        results: Iterable[CaseResult],
        *,
        evaluator: Any = None,
        summary: dict[str, Any] | None = None,
        as_of: dt.date | None = None,
        dates: Mapping[str, CaseDates] | None = None,
        masker: Masker | None = None,
        invalid: Iterable[Any] = (),
    ) -> ReviewData:
        """Gather everything from results and, when given, the evaluator that made them."""
        results = list(results)
        grade_names = ["优秀", "良好", "合格", "不合格"]
        rules: dict[str, RuleInfo] = {}
        vetoes: dict[str, dict[str, str]] = {}
        deductions: dict[str, dict[str, float]] = {}
        if evaluator is not None:
            first = next(iter(evaluator.standards.values()))
            grade_names = [g.name for g in first.standard.grades]
            for rule_id, rule in evaluator.rules.items():
                rules[rule_id] = RuleInfo(
                    rule_id,
                    rule.title,
                    tuple(rule.legal_basis),
                    rule.recommendation,
                    rule.description,
                )
            for kind, resolved in evaluator.standards.items():
                vetoes[kind] = {
                    rid: item.veto_label or item.rule.title
                    for rid, item in resolved.items.items()
                    if item.veto
                }
                deductions[kind] = {rid: item.deduction for rid, item in resolved.items.items()}
            as_of = as_of or evaluator.as_of
        for result in results:
            for item in result.score.items:
                rules.setdefault(item.rule_id, RuleInfo(item.rule_id, item.title))
        if summary is None:
            builder = SummaryBuilder(grade_names)
            for result in results:
                builder.add(result)
            for failure in invalid:
                builder.add(failure)
            summary = builder.build()
        if masker is None:
            masker = Masker()
            for result in results:
                for party in result.parties:
                    masker.add_party(party.name, party.type)
        if as_of is None:
            stamps = [r.produced_by.as_of for r in results if r.produced_by.as_of]
            as_of = dt.date.fromisoformat(max(stamps)) if stamps else dt.date.today()
        return cls(
            results=results,
            summary=summary,
            rules=rules,
            as_of=as_of,
            grade_names=grade_names,
            vetoes=vetoes,
            deductions=deductions,
            dates=dict(dates or {}),
            masker=masker,
        )

    def by_id(self) -> dict[str, CaseResult]:
        """Results by case id."""
        return {r.case_id: r for r in self.results}

    def rule(self, rule_id: str, title: str = "") -> RuleInfo:
        """A rule's metadata (a bare record when the rule is not loaded)."""
        return self.rules.get(rule_id) or RuleInfo(rule_id, title or rule_id)
