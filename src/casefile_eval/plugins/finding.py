"""What a check says about one case: a :class:`Finding`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import attrs

Outcome = Literal["fail", "pass", "not_applicable", "needs_review", "error"]
OUTCOMES: tuple[str, ...] = ("fail", "pass", "not_applicable", "needs_review", "error")
OUTCOME_ZH: dict[str, str] = {
    "fail": "不符合",
    "pass": "符合",
    "not_applicable": "不适用",
    "needs_review": "待人工复核",
    "error": "检查出错",
}
#: Which outcome wins when one rule yields several findings for a case.
SEVERITY: dict[str, int] = {
    "error": 4,
    "fail": 3,
    "needs_review": 2,
    "pass": 1,
    "not_applicable": 0,
}

Source = Literal["machine", "manual"]


@attrs.frozen(slots=True)
class Finding:
    """The result of one rule on one case.

    ``message`` is Chinese a reviewer can paste into a notice; ``pointers`` are the JSON
    pointers of what the check looked at (``/decision/date``); ``values`` are the values that
    decided it (``{"立案日": "2024-05-06", "决定日": "2024-08-11"}``). ``count`` is how many
    occurrences of the defect the finding stands for (three unsigned records: ``count=3``), for
    standards that deduct per occurrence.

    Findings from a reviewer's judgement have ``source="manual"``, may carry the reviewer's
    ``deduction``, ``comment`` and name, and keep the machine's findings in ``original``.
    """

    rule_id: str
    outcome: Outcome
    message: str = ""
    pointers: tuple[str, ...] = ()
    values: Mapping[str, Any] = attrs.field(factory=dict, hash=False)
    count: int = 1
    source: Source = "machine"
    deduction: float | None = None
    comment: str | None = None
    reviewer: str | None = None
    original: tuple[Finding, ...] = ()

    @property
    def outcome_zh(self) -> str:
        """The outcome as a reviewer reads it (不符合 / 符合 / 待人工复核 …)."""
        return OUTCOME_ZH[self.outcome]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (fields at their defaults are left out)."""
        out: dict[str, Any] = {"rule_id": self.rule_id, "outcome": self.outcome}
        if self.message:
            out["message"] = self.message
        if self.pointers:
            out["pointers"] = list(self.pointers)
        if self.values:
            out["values"] = {k: _json_value(v) for k, v in self.values.items()}
        if self.count != 1:
            out["count"] = self.count
        if self.source != "machine":
            out["source"] = self.source
        if self.deduction is not None:
            out["deduction"] = self.deduction
        if self.comment:
            out["comment"] = self.comment
        if self.reviewer:
            out["reviewer"] = self.reviewer
        if self.original:
            out["original"] = [f.to_dict() for f in self.original]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """Inverse of :meth:`to_dict`."""
        return cls(
            rule_id=data["rule_id"],
            outcome=data["outcome"],
            message=data.get("message", ""),
            pointers=tuple(data.get("pointers", ())),
            values=dict(data.get("values", {})),
            count=data.get("count", 1),
            source=data.get("source", "machine"),
            deduction=data.get("deduction"),
            comment=data.get("comment"),
            reviewer=data.get("reviewer"),
            original=tuple(cls.from_dict(o) for o in data.get("original", ())),
        )


def _json_value(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    return str(value)  # dates and anything else print as the reviewer expects
