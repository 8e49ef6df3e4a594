"""Batches: stream many files through the evaluator, results in input order.

A :class:`BatchConfig` is plain data (picklable), so that worker processes, or the tasks of a
distributed engine, can each build the same :class:`Evaluator` once and reuse it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator

import attrs

from .engine import Evaluator
from .judgements import load_judgements
from .loading import DEFAULT_MAX_BYTES, DuplicateTracker, LoadFailure, iter_records, load_record
from .plugins import PluginSet
from .results import CaseResult


@attrs.frozen(slots=True)
class BatchConfig:
    """How to build the evaluator: standard, plugins, as-of date, judgements."""

    standard: str | None = None
    rubrics_dirs: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    modules: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    disable: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    as_of: dt.date = attrs.field(factory=dt.date.today)
    judgements: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES

    def load_plugins(self) -> PluginSet:
        """Load the plugins this configuration names."""
        return PluginSet.load(
            rubrics_dirs=self.rubrics_dirs, modules=self.modules, disable=self.disable
        )

    def build_evaluator(self) -> Evaluator:
        """Build the evaluator (plugins, resolved standards, judgements)."""
        evaluator = Evaluator(self.standard, plugins=self.load_plugins(), as_of=self.as_of)
        if self.judgements:
            evaluator.judgements = load_judgements(
                self.judgements, known_rules=evaluator.max_deductions()
            )
        return evaluator


def run_batch(
    paths: Iterable[str | os.PathLike[str]],
    evaluator: Evaluator,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[CaseResult | LoadFailure]:
    """Load and evaluate every case in ``paths``, in order; failures are yielded in place."""
    tracker = DuplicateTracker()
    for record in iter_records(paths, max_bytes=max_bytes):
        if isinstance(record, LoadFailure):
            yield record
            continue
        loaded = tracker.check(load_record(record))
        if isinstance(loaded, LoadFailure):
            yield loaded
            continue
        where = loaded.source if loaded.line is None else f"{loaded.source}:{loaded.line}"
        yield evaluator.evaluate(loaded.case, source=where)
