"""The context a check receives: parameters, as-of date, law registry, finding helpers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from .finding import Finding

if TYPE_CHECKING:
    from ..laws import LawRegistry
    from .rule import Rule


#: Messages that embed case values would fill the cache without ever being reused: cap it.
_SHARED_LIMIT = 64


@attrs.frozen(slots=True)
class CheckContext:
    """Everything a check may use besides the case, built once per rule per batch.

    Use the helpers to make findings: they fill in the rule id. ``passed()`` without arguments
    returns one shared object per rule, so the common case costs nothing. ``prepared`` holds
    what the rule's ``prepare`` function returned for this batch (None without one).
    """

    rule: Rule
    parameters: Mapping[str, Any]
    as_of: dt.date
    laws: LawRegistry
    standard_id: str = ""
    #: What the rule's ``prepare`` returned for this context (None without one). Not an
    #: argument: it is derived from the other fields, so ``attrs.evolve`` recomputes it.
    prepared: Any = attrs.field(init=False, default=None)
    _pass: Finding = attrs.field(init=False)
    # Findings are immutable, and most not-applicable messages are constants: share them.
    _not_applicable: dict[str, Finding] = attrs.field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_pass", Finding(self.rule.id, "pass"))
        if self.rule.prepare is None:
            return
        # A raising prepare is a broken plugin, not a bad case: it stops the batch before the
        # first case, naming the rule.
        try:
            prepared = self.rule.prepare(self)
        except Exception as exc:
            from .manager import PluginError

            plugin = self.rule.plugin or "?"
            raise PluginError(
                f"rule {self.rule.id} (plugin {plugin}): prepare failed: {exc!r}; fix the "
                f"plugin, or leave it out with --disable-plugin {plugin}"
            ) from exc
        object.__setattr__(self, "prepared", prepared)

    def param(self, name: str) -> Any:
        """The value of a parameter for the active standard (its default unless overridden)."""
        try:
            return self.parameters[name]
        except KeyError:
            raise KeyError(
                f"rule {self.rule.id} reads parameter {name!r}, which no loaded plugin declares"
            ) from None

    def fail(
        self,
        message: str,
        *pointers: str,
        values: Mapping[str, Any] | None = None,
        count: int = 1,
    ) -> Finding:
        """The case breaks the rule."""
        return Finding(self.rule.id, "fail", message, pointers, values or {}, count)

    def passed(
        self, message: str = "", *pointers: str, values: Mapping[str, Any] | None = None
    ) -> Finding:
        """The case satisfies the rule."""
        if not message and not pointers and not values:
            return self._pass
        return Finding(self.rule.id, "pass", message, pointers, values or {})

    def not_applicable(self, message: str = "", *pointers: str) -> Finding:
        """The rule does not apply to this case (beyond what ``applies_to`` filters)."""
        if pointers:
            return Finding(self.rule.id, "not_applicable", message, pointers)
        shared = self._not_applicable.get(message)
        if shared is None:
            shared = Finding(self.rule.id, "not_applicable", message)
            if len(self._not_applicable) < _SHARED_LIMIT:
                self._not_applicable[message] = shared
        return shared

    def needs_review(
        self, message: str, *pointers: str, values: Mapping[str, Any] | None = None
    ) -> Finding:
        """A person must decide; the message says what the machine saw and what is missing."""
        return Finding(self.rule.id, "needs_review", message, pointers, values or {})
