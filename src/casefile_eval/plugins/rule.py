"""Rule metadata (:class:`Rule`), what a rule applies to, tunable parameters, and the
:func:`rule` decorator that turns a check function into a Rule."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

import attrs

if TYPE_CHECKING:
    from ..model import CaseFile
    from .context import CheckContext
    from .finding import Finding

Dimension = Literal["merits", "quality"]
DIMENSION_ZH: dict[str, str] = {"merits": "案件是否成立", "quality": "案卷质量"}

#: A check: ``check(case, ctx)`` returns a Finding or an iterable of Findings.
Check = Callable[["CaseFile", "CheckContext"], "Finding | Iterable[Finding]"]
#: A rule's per-batch preparation: ``prepare(ctx)`` returns what its check finds in
#: ``ctx.prepared`` (sets built from parameters, compiled patterns, thresholds…).
Prepare = Callable[["CheckContext"], Any]

RULE_ID_PATTERN = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")


@attrs.frozen(slots=True)
class AppliesTo:
    """Which cases a rule applies to. Empty means "any".

    The engine skips a rule for a case outside these before calling its check, so a check
    never has to test them itself.
    """

    kinds: frozenset[str] = attrs.field(default=frozenset(), converter=frozenset)
    procedures: frozenset[str] = attrs.field(default=frozenset(), converter=frozenset)
    outcomes: frozenset[str] = attrs.field(default=frozenset(), converter=frozenset)
    penalty_types: frozenset[str] = attrs.field(default=frozenset(), converter=frozenset)
    sectors: frozenset[str] = attrs.field(default=frozenset(), converter=frozenset)

    def matches_kind(self, kind: str, procedure: str) -> bool:
        """Whether a case of this kind and procedure can be in scope (checked once per batch)."""
        return (not self.kinds or kind in self.kinds) and (
            not self.procedures or procedure in self.procedures
        )

    @property
    def needs_case_test(self) -> bool:
        """Whether the per-case part (:meth:`matches_case`) has anything to test."""
        return bool(self.outcomes or self.penalty_types or self.sectors)

    def matches_case(self, case: CaseFile) -> bool:
        """The per-case part of the test: decision outcome, penalty types, sector."""
        if self.sectors and case.sector not in self.sectors:
            return False
        decision = case.decision
        if self.outcomes and (decision is None or decision.outcome not in self.outcomes):
            return False
        if self.penalty_types:
            imposed = {p.type for p in decision.penalties} if decision else set()
            if notice := case.prior_notice:
                imposed.update(p.type for p in notice.proposed)
            if not imposed & self.penalty_types:
                return False
        return True

    def describe(self) -> str:
        """Chinese summary for the rule reference."""
        from ..model.vocab import KIND_ZH, OUTCOME_ZH, PENALTY_TYPE_ZH, PROCEDURE_ZH, SECTOR_ZH

        parts = []
        for values, labels in (
            (self.kinds, KIND_ZH),
            (self.procedures, PROCEDURE_ZH),
            (self.outcomes, OUTCOME_ZH),
            (self.penalty_types, PENALTY_TYPE_ZH),
            (self.sectors, SECTOR_ZH),
        ):
            if values:
                parts.append("、".join(labels.get(v, v) for v in sorted(values)))
        return "；".join(parts) or "全部案卷"


@attrs.frozen(slots=True)
class Parameter:
    """A tunable value a rule reads, with its default and a JSON Schema for its values.

    A scoring standard may override the default under ``[parameters]``; the override is
    validated against ``schema`` when the standard is loaded.
    """

    name: str
    default: Any
    schema: Mapping[str, Any]
    description: str
    basis: str = ""
    plugin: str = ""


@attrs.frozen(slots=True)
class Rule:
    """A rule: stable id, Chinese title, where it scores, its legal basis, and its check.

    ``legal_basis`` holds citation strings as written (《中华人民共和国行政处罚法》第六十条);
    :attr:`citations` parses them. ``in_force_from`` / ``in_force_until`` bound the dates on
    which the legal basis the rule encodes was in force: a case whose act date falls outside is
    not judged by this rule. ``parameters`` names the parameters the check reads, so that the
    rule reference can list them and a standard that lacks them fails at load time.
    ``prepare``, if given, runs once per batch (per standard) with the rule's context; the
    check reads its result as ``ctx.prepared``.
    """

    id: str = attrs.field()
    title: str
    category: str
    dimension: Dimension
    check: Check = attrs.field(eq=False, repr=False)
    legal_basis: tuple[str, ...] = attrs.field(converter=tuple)
    default_deduction: float
    recommendation: str
    description: str = ""
    applies_to: AppliesTo = AppliesTo()
    veto: bool = False
    manual: bool = False
    in_force_from: dt.date | None = None
    in_force_until: dt.date | None = None
    parameters: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    example: str = ""
    notes: str = ""
    plugin: str = ""
    prepare: Prepare | None = attrs.field(default=None, eq=False, repr=False)

    @id.validator
    def _check_id(self, _: Any, value: str) -> None:
        if not RULE_ID_PATTERN.match(value):
            raise ValueError(
                f"rule id {value!r} must look like PEN-PROC-001: capitals, digits and hyphens"
            )

    @property
    def citations(self) -> tuple[Any, ...]:
        """The legal basis parsed into :class:`casefile_eval.citations.Citation` objects."""
        from ..citations import parse_citations

        return tuple(c for text in self.legal_basis for c in parse_citations(text))

    def in_force_on(self, day: dt.date | None) -> bool:
        """Whether the rule's legal basis was in force on ``day`` (unknown day: assume yes)."""
        if day is None:
            return True
        if self.in_force_from and day < self.in_force_from:
            return False
        return not (self.in_force_until and day > self.in_force_until)


