"""The result of evaluating one case, and its stable JSON form (``result.schema.json``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import orjson

from .plugins.finding import Finding
from .scoring import CaseScore, CategoryScore, ItemScore, VetoHit

RESULT_SCHEMA_VERSION = "1.0"


@attrs.frozen(slots=True)
class Provenance:
    """What produced a result: recorded in every result so it can be reproduced."""

    casefile_eval_version: str
    standard_id: str
    standard_version: str
    standard_title: str
    plugins: tuple[tuple[str, str], ...]
    as_of: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "casefile_eval": self.casefile_eval_version,
            "standard": {
                "id": self.standard_id,
                "version": self.standard_version,
                "title": self.standard_title,
            },
            "plugins": [{"name": n, "version": v} for n, v in self.plugins],
            "as_of": self.as_of,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Provenance:
        """Inverse of :meth:`to_dict`."""
        return cls(
            data["casefile_eval"],
            data["standard"]["id"],
            data["standard"]["version"],
            data["standard"]["title"],
            tuple((p["name"], p["version"]) for p in data["plugins"]),
            data["as_of"],
        )


@attrs.frozen(slots=True)
class PartySummary:
    """Who the case concerns, as notices need it (masking applies to natural persons)."""

    name: str
    type: str


@attrs.frozen(slots=True)
class CaseResult:
    """Everything the review says about one case."""

    case_id: str
    kind: str
    procedure: str
    agency: str
    title: str
    case_number: str
    sector: str
    source: str
    parties: tuple[PartySummary, ...]
    act_date: str | None
    findings: tuple[Finding, ...]
    score: CaseScore
    produced_by: Provenance
    rules_run: int
    problems: tuple[str, ...] = ()

    ok = True

    def findings_for(self, rule_id: str) -> tuple[Finding, ...]:
        """This case's findings of one rule."""
        return tuple(f for f in self.findings if f.rule_id == rule_id)

    @property
    def failed_items(self) -> tuple[ItemScore, ...]:
        """Items that failed, largest deduction first (what to fix first)."""
        failed = [i for i in self.score.items if i.outcome == "fail"]
        return tuple(sorted(failed, key=lambda i: (-i.deduction, i.rule_id)))

    def to_dict(self) -> dict[str, Any]:
        """The result as published in ``result.schema.json``."""
        return {
            "result_schema_version": RESULT_SCHEMA_VERSION,
            "case_id": self.case_id,
            "kind": self.kind,
            "procedure": self.procedure,
            "agency": self.agency,
            "title": self.title,
            "case_number": self.case_number,
            "sector": self.sector,
            "source": self.source,
            "parties": [{"name": p.name, "type": p.type} for p in self.parties],
            "act_date": self.act_date,
            "score": self.score.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
            "rules_run": self.rules_run,
            "problems": list(self.problems),
            "produced_by": self.produced_by.to_dict(),
        }

    def to_json(self) -> bytes:
        """One JSONL line (without the newline); byte-identical for identical inputs."""
        return orjson.dumps(self.to_dict())

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CaseResult:
        """Read a result back (``compare``, notices from saved runs)."""
        s = data["score"]
        score = CaseScore(
            total=s["total"],
            points_before_veto=s["points_before_veto"],
            grade=s["grade"],
            passing=s["passing"],
            stands=s["stands"],
            vetoes=tuple(
                VetoHit(v["rule_id"], v["label"], v["dimension"], v["source"]) for v in s["vetoes"]
            ),
            categories=tuple(
                CategoryScore(
                    c["key"], c["title"], c["dimension"], c["points"], c["deduction"], c["score"]
                )
                for c in s["categories"]
            ),
            items=tuple(
                ItemScore(
                    i["rule_id"],
                    i["title"],
                    i["category"],
                    i["outcome"],
                    i["deduction"],
                    i["max_deduction"],
                    i["source"],
                    i["veto"],
                    i.get("message", ""),
                )
                for i in s["items"]
            ),
            machine_deduction=s["machine_deduction"],
            manual_deduction=s["manual_deduction"],
            pending=tuple(s["pending"]),
            errors=tuple(s["errors"]),
        )
        return cls(
            case_id=data["case_id"],
            kind=data["kind"],
            procedure=data["procedure"],
            agency=data["agency"],
            title=data["title"],
            case_number=data["case_number"],
            sector=data["sector"],
            source=data["source"],
            parties=tuple(PartySummary(p["name"], p["type"]) for p in data["parties"]),
            act_date=data["act_date"],
            findings=tuple(Finding.from_dict(f) for f in data["findings"]),
            score=score,
            produced_by=Provenance.from_dict(data["produced_by"]),
            rules_run=data["rules_run"],
            problems=tuple(data.get("problems", ())),
        )
