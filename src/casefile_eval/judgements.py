"""Manual judgements (人工复评): the sheet a reviewer fills in, and merging it.

Rules flagged manual, and any rule whose check cannot decide, yield ``needs_review``. A
reviewer's sheet (.xlsx, .csv or JSON) supplies outcomes (and optionally deductions and
comments); merging replaces the machine's findings for that case and rule with one manual
finding that keeps the machine's findings in ``original``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from .plugins.finding import Finding

#: Column headers of the sheet, Chinese as the reviewer reads them, with the field behind each.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("案卷编号", "case_id"),
    ("执法机关", "agency"),
    ("规则编号", "rule_id"),
    ("评查内容", "title"),
    ("机器初评", "machine_outcome"),
    ("机器所见", "machine_message"),
    ("复评结论", "outcome"),
    ("扣分", "deduction"),
    ("复评意见", "comment"),
    ("复评人", "reviewer"),
)
#: What a reviewer may write in the outcome column, and what it means.
OUTCOME_WORDS: dict[str, str] = {
    "fail": "fail",
    "不符合": "fail",
    "扣分": "fail",
    "pass": "pass",
    "符合": "pass",
    "not_applicable": "not_applicable",
    "不适用": "not_applicable",
}


class JudgementError(ValueError):
    """A judgement sheet is invalid; the message names the file and the row."""


@attrs.frozen(slots=True)
class Judgement:
    """A reviewer's decision on one rule for one case."""

    case_id: str
    rule_id: str
    outcome: str
    deduction: float | None = None
    comment: str | None = None
    reviewer: str | None = None
    row: str = ""

    def as_finding(self, original: tuple[Finding, ...]) -> Finding:
        """The manual finding that replaces the machine's."""
        return Finding(
            rule_id=self.rule_id,
            outcome=self.outcome,  # type: ignore[arg-type]
            message=self.comment or "",
            source="manual",
            deduction=self.deduction,
            comment=self.comment,
            reviewer=self.reviewer,
            original=original,
        )


@attrs.frozen(slots=True)
class Judgements:
    """All judgements of a sheet, by case id and rule id."""

    by_case: Mapping[str, Mapping[str, Judgement]]
    source: str = ""

    def for_case(self, case_id: str) -> Mapping[str, Judgement]:
        """The judgements on one case (empty if none)."""
        return self.by_case.get(case_id, {})

    def __iter__(self) -> Iterator[Judgement]:
        for rules in self.by_case.values():
            yield from rules.values()

    def unknown_cases(self, seen_case_ids: Iterable[str]) -> list[Judgement]:
        """Judgements whose case id was not in the batch."""
        seen = set(seen_case_ids)
        return [j for j in self if j.case_id not in seen]


def _rows(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    suffix = path.suffix.lower()
    header_to_field = {zh: field for zh, field in COLUMNS} | {f: f for _, f in COLUMNS}
    if suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8-sig"))
        if not isinstance(data, list):
            raise JudgementError(f"{path}: 应为由复评记录组成的JSON数组")
        for i, row in enumerate(data):
            if not isinstance(row, dict):
                raise JudgementError(f"{path}: [{i}]: 应为JSON对象")
            yield f"{path} [{i}]", row
        return
    if suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, [])
            fields = [header_to_field.get(h.strip(), h.strip()) for h in header]
            for number, values in enumerate(reader, 2):
                yield f"{path} 第{number}行", dict(zip(fields, values, strict=False))
        return
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, ())
        fields = [header_to_field.get(str(h).strip(), str(h).strip()) for h in header if h]
        for number, values in enumerate(rows, 2):
            yield f"{path} 第{number}行", dict(zip(fields, values, strict=False))
        workbook.close()
        return
    raise JudgementError(f"{path}: 不支持的复评表格式（应为 .xlsx、.csv 或 .json）")


def load_judgements(
    path: str | Path, *, known_rules: Mapping[str, float] | None = None
) -> Judgements:
    """Read a filled-in judgement sheet.

    Rows with an empty outcome are skipped (the reviewer has not judged them). ``known_rules``
    maps rule ids to the most a deduction may be; unknown rule ids and out-of-range outcomes or
    deductions are errors naming the row.
    """
    path = Path(path)
    if not path.exists():
        raise JudgementError(f"{path}: 复评表不存在")
    by_case: dict[str, dict[str, Judgement]] = {}
    for where, row in _rows(path):
        raw_outcome = _text(row.get("outcome"))
        if not raw_outcome:
            continue
        case_id = _text(row.get("case_id"))
        rule_id = _text(row.get("rule_id"))
        if not case_id or not rule_id:
            raise JudgementError(f"{where}: 缺少案卷编号或规则编号")
        outcome = OUTCOME_WORDS.get(raw_outcome)
        if outcome is None:
            allowed = "、".join(OUTCOME_WORDS)
            raise JudgementError(f"{where}: 复评结论“{raw_outcome}”无效（应为：{allowed}）")
        if known_rules is not None and rule_id not in known_rules:
            raise JudgementError(f"{where}: 规则编号“{rule_id}”不存在于已加载的规则中")
        deduction = _number(row.get("deduction"), where)
        if deduction is not None:
            limit = known_rules.get(rule_id) if known_rules else None
            if deduction < 0 or (limit is not None and deduction > limit):
                bound = f"0～{limit:g}" if limit is not None else "不小于0"
                raise JudgementError(f"{where}: 扣分 {deduction:g} 超出范围（应为：{bound}）")
            if outcome != "fail" and deduction > 0:
                raise JudgementError(f"{where}: 复评结论为“{raw_outcome}”时扣分应为0或留空")
        if rule_id in by_case.get(case_id, {}):
            raise JudgementError(f"{where}: 案卷 {case_id} 的规则 {rule_id} 重复复评")
        by_case.setdefault(case_id, {})[rule_id] = Judgement(
            case_id,
            rule_id,
            outcome,
            deduction,
            _text(row.get("comment")) or None,
            _text(row.get("reviewer")) or None,
            where,
        )
    return Judgements(by_case, str(path))


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _number(value: Any, where: str) -> float | None:
    text = _text(value)
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise JudgementError(f"{where}: 扣分“{text}”不是数字") from None