def rule(
    *,
    id: str,
    title: str,
    category: str,
    dimension: Dimension,
    basis: Iterable[str],
    deduction: float,
    recommendation: str,
    description: str = "",
    applies_to: AppliesTo | None = None,
    veto: bool = False,
    manual: bool = False,
    in_force_from: dt.date | str | None = None,
    in_force_until: dt.date | str | None = None,
    parameters: Iterable[str] = (),
    example: str = "",
    notes: str = "",
    prepare: Prepare | None = None,
) -> Callable[[Check], Rule]:
    """Decorate a check function ``check(case, ctx)`` to make it a :class:`Rule`.

    ``description`` defaults to the function's docstring. Example::

        @rule(
            id="XX-DEMO-001",
            title="决定书加盖印章",
            category="documents",
            dimension="quality",
            basis=["《中华人民共和国行政处罚法》第五十九条第二款"],
            deduction=2,
            recommendation="行政处罚决定书应当加盖作出决定的行政机关的印章。",
            applies_to=AppliesTo(kinds={"penalty"}),
        )
        def decision_sealed(case, ctx):
            if case.decision is None or case.decision.sealed is None:
                return ctx.not_applicable("案卷未记载决定书用印情况")
            if case.decision.sealed:
                return ctx.passed()
            return ctx.fail("行政处罚决定书未加盖印章", "/decision/sealed")

    Work that depends only on the standard's parameters belongs in ``prepare``, which runs
    once per batch rather than once per case::

        def wanted_types(ctx):
            return frozenset(ctx.param("demo.types"))

        @rule(..., parameters=["demo.types"], prepare=wanted_types)
        def typed_documents(case, ctx):
            wanted = ctx.prepared  # the frozenset, built once
            ...
    """

    def as_date(value: dt.date | str | None) -> dt.date | None:
        return dt.date.fromisoformat(value) if isinstance(value, str) else value

    def decorate(check: Check) -> Rule:
        return Rule(
            id=id,
            title=title,
            category=category,
            dimension=dimension,
            check=check,
            legal_basis=tuple(basis),
            default_deduction=deduction,
            recommendation=recommendation,
            description=description or (check.__doc__ or "").strip(),
            applies_to=applies_to or AppliesTo(),
            veto=veto,
            manual=manual,
            in_force_from=as_date(in_force_from),
            in_force_until=as_date(in_force_until),
            parameters=tuple(parameters),
            example=example,
            notes=notes,
            prepare=prepare,
        )

    return decorate
