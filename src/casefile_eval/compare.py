"""Compare two review runs of the same files (回头看): what was fixed, what is still open.

Both runs are ``score --format jsonl`` files. Cases are matched by case id; for each problem
(a rule that failed in the old run) the status in the new run is 已整改 (no longer fails),
整改中 (now waiting for a reviewer) or 未整改 (still fails); problems that fail only in the new
run are 新增问题.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
import orjson

from .results import CaseResult

FIXED, IN_PROGRESS, OPEN, NEW = "已整改", "整改中", "未整改", "新增问题"


class ResultsFileError(ValueError):
    """A saved run cannot be read (missing file, a line that is not a result)."""


@attrs.frozen(slots=True)
class ProblemChange:
    """One rule on one case across the two runs."""

    rule_id: str
    title: str
    status: str
    old_deduction: float
    new_deduction: float


@attrs.frozen(slots=True)
class CaseChange:
    """One case across the two runs (``old`` or ``new`` is None when only one run has it)."""

    case_id: str
    agency: str
    title: str
    case_number: str
    old: CaseResult | None
    new: CaseResult | None
    problems: tuple[ProblemChange, ...]

    @property
    def delta(self) -> float | None:
        """New total minus old total."""
        if self.old is None or self.new is None:
            return None
        return round(self.new.score.total - self.old.score.total, 4)

    def count(self, status: str) -> int:
        """How many problems have this status."""
        return sum(p.status == status for p in self.problems)


@attrs.frozen(slots=True)
class AgencyChange:
    """An agency's files across the two runs (only cases present in both)."""

    agency: str
    cases: int
    old_average: float
    new_average: float
    old_pass_rate: float
    new_pass_rate: float
    fixed: int
    in_progress: int
    still_open: int
    new_problems: int


@attrs.frozen(slots=True)
class Comparison:
    """The whole comparison."""

    cases: tuple[CaseChange, ...]
    agencies: tuple[AgencyChange, ...]
    skipped_old: int = 0
    skipped_new: int = 0
    old_as_of: str = ""
    new_as_of: str = ""

    @property
    def matched(self) -> tuple[CaseChange, ...]:
        """Cases present in both runs."""
        return tuple(c for c in self.cases if c.old is not None and c.new is not None)

    def total(self, status: str) -> int:
        """Problems with this status over all matched cases."""
        return sum(c.count(status) for c in self.matched)

    def open_by_rule(self) -> list[tuple[str, str, list[CaseChange]]]:
        """Rules still open (未整改), with the cases, most cases first."""
        by_rule: dict[str, tuple[str, list[CaseChange]]] = {}
        for case in self.matched:
            for p in case.problems:
                if p.status == OPEN:
                    by_rule.setdefault(p.rule_id, (p.title, []))[1].append(case)
        return sorted(
            ((rid, title, cases) for rid, (title, cases) in by_rule.items()),
            key=lambda x: (-len(x[2]), x[0]),
        )


def read_results(path: str | os.PathLike[str]) -> tuple[list[CaseResult], int]:
    """The results of a saved ``score --format jsonl`` run, and how many lines were skipped
    (``{"ok": false}`` lines for files that failed to load, and blank lines)."""
    results: list[CaseResult] = []
    skipped = 0
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below; errors need the path
    except OSError as exc:
        raise ResultsFileError(f"{path}: 无法读取：{exc.strerror or exc}") from exc
    with fh:
        for number, raw in enumerate(fh, 1):
            line = raw.strip()
            if not line:
                continue
            try:
                data: Any = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                raise ResultsFileError(f"{path}:{number}: 不是有效的JSON：{exc}") from exc
            if not isinstance(data, dict):
                raise ResultsFileError(f"{path}:{number}: 应为评查结果对象")
            if data.get("ok") is False:
                skipped += 1
                continue
            try:
                results.append(CaseResult.from_dict(data))
            except (KeyError, TypeError, ValueError) as exc:
                raise ResultsFileError(
                    f"{path}:{number}: 不是 score --format jsonl 的评查结果"
                    f"（缺少或错误的字段：{exc}）"
                ) from exc
    return results, skipped


def _failed(result: CaseResult | None) -> dict[str, Any]:
    if result is None:
        return {}
    return {i.rule_id: i for i in result.score.items if i.outcome == "fail"}


def _problems(old: CaseResult | None, new: CaseResult | None) -> Iterator[ProblemChange]:
    before, after = _failed(old), _failed(new)
    now = {i.rule_id: i for i in new.score.items} if new is not None else {}
    if old is None or new is None:
        return
    for rule_id, item in sorted(before.items()):
        current = now.get(rule_id)
        if rule_id in after:
            status = OPEN
        elif current is not None and current.outcome in ("needs_review", "error"):
            status = IN_PROGRESS
        else:
            status = FIXED
        yield ProblemChange(
            rule_id,
            item.title,
            status,
            item.deduction,
            after[rule_id].deduction if rule_id in after else 0.0,
        )
    for rule_id, item in sorted(after.items()):
        if rule_id not in before:
            yield ProblemChange(rule_id, item.title, NEW, 0.0, item.deduction)


def compare(
    old: Iterable[CaseResult],
    new: Iterable[CaseResult],
    *,
    skipped_old: int = 0,
    skipped_new: int = 0,
) -> Comparison:
    """Compare two runs case by case and agency by agency."""
    old_by = {r.case_id: r for r in old}
    new_by = {r.case_id: r for r in new}
    ids = sorted(
        set(old_by) | set(new_by), key=lambda cid: ((new_by.get(cid) or old_by[cid]).agency, cid)
    )
    cases = []
    for cid in ids:
        o, n = old_by.get(cid), new_by.get(cid)
        ref = n or o
        assert ref is not None
        cases.append(
            CaseChange(cid, ref.agency, ref.title, ref.case_number, o, n, tuple(_problems(o, n)))
        )
    groups: dict[str, list[CaseChange]] = defaultdict(list)
    for c in cases:
        if c.old is not None and c.new is not None:
            groups[c.agency].append(c)
    agencies = []
    for agency in sorted(groups):
        items = groups[agency]
        count = len(items)
        agencies.append(
            AgencyChange(
                agency,
                count,
                round(sum(c.old.score.total for c in items if c.old) / count, 2),
                round(sum(c.new.score.total for c in items if c.new) / count, 2),
                round(sum(bool(c.old and c.old.score.passing) for c in items) / count, 4),
                round(sum(bool(c.new and c.new.score.passing) for c in items) / count, 4),
                sum(c.count(FIXED) for c in items),
                sum(c.count(IN_PROGRESS) for c in items),
                sum(c.count(OPEN) for c in items),
                sum(c.count(NEW) for c in items),
            )
        )
    stamp = lambda rs: max((r.produced_by.as_of for r in rs), default="")  # noqa: E731
    return Comparison(
        tuple(cases),
        tuple(agencies),
        skipped_old,
        skipped_new,
        stamp(old_by.values()),
        stamp(new_by.values()),
    )
