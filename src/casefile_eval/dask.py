"""Score case files on a Dask cluster, with the same results as a local run.

Needs the ``dask`` extra: ``pip install 'casefile-eval[dask]'``.

.. code-block:: python

    import dask.bag as db
    from distributed import Client
    from casefile_eval.batch import BatchConfig
    from casefile_eval.dask import evaluate_bag, summarise, write_jsonl

    client = Client("tcp://scheduler:8786")
    config = BatchConfig(as_of=datetime.date(2026, 1, 1), standard="zj-2024")
    paths = db.from_sequence(sorted(glob.glob("/data/2025/**/*.jsonl")), npartitions=200)
    rows = evaluate_bag(paths, config)
    write_jsonl(rows, "/data/results/part-*.jsonl")   # one JSONL file per partition
    print(summarise(rows).compute()["grades"])

The input bag holds **paths** (files, folders, globs or JSONL files, expanded in place as the
command line does), **records** (dicts in the case-file format) or
:class:`~casefile_eval.loading.RawRecord` objects. The output bag holds one row per case file,
in input order: the result as ``CaseResult.to_dict()`` (``CaseResult.from_dict`` reads it back),
or for a file that failed to load ``{"ok": false, "source", "line", "case_id", "errors"}`` —
the lines ``casefile-eval score --format jsonl`` writes.

How it runs:

* Each task builds the :class:`~casefile_eval.engine.Evaluator` from the (picklable)
  :class:`~casefile_eval.batch.BatchConfig`, once per worker process, and reuses it for every
  partition that worker gets. Plugins, standards and judgement sheets named in the config must
  be reachable from the workers (installed, or on a shared file system).
* Duplicate case ids are reported exactly as in a local run (the second and later files, in
  input order, come out as failures naming the first). This takes a first, cheaper pass that
  only parses and validates every file; its result (the few duplicated ids) is sent to the
  evaluating tasks. Pass ``check_duplicates=False`` to skip it when ids are known unique.
* Records given as dicts have no file name: a dict's source is ``<bag partition N>`` and its
  line the position in the partition (from 1), which is what failures and duplicates name.
* A JSONL file is read by one task; split very large files (or pass many) to spread the work.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from .batch import BatchConfig, failure_from_row, failure_row
from .engine import Evaluator
from .loading import (
    LoadFailure,
    RawRecord,
    duplicate_failure,
    iter_records,
    load_record,
    validate_record,
    where_of,
)
from .results import CaseResult
from .summary import SummaryBuilder

try:
    import dask
    import dask.bag as db
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("casefile_eval.dask needs Dask: pip install 'casefile-eval[dask]'") from exc

__all__ = [
    "evaluate_bag",
    "failure_from_row",
    "failure_row",
    "summarise",
    "to_jsonl",
    "write_jsonl",
]

# --------------------------------------------------------------------------- rows


def _is_failure(row: dict[str, Any]) -> bool:
    return row.get("ok") is False


# --------------------------------------------------------------------------- evaluators

_evaluators: dict[BatchConfig, Evaluator] = {}
_evaluators_lock = threading.Lock()


def _evaluator(config: BatchConfig) -> Evaluator:
    # Built once per worker process (loading plugins takes a moment), shared by its threads.
    with _evaluators_lock:
        evaluator = _evaluators.get(config)
        if evaluator is None:
            evaluator = _evaluators[config] = config.build_evaluator()
        return evaluator


# --------------------------------------------------------------------------- records


def _records(
    items: Iterable[Any], partition: int, max_bytes: int
) -> Iterator[RawRecord | LoadFailure]:
    position = 0
    for item in items:
        if isinstance(item, RawRecord):
            yield item
        elif isinstance(item, dict):
            position += 1
            yield RawRecord(f"<bag partition {partition}>", orjson.dumps(item), position)
        elif isinstance(item, str | os.PathLike):
            yield from iter_records([item], max_bytes=max_bytes)
        else:
            raise TypeError(
                f"a bag for casefile_eval.dask holds paths, dicts or RawRecords, not {item!r}"
            )


def _first_places(
    items: Iterable[Any], partition: int, max_bytes: int
) -> tuple[dict[str, str], dict[str, str]]:
    """Per valid case id, where it is first seen; and the ids seen again elsewhere."""
    first: dict[str, str] = {}
    again: dict[str, str] = {}
    for record in _records(items, partition, max_bytes):
        if isinstance(record, LoadFailure):
            continue
        data = validate_record(record)
        if isinstance(data, LoadFailure):
            continue
        where = where_of(record.source, record.line)
        seen = first.setdefault(data["case_id"], where)
        if seen != where:
            again.setdefault(data["case_id"], seen)
    return first, again


def _merge_places(
    parts: Iterable[tuple[dict[str, str], dict[str, str]]],
) -> tuple[dict[str, str], dict[str, str]]:
    # Parts arrive in input order, so "first" stays the first in the whole input.
    first: dict[str, str] = {}
    again: dict[str, str] = {}
    for part_first, part_again in parts:
        for case_id, where in part_first.items():
            seen = first.setdefault(case_id, where)
            if seen != where:
                again[case_id] = seen
        for case_id in part_again:
            again[case_id] = first[case_id]
    return first, again


def _duplicates(places: tuple[dict[str, str], dict[str, str]]) -> dict[str, str]:
    return places[1]


def _evaluate_partition(
    items: Iterable[Any],
    config: BatchConfig,
    duplicates: dict[str, str],
    partition: int,
    max_bytes: int,
) -> list[dict[str, Any]]:
    evaluator = _evaluator(config)
    rows: list[dict[str, Any]] = []
    for record in _records(items, partition, max_bytes):
        if isinstance(record, LoadFailure):
            rows.append(failure_row(record))
            continue
        loaded = load_record(record)
        if isinstance(loaded, LoadFailure):
            rows.append(failure_row(loaded))
            continue
        case_id = loaded.case.case_id
        where = where_of(record.source, record.line)
        first = duplicates.get(case_id)
        if first is not None and first != where:
            rows.append(failure_row(duplicate_failure(case_id, record.source, record.line, first)))
            continue
        rows.append(evaluator.evaluate(loaded.case, source=where).to_dict())
    return rows


# --------------------------------------------------------------------------- public


def evaluate_bag(
    bag: db.Bag,
    config: BatchConfig,
    *,
    check_duplicates: bool = True,
    max_bytes: int | None = None,
) -> db.Bag:
    """Evaluate every case file in ``bag``; a bag of result rows, one per file, in order.

    ``max_bytes`` (default: the config's) limits the size of one case file.
    """
    limit = config.max_bytes if max_bytes is None else max_bytes
    parts = bag.to_delayed()
    if check_duplicates:
        places = [
            dask.delayed(_first_places)(part, index, limit) for index, part in enumerate(parts)
        ]
        duplicates = dask.delayed(_duplicates)(_tree(places, _merge_places))
    else:
        duplicates = {}
    evaluated = [
        dask.delayed(_evaluate_partition)(part, config, duplicates, index, limit)
        for index, part in enumerate(parts)
    ]
    return db.from_delayed(evaluated)


def _tree(items: list[Any], combine: Any, width: int = 8) -> Any:
    # A tree of ordered merges, so that no single task receives every partition's ids at once.
    level = items
    while len(level) > 1:
        level = [dask.delayed(combine)(level[i : i + width]) for i in range(0, len(level), width)]
    return level[0] if level else dask.delayed(_merge_places)([])


def to_jsonl(rows: db.Bag) -> db.Bag:
    """Rows as JSON lines (``str``, without the newline): byte for byte what a local run
    writes (``CaseResult.to_json()`` for results)."""
    return rows.map(_json_line)


def _json_line(row: dict[str, Any]) -> str:
    return orjson.dumps(row).decode()


def write_jsonl(rows: db.Bag, path: str, **kwargs: Any) -> list[str]:
    """Write rows as JSONL, one file per partition (``path`` has a ``*`` or is a folder).

    Keyword arguments go to :meth:`dask.bag.Bag.to_textfiles` (``storage_options`` for remote
    file systems, ``compute=False`` for delayed writes…). Returns the files written.
    """
    kwargs.setdefault("last_endline", True)
    return to_jsonl(rows).to_textfiles(path, **kwargs)


def summarise(rows: db.Bag, grade_order: list[str] | None = None) -> Any:
    """The batch summary (as :meth:`SummaryBuilder.build` gives it) of a bag of rows, as a
    Dask ``Item``: partitions are summarised where they are and the summaries merged."""
    return rows.reduction(
        functools.partial(_summarise_rows, grade_order=grade_order),
        functools.partial(_merge_summaries, grade_order=grade_order),
    ).apply(SummaryBuilder.build)


def _summarise_rows(
    rows: Iterable[dict[str, Any]], grade_order: list[str] | None
) -> SummaryBuilder:
    builder = SummaryBuilder(grade_order)
    for row in rows:
        builder.add(failure_from_row(row) if _is_failure(row) else CaseResult.from_dict(row))
    return builder


def _merge_summaries(
    builders: Iterable[SummaryBuilder], grade_order: list[str] | None
) -> SummaryBuilder:
    merged = SummaryBuilder(grade_order)
    for builder in builders:
        merged.merge(builder)
    return merged
