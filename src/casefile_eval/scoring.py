"""Findings + standard -> score. Pure functions: same inputs, same result.

Deductions are per item (rule), capped at the item's maximum; a category never goes below
zero (扣完为止，不计负分); the total is the sum of the categories. A veto (一票否决) acts as
the standard's ``veto_mode`` says. Two verdicts come out: whether the case stands (no veto in
the merits dimension, and optionally none in procedure) and the quality grade.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import attrs
import orjson

from .plugins.finding import SEVERITY, Finding
from .standard import ResolvedItem, ResolvedStandard

T = TypeVar("T")


@attrs.frozen(slots=True)
class ItemScore:
    """How one rule scored on one case."""

    rule_id: str
    title: str
    category: str
    outcome: str
    deduction: float
    max_deduction: float
    source: str
    veto: bool
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        shared = _shared_dict(self)
        if shared is not None:
            return shared
        return {
            "rule_id": self.rule_id,
            "title": self.title,
            "category": self.category,
            "outcome": self.outcome,
            "deduction": _num(self.deduction),
            "max_deduction": _num(self.max_deduction),
            "source": self.source,
            "veto": self.veto,
            **({"message": self.message} if self.message else {}),
        }


@attrs.frozen(slots=True)
class CategoryScore:
    """A category's points, deduction (capped) and score."""

    key: str
    title: str
    dimension: str
    points: float
    deduction: float
    score: float

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        shared = _shared_dict(self)
        if shared is not None:
            return shared
        return {
            "key": self.key,
            "title": self.title,
            "dimension": self.dimension,
            "points": _num(self.points),
            "deduction": _num(self.deduction),
            "score": _num(self.score),
        }


@attrs.frozen(slots=True)
class VetoHit:
    """A veto that fired."""

    rule_id: str
    label: str
    dimension: str
    source: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "rule_id": self.rule_id,
            "label": self.label,
            "dimension": self.dimension,
            "source": self.source,
        }


@attrs.frozen(slots=True)
class CaseScore:
    """The two verdicts and everything behind them."""

    total: float
    points_before_veto: float
    grade: str
    passing: bool
    stands: bool
    vetoes: tuple[VetoHit, ...]
    categories: tuple[CategoryScore, ...]
    items: tuple[ItemScore, ...]
    machine_deduction: float
    manual_deduction: float
    pending: tuple[str, ...]
    errors: tuple[str, ...]

    @property
    def complete(self) -> bool:
        """No item is waiting for a person and no check failed to run."""
        return not self.pending and not self.errors

    @property
    def display_total(self) -> float | int:
        """The total as results and score sheets print it (95.0 → 95, 4 decimals at most)."""
        return _num(self.total)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return self._form(dict_part)

    def _form(self, part: Any) -> dict[str, Any]:
        # ``part`` renders a nested part: a plain dict, or a pre-serialised JSON fragment.
        return {
            "total": _num(self.total),
            "points_before_veto": _num(self.points_before_veto),
            "grade": self.grade,
            "passing": self.passing,
            "stands": self.stands,
            "complete": not self.pending and not self.errors,
            "vetoes": [v.to_dict() for v in self.vetoes],
            "categories": [part(c) for c in self.categories],
            "items": [part(i) for i in self.items],
            "machine_deduction": _num(self.machine_deduction),
            "manual_deduction": _num(self.manual_deduction),
            "pending": list(self.pending),
            "errors": list(self.errors),
        }


def _num(value: float) -> float | int:
    # 2.0 -> 2 so that results read like score sheets and serialise identically.
    rounded = round(value, 4)
    return int(rounded) if rounded == int(rounded) else rounded


def worst(findings: Iterable[Finding]) -> Finding:
    """The finding that decides a rule's outcome for a case (error > fail > review > pass)."""
    return max(findings, key=lambda f: SEVERITY[f.outcome])


def score_item(
    item: ResolvedItem, findings: tuple[Finding, ...], per_occurrence: bool
) -> ItemScore:
    """Score one rule on one case from its findings."""
    manual = [f for f in findings if f.source == "manual"]
    deciding = manual or list(findings)
    top = worst(deciding)
    outcome = top.outcome
    deduction = 0.0
    if outcome == "fail":
        if manual and manual[0].deduction is not None:
            deduction = manual[0].deduction
        else:
            occurrences = sum(f.count for f in deciding if f.outcome == "fail")
            deduction = item.deduction * (occurrences if per_occurrence else 1)
        deduction = min(deduction, item.max_deduction)
    messages = [f.message for f in deciding if f.outcome == outcome and f.message]
    return ItemScore(
        rule_id=item.rule.id,
        title=item.rule.title,
        category=item.category.key,
        outcome=outcome,
        deduction=deduction,
        max_deduction=item.max_deduction,
        source="manual" if manual else "machine",
        veto=item.veto and outcome == "fail",
        message="；".join(dict.fromkeys(messages)),
    )


def score_case(
    findings: Mapping[str, tuple[Finding, ...]], resolved: ResolvedStandard
) -> CaseScore:
    """Score a case from its findings grouped by rule id.

    Rules of the standard with no findings (not applicable to the case) do not score.
    """
    items = tuple(
        score_item(resolved.items[rule_id], rule_findings, resolved.standard.per_occurrence)
        for rule_id, rule_findings in sorted(findings.items())
        if rule_id in resolved.items and rule_findings
    )
    return aggregate(items, resolved)


