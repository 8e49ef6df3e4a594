"""casefile-eval: score Chinese administrative enforcement case files (行政执法案卷评查).

Quick start::

    import casefile_eval as ce

    for result in ce.evaluate_many(["sample_cases/"]):
        if result.ok:
            print(result.case_id, result.score.total, result.score.grade)
        else:
            for error in result.errors:
                print(error.describe())

Main names: :func:`load` (read and validate case files), :func:`evaluate` (one case),
:func:`evaluate_many` (a stream, in order), :class:`Evaluator` (a configured engine to reuse),
:func:`load_standard`, :func:`load_judgements`, and the result classes.
"""

from __future__ import annotations

__version__ = "0.1.0"

import datetime as _dt
import os as _os
from collections.abc import Iterable as _Iterable
from collections.abc import Iterator as _Iterator
from pathlib import Path as _Path
from typing import Any as _Any

from .engine import Evaluator, act_date
from .judgements import Judgements, load_judgements
from .loading import LoadedCase, LoadError, LoadFailure, load, load_dict
from .model import CaseFile
from .results import CaseResult
from .standard import Standard, load_standard

__all__ = [
    "CaseFile",
    "CaseResult",
    "Evaluator",
    "Judgements",
    "LoadError",
    "LoadFailure",
    "LoadedCase",
    "Standard",
    "__version__",
    "act_date",
    "evaluate",
    "evaluate_many",
    "load",
    "load_dict",
    "load_judgements",
    "load_standard",
]

_default_evaluators: dict[_Any, Evaluator] = {}


def _evaluator(
    standard: Standard | str | _Path | None,
    judgements: Judgements | None,
    as_of: _dt.date | None,
) -> Evaluator:
    # Building an Evaluator loads plugins and resolves standards: do it once per configuration.
    key = (id(standard) if isinstance(standard, Standard) else standard, id(judgements), as_of)
    evaluator = _default_evaluators.get(key)
    if evaluator is None:
        evaluator = Evaluator(standard, judgements=judgements, as_of=as_of)
        _default_evaluators[key] = evaluator
    return evaluator


def evaluate(
    case: CaseFile | dict[str, _Any],
    standard: Standard | str | _Path | None = None,
    judgements: Judgements | None = None,
    as_of: _dt.date | None = None,
) -> CaseResult:
    """Evaluate one case (a :class:`CaseFile` or a dict in the case-file format).

    Raises :class:`ValueError` with every problem listed if a dict is not a valid case file.
    """
    if isinstance(case, dict):
        loaded = load_dict(case)
        if isinstance(loaded, LoadFailure):
            raise ValueError("\n".join(e.describe() for e in loaded.errors))
        case = loaded.case
    return _evaluator(standard, judgements, as_of).evaluate(case)


def evaluate_many(
    items: _Iterable[str | _os.PathLike[str] | CaseFile],
    standard: Standard | str | _Path | None = None,
    judgements: Judgements | None = None,
    as_of: _dt.date | None = None,
) -> _Iterator[CaseResult | LoadFailure]:
    """Evaluate paths (files, folders, globs, JSONL, ``-``) or cases, streaming, in order.

    Files that fail to load come out as :class:`LoadFailure` in their place.
    """
    evaluator = _evaluator(standard, judgements, as_of)
    items = list(items) if not isinstance(items, list) else items
    paths = [i for i in items if not isinstance(i, CaseFile)]
    if paths and len(paths) == len(items):
        return evaluator.evaluate_many(load(paths))
    if not paths:
        return evaluator.evaluate_many(items)  # type: ignore[arg-type]
    raise TypeError("evaluate_many takes paths or CaseFile objects, not a mix of both")
