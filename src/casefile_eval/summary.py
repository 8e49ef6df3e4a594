"""Batch summary: grade distribution, per agency, per rule, per category.

Built incrementally (:meth:`SummaryBuilder.add`) so that a batch of any size is summarised in
bounded memory: only aggregates and the list of excellent files are kept.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import attrs

from .loading import LoadFailure
from .results import CaseResult


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


@attrs.define
class _AgencyAcc:
    files: int = 0
    by_kind: Counter[str] = attrs.field(factory=Counter)
    score_sum: float = 0.0
    grades: Counter[str] = attrs.field(factory=Counter)
    passing: int = 0
    excellent: int = 0
    vetoes: int = 0
    not_standing: int = 0
    problems: Counter[str] = attrs.field(factory=Counter)
    pending: int = 0


@attrs.define
class _RuleAcc:
    title: str
    category: str
    files: int = 0
    occurrences: int = 0
    deduction: float = 0.0
    vetoes: int = 0
    agencies: set[str] = attrs.field(factory=set)
    examples: list[str] = attrs.field(factory=list)


class SummaryBuilder:
    """Accumulate results and load failures; :meth:`build` returns the summary dict."""

    #: How many example case ids to keep per rule (for "typical cases" in the bulletin).
    EXAMPLES_PER_RULE = 5

    def __init__(self, grade_order: list[str] | None = None) -> None:
        self.grade_order = grade_order or ["优秀", "良好", "合格", "不合格"]
        self.valid = 0
        self.invalid: list[dict[str, Any]] = []
        self.grades: Counter[str] = Counter()
        self.by_kind: Counter[str] = Counter()
        self.passing = 0
        self.excellent_count = 0
        self.stands = 0
        self.pending_files = 0
        self.error_files = 0
        self.score_sum = 0.0
        self.agencies: dict[str, _AgencyAcc] = defaultdict(_AgencyAcc)
        self.rules: dict[str, _RuleAcc] = {}
        self.categories: dict[str, dict[str, Any]] = {}
        self.excellent: list[dict[str, Any]] = []
        self.standards: dict[str, dict[str, str]] = {}

    def add(self, item: CaseResult | LoadFailure) -> None:
        """Count one result (or one file that failed to load)."""
        if isinstance(item, LoadFailure):
            self.invalid.append(
                {
                    "source": item.source,
                    "line": item.line,
                    "case_id": item.case_id,
                    "errors": [e.describe() for e in item.errors],
                }
            )
            return
        score = item.score
        self.valid += 1
        self.by_kind[item.kind] += 1
        self.grades[score.grade] += 1
        self.score_sum += score.total
        top = score.grade == self.grade_order[0]
        self.passing += score.passing
        self.excellent_count += top
        self.stands += score.stands
        self.pending_files += bool(score.pending)
        self.error_files += bool(score.errors)
        prov = item.produced_by
        self.standards[prov.standard_id] = {
            "version": prov.standard_version,
            "title": prov.standard_title,
        }
        agency = self.agencies[item.agency]
        agency.files += 1
        agency.by_kind[item.kind] += 1
        agency.score_sum += score.total
        agency.grades[score.grade] += 1
        agency.passing += score.passing
        agency.excellent += top
        agency.vetoes += bool(score.vetoes)
        agency.not_standing += not score.stands
        agency.pending += bool(score.pending)
        if top:
            self.excellent.append(
                {
                    "case_id": item.case_id,
                    "title": item.title,
                    "agency": item.agency,
                    "total": score.total,
                }
            )
        vetoed = {v.rule_id for v in score.vetoes}
        for cat in score.categories:
            acc = self.categories.setdefault(
                cat.key,
                {
                    "title": cat.title,
                    "dimension": cat.dimension,
                    "points": cat.points,
                    "deduction": 0.0,
                    "files_with_deduction": 0,
                },
            )
            acc["deduction"] += cat.deduction
            acc["files_with_deduction"] += cat.deduction > 0
        occurrences = Counter(f.rule_id for f in item.findings if f.outcome == "fail")
        for it in score.items:
            if it.outcome != "fail":
                continue
            rule = self.rules.get(it.rule_id)
            if rule is None:
                rule = self.rules[it.rule_id] = _RuleAcc(it.title, it.category)
            rule.files += 1
            rule.occurrences += max(1, occurrences.get(it.rule_id, 0))
            rule.deduction += it.deduction
            rule.vetoes += it.rule_id in vetoed
            rule.agencies.add(item.agency)
            if len(rule.examples) < self.EXAMPLES_PER_RULE:
                rule.examples.append(item.case_id)
            agency.problems[it.rule_id] += 1

    def merge(self, other: SummaryBuilder) -> SummaryBuilder:
        """Add everything ``other`` counted, as if its items had been added after ours.

        Builders of consecutive parts of a batch (the partitions of a distributed run) merge
        into the builder of the whole: counts, lists and "first seen" orders are the same as
        in one pass; sums of scores may differ in the last bits of a float.
        """
        self.valid += other.valid
        self.invalid.extend(other.invalid)
        self.grades.update(other.grades)
        self.by_kind.update(other.by_kind)
        self.passing += other.passing
        self.excellent_count += other.excellent_count
        self.stands += other.stands
        self.pending_files += other.pending_files
        self.error_files += other.error_files
        self.score_sum += other.score_sum
        for name, theirs in other.agencies.items():
            ours = self.agencies[name]
            ours.files += theirs.files
            ours.by_kind.update(theirs.by_kind)
            ours.score_sum += theirs.score_sum
            ours.grades.update(theirs.grades)
            ours.passing += theirs.passing
            ours.excellent += theirs.excellent
            ours.vetoes += theirs.vetoes
            ours.not_standing += theirs.not_standing
            ours.problems.update(theirs.problems)
            ours.pending += theirs.pending
        for rule_id, theirs_rule in other.rules.items():
            rule = self.rules.get(rule_id)
            if rule is None:
                rule = self.rules[rule_id] = _RuleAcc(theirs_rule.title, theirs_rule.category)
            rule.files += theirs_rule.files
            rule.occurrences += theirs_rule.occurrences
            rule.deduction += theirs_rule.deduction
            rule.vetoes += theirs_rule.vetoes
            rule.agencies |= theirs_rule.agencies
            room = self.EXAMPLES_PER_RULE - len(rule.examples)
            rule.examples.extend(theirs_rule.examples[: max(room, 0)])
        for key, acc in other.categories.items():
            mine = self.categories.get(key)
            if mine is None:
                self.categories[key] = dict(acc)
            else:
                mine["deduction"] += acc["deduction"]
                mine["files_with_deduction"] += acc["files_with_deduction"]
        self.excellent.extend(other.excellent)
        self.standards.update(other.standards)
        return self

    def build(self) -> dict[str, Any]:
        """The summary as a JSON-ready dict (stable key order)."""
        total = self.valid + len(self.invalid)
        grade_names = self.grade_order + sorted(set(self.grades) - set(self.grade_order))
        agencies = []
        for name in sorted(self.agencies):
            acc = self.agencies[name]
            agencies.append(
                {
                    "agency": name,
                    "files": acc.files,
                    "penalty": acc.by_kind.get("penalty", 0),
                    "licensing": acc.by_kind.get("licensing", 0),
                    "average": round(acc.score_sum / acc.files, 2) if acc.files else 0,
                    "grades": {g: acc.grades.get(g, 0) for g in grade_names},
                    "pass_rate": _rate(acc.passing, acc.files),
                    "excellent_rate": _rate(acc.excellent, acc.files),
                    "vetoed_files": acc.vetoes,
                    "not_standing": acc.not_standing,
                    "pending_files": acc.pending,
                    "top_problems": [r for r, _ in acc.problems.most_common(3)],
                }
            )
        rules = [
            {
                "rule_id": rule_id,
                "title": acc.title,
                "category": acc.category,
                "files": acc.files,
                "occurrences": acc.occurrences,
                "deduction": round(acc.deduction, 2),
                "vetoes": acc.vetoes,
                "agencies": len(acc.agencies),
                "examples": acc.examples,
            }
            for rule_id, acc in sorted(
                self.rules.items(), key=lambda kv: (-kv[1].files, -kv[1].deduction, kv[0])
            )
        ]
        return {
            "files": total,
            "valid": self.valid,
            "invalid": len(self.invalid),
            "penalty": self.by_kind.get("penalty", 0),
            "licensing": self.by_kind.get("licensing", 0),
            "agencies": len(self.agencies),
            "average": round(self.score_sum / self.valid, 2) if self.valid else 0,
            "grades": {g: self.grades.get(g, 0) for g in grade_names},
            "pass_rate": _rate(self.passing, self.valid),
            "excellent_rate": _rate(self.excellent_count, self.valid),
            "standing": self.stands,
            "pending_files": self.pending_files,
            "error_files": self.error_files,
            "standards": self.standards,
            "by_agency": agencies,
            "by_rule": rules,
            "by_category": [
                {"key": k, **v, "deduction": round(v["deduction"], 2)}
                for k, v in self.categories.items()
            ],
            "excellent_files": sorted(self.excellent, key=lambda e: (-e["total"], e["case_id"])),
            "invalid_files": self.invalid,
        }