def aggregate(items: tuple[ItemScore, ...], resolved: ResolvedStandard) -> CaseScore:
    """Score a case from its item scores (one per rule that ran, in rule id order)."""
    standard = resolved.standard
    by_category: dict[str, float] = {}
    machine = manual = 0.0
    vetoes = []
    pending = []
    errors = []
    for item in items:
        deduction = item.deduction
        # Adding 0.0 leaves a float sum unchanged, so items that deduct nothing (most of them)
        # are skipped without changing any total.
        if deduction:
            by_category[item.category] = by_category.get(item.category, 0.0) + deduction
            if item.source == "manual":
                manual += deduction
            else:
                machine += deduction
        if item.veto:
            resolved_item = resolved.items[item.rule_id]
            vetoes.append(
                VetoHit(
                    item.rule_id,
                    resolved_item.veto_label,
                    resolved_item.category.dimension,
                    item.source,
                )
            )
        outcome = item.outcome
        if outcome == "needs_review":
            pending.append(item.rule_id)
        elif outcome == "error":
            errors.append(item.rule_id)
    full = _full_categories(standard)
    categories = tuple(
        _category(c, by_category[c.key]) if c.key in by_category else full[i]
        for i, c in enumerate(standard.categories)
    )
    points = sum(c.score for c in categories)
    total = points
    grade = standard.grade_for(points)
    if vetoes:
        if standard.veto_mode == "zero":
            total = 0.0
            grade = standard.bottom_grade
        elif standard.veto_mode == "fail_label":
            grade = standard.bottom_grade
        elif grade is standard.top_grade:
            grade = standard.grades[1]
    stands = not any(
        v.dimension == "merits" or standard.procedural_veto_breaks_merits for v in vetoes
    )
    return CaseScore(
        total=total,
        points_before_veto=points,
        grade=grade.name,
        passing=grade.passing,
        stands=stands,
        vetoes=tuple(vetoes),
        categories=categories,
        items=items,
        machine_deduction=machine,
        manual_deduction=manual,
        pending=tuple(pending),
        errors=tuple(errors),
    )


def _category(c: Any, deducted: float) -> CategoryScore:
    capped = min(deducted, c.points)
    return CategoryScore(c.key, c.title, c.dimension, c.points, capped, c.points - capped)


# Standards are immutable once loaded; an untouched category scores the same in every case.
_FULL_CATEGORIES: dict[int, tuple[Any, tuple[CategoryScore, ...]]] = {}


def _full_categories(standard: Any) -> tuple[CategoryScore, ...]:
    hit = _FULL_CATEGORIES.get(id(standard))
    if hit is not None and hit[0] is standard:
        return hit[1]
    full = tuple(share(_category(c, 0.0)) for c in standard.categories)
    if len(_FULL_CATEGORIES) < _MAX_SHARED:
        _FULL_CATEGORIES[id(standard)] = (standard, full)
    return full


def single_item(item: ResolvedItem, finding: Finding, per_occurrence: bool) -> ItemScore:
    """:func:`score_item` for the common case: one finding, made by the machine."""
    outcome = finding.outcome
    deduction = 0.0
    if outcome == "fail":
        deduction = min(
            item.deduction * (finding.count if per_occurrence else 1), item.max_deduction
        )
    return ItemScore(
        rule_id=item.rule.id,
        title=item.rule.title,
        category=item.category.key,
        outcome=outcome,
        deduction=deduction,
        max_deduction=item.max_deduction,
        source="machine",
        veto=item.veto and outcome == "fail",
        message=finding.message,
    )


# --------------------------------------------------------------------------- shared parts
#
# Most of a result is the same from case to case: the item of a rule that passed, an untouched
# category, the provenance. Such objects are built once and shared (they are frozen), and their
# JSON is rendered once and embedded as a pre-serialised fragment, which makes writing a result
# several times cheaper. The registry holds a reference to every object it knows, so an id is
# never reused while registered; it is capped so that it cannot grow without bound.

_MAX_SHARED = 20_000
_SHARED: dict[int, tuple[Any, dict[str, Any], orjson.Fragment]] = {}


def share(obj: T) -> T:
    """Register a frozen result part whose JSON form is reused; return it."""
    if id(obj) not in _SHARED and len(_SHARED) < _MAX_SHARED:
        data = obj.to_dict()  # type: ignore[attr-defined]
        _SHARED[id(obj)] = (obj, data, orjson.Fragment(orjson.dumps(data)))
    return obj


def json_part(obj: Any) -> Any:
    """The JSON-ready form of a result part: its shared fragment if it has one."""
    hit = _SHARED.get(id(obj))
    return hit[2] if hit is not None else obj.to_dict()


def dict_part(obj: Any) -> dict[str, Any]:
    """The JSON-ready form of a result part, as a plain dict."""
    return obj.to_dict()


def _shared_dict(obj: Any) -> dict[str, Any] | None:
    hit = _SHARED.get(id(obj))
    return dict(hit[1]) if hit is not None else None
