"""The result of evaluating one case, and its stable JSON form (``result.schema.json``)."""

from __future__ import annotations

import copyreg
import io
import operator
import pickle
from collections.abc import Mapping
from typing import Any

import attrs
import orjson

from .plugins.finding import Finding
from .scoring import CaseScore, CategoryScore, ItemScore, VetoHit, dict_part, json_part, share

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
        return self._form(dict_part)

    def _form(self, part: Any) -> dict[str, Any]:
        # ``part`` renders the parts shared between results (items, categories, provenance):
        # as plain dicts for to_dict, as pre-serialised JSON fragments for to_json.
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
            "score": self.score._form(part),
            "findings": [part(f) for f in self.findings],
            "rules_run": self.rules_run,
            "problems": list(self.problems),
            "produced_by": part(self.produced_by),
        }

    def to_json(self) -> bytes:
        """One JSONL line (without the newline); byte-identical for identical inputs."""
        return orjson.dumps(self._form(json_part))

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


# --------------------------------------------------------------------------- wire form
#
# Worker processes send results to the main process pickled with the reducers below instead of
# attrs' generic ones: each object travels as its class's constructor arguments, and the parts
# that are the same in most results (the item of a rule that passed, an untouched category,
# the provenance, a "not applicable" finding) are rebuilt once per process and then reused.
# Pickle writes an object met again in the same chunk as a back-reference, so a chunk carries
# each shared part once and unpickling it costs the main process next to nothing. Values are
# not converted on the way: the rebuilt result equals the one the worker made.

_FIELDS = {
    cls: operator.attrgetter(*(f.name for f in attrs.fields(cls)))
    for cls in (
        CaseResult,
        CaseScore,
        ItemScore,
        CategoryScore,
        VetoHit,
        Provenance,
        PartySummary,
        Finding,
    )
}
_VALUES = [f.name for f in attrs.fields(Finding)].index("values")
_ORIGINAL = [f.name for f in attrs.fields(Finding)].index("original")
_MAX_INTERNED = 20_000
_interned: dict[tuple[Any, ...], Any] = {}


def _intern(cls: Any, key: tuple[Any, ...], args: tuple[Any, ...]) -> Any:
    obj = _interned.get(key)
    if obj is None:
        obj = cls(*args)
        if len(_interned) < _MAX_INTERNED:
            _interned[key] = share(obj)
    return obj


def _shared_part(cls: Any, *args: Any) -> Any:
    # Numbers keep their type in the key: 2 == 2.0, but the rebuilt part must be the same.
    return _intern(cls, (cls, *args, *map(type, args)), args)


def _finding(*args: Any) -> Finding:
    if args[_VALUES] or args[_ORIGINAL]:
        return Finding(*args)
    rest = args[:_VALUES] + args[_VALUES + 1 :]  # the (empty) values dict cannot be a key
    try:
        return _intern(Finding, (Finding, *rest, *map(type, rest)), args)  # type: ignore[no-any-return]
    except TypeError:  # an unhashable part (pointers given as a list): not shared
        return Finding(*args)


def _reduce_plain(obj: Any) -> tuple[Any, tuple[Any, ...]]:
    return type(obj), _FIELDS[type(obj)](obj)


def _reduce_shared(obj: Any) -> tuple[Any, tuple[Any, ...]]:
    return _shared_part, (type(obj), *_FIELDS[type(obj)](obj))


def _reduce_finding(obj: Finding) -> tuple[Any, tuple[Any, ...]]:
    return _finding, _FIELDS[Finding](obj)


_DISPATCH = {
    **copyreg.dispatch_table,
    CaseResult: _reduce_plain,
    CaseScore: _reduce_plain,
    VetoHit: _reduce_plain,
    PartySummary: _reduce_plain,
    ItemScore: _reduce_shared,
    CategoryScore: _reduce_shared,
    Provenance: _reduce_shared,
    Finding: _reduce_finding,
}


def dumps_compact(obj: Any) -> bytes:
    """Pickle ``obj`` (results, lists of them …) in the compact form; ``pickle.loads`` reads it
    in any process that can import casefile_eval."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH  # only this pickler: nothing changes globally
    pickler.dump(obj)
    return buffer.getvalue()
