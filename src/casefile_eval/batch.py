"""Batches: stream many files through the evaluator, results in input order.

A :class:`BatchConfig` is plain data (picklable), so that worker processes, or the tasks of a
distributed engine, can each build the same :class:`Evaluator` once and reuse it.

:func:`run_batch` evaluates in the calling process, or with ``workers > 1`` in a pool of worker
processes. In parallel the main process only reads: it cuts the input into chunks of raw
records (bytes, source, line — never parsed objects) and ships them to the workers, which
decode, validate, build, evaluate and send each result back in a compact form. Results come
out in input order whatever the workers finish first. At most ``max_in_flight`` chunks are
read ahead, so memory stays bounded whatever the size of the batch; duplicate case ids are
detected in input order, exactly as in a sequential run; Ctrl-C (or a consumer that stops
iterating) terminates the workers before the exception goes on.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain, islice
from multiprocessing.connection import Connection, wait
from typing import Any

import attrs

from .engine import Evaluator
from .judgements import load_judgements
from .loading import (
    DEFAULT_MAX_BYTES,
    DuplicateTracker,
    LoadError,
    LoadFailure,
    RawRecord,
    iter_records,
    load_record,
    where_of,
)
from .plugins import PluginSet
from .results import CaseResult, dumps_compact

#: Records per unit of work sent to a worker: large enough that shipping it costs little next
#: to evaluating it, small enough to keep every worker busy until the end of a batch.
DEFAULT_CHUNK_SIZE = 64


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


BatchItem = CaseResult | LoadFailure


def failure_row(failure: LoadFailure) -> dict[str, Any]:
    """A file that failed to load as a JSON-ready row: the JSONL line written in its place."""
    return {
        "ok": False,
        "source": failure.source,
        "line": failure.line,
        "case_id": failure.case_id,
        "errors": [
            {"pointer": e.pointer, "message": e.message, "expected": e.expected}
            for e in failure.errors
        ],
    }


def failure_from_row(row: Mapping[str, Any]) -> LoadFailure:
    """Inverse of :func:`failure_row`."""
    source, line = row["source"], row["line"]
    return LoadFailure(
        source,
        tuple(
            LoadError(source, e["message"], e["pointer"], line, e["expected"])
            for e in row["errors"]
        ),
        line,
        row["case_id"],
    )


def run_batch(
    paths: Iterable[str | os.PathLike[str]],
    evaluator: Evaluator | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int = 1,
    config: BatchConfig | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    max_in_flight: int | None = None,
) -> Iterator[BatchItem]:
    """Load and evaluate every case in ``paths``, in order; failures are yielded in place.

    ``workers > 1`` evaluates in that many worker processes, each of which builds its own
    evaluator from ``config`` once (``evaluator`` is then used only for batches too small to
    be worth a pool: one chunk or less). Results are the same as with one worker.
    """
    return run_records(
        iter_records(paths, max_bytes=max_bytes),
        evaluator,
        workers=workers,
        config=config,
        chunk_size=chunk_size,
        max_in_flight=max_in_flight,
    )


def run_records(
    records: Iterable[RawRecord | LoadFailure],
    evaluator: Evaluator | None = None,
    *,
    workers: int = 1,
    config: BatchConfig | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    max_in_flight: int | None = None,
) -> Iterator[BatchItem]:
    """:func:`run_batch` for records already read (:func:`~casefile_eval.loading.iter_records`
    or any other source of :class:`RawRecord`), e.g. records streamed from a queue."""
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
    if workers > 1 and config is None:
        raise ValueError(
            "workers > 1 needs config=BatchConfig(...): each worker process builds its own "
            "evaluator from it"
        )
    if evaluator is None and config is None:
        raise ValueError("run_batch needs an evaluator or a config")
    if max_in_flight is None:
        max_in_flight = 2 * workers
    if max_in_flight < 1:
        raise ValueError(f"max_in_flight must be at least 1, not {max_in_flight}")
    if workers == 1:
        return _sequential(records, evaluator, config)
    return _maybe_parallel(records, evaluator, config, workers, chunk_size, max_in_flight)


def _sequential(
    records: Iterable[RawRecord | LoadFailure],
    evaluator: Evaluator | None,
    config: BatchConfig | None,
) -> Iterator[BatchItem]:
    if evaluator is None:
        assert config is not None
        evaluator = config.build_evaluator()
    tracker = DuplicateTracker()
    for record in records:
        if isinstance(record, LoadFailure):
            yield record
            continue
        loaded = tracker.check(load_record(record))
        if isinstance(loaded, LoadFailure):
            yield loaded
            continue
        yield evaluator.evaluate(loaded.case, source=where_of(loaded.source, loaded.line))


def _maybe_parallel(
    records: Iterable[RawRecord | LoadFailure],
    evaluator: Evaluator | None,
    config: BatchConfig,
    workers: int,
    chunk_size: int,
    max_in_flight: int,
) -> Iterator[BatchItem]:
    # Starting a pool costs a second or two (each worker loads the plugins); a batch that fits
    # in one chunk is done sooner here.
    records = iter(records)
    head = list(islice(records, chunk_size + 1))
    if len(head) <= chunk_size:
        yield from _sequential(head, evaluator, config)
        return
    yield from _parallel(chain(head, records), config, workers, chunk_size, max_in_flight)


# --------------------------------------------------------------------------- workers
#
# The pool is our own rather than concurrent.futures': its manager thread can block forever on
# a half-received result when a worker is terminated mid-send, and then hangs the interpreter
# at exit — exactly what Ctrl-C does. Here the main thread reads every result itself, a writer
# thread per worker makes sure the main thread never blocks on a full pipe (so neither side can
# wait for the other forever), and termination only has to kill processes and close pipes.

_STOP = pickle.dumps(None)
#: Pipes this large take a whole chunk in one write (Linux; elsewhere the default stays).
_PIPE_SIZE = 1 << 20


def _enlarge_pipe(conn: Connection) -> None:
    try:
        import fcntl

        fcntl.fcntl(conn.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), _PIPE_SIZE)
    except (ImportError, OSError):
        pass  # the default size works, with more round trips


def _evaluate_jobs(evaluator: Evaluator, jobs: list[tuple[str, bytes, int | None]]) -> list[Any]:
    """Evaluate raw records; per record its CaseResult or LoadFailure."""
    out: list[Any] = []
    for source, data, line in jobs:
        loaded = load_record(RawRecord(source, data, line))
        if isinstance(loaded, LoadFailure):
            out.append(loaded)
        else:
            out.append(evaluator.evaluate(loaded.case, source=where_of(source, line)))
    return out


def _worker_main(
    config: BatchConfig, tasks: Connection, results: Connection, inherited: list[Connection]
) -> None:
    # Ctrl-C reaches every process of the terminal's process group: the main process decides
    # what happens (it terminates the workers); a worker must not die on its own mid-chunk.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for conn in inherited:
        conn.close()
    parent = os.getppid()
    try:
        evaluator: Evaluator | None = config.build_evaluator()
        error: BaseException | None = None
    except BaseException as exc:
        # Answered to every chunk, so that the caller sees the real error.
        evaluator, error = None, exc
    while True:
        while not tasks.poll(1.0):
            if os.getppid() != parent:  # the main process is gone: nobody wants the results
                return
        try:
            message = tasks.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        seq, jobs = message
        try:
            if error is not None:
                raise error
            assert evaluator is not None
            payload: Any = _evaluate_jobs(evaluator, jobs)
        except BaseException as exc:
            payload = exc
        try:
            data = dumps_compact((seq, payload))
        except Exception as exc:  # an exception that cannot be pickled
            data = pickle.dumps((seq, RuntimeError(f"worker error: {payload!r} ({exc})")))
        results.send_bytes(data)


class _Worker:
    """One worker process, seen from the main process."""

    def __init__(self, context: Any, config: BatchConfig, index: int, others: list[Any]) -> None:
        task_reader, self.tasks = context.Pipe(duplex=False)
        self.results, result_writer = context.Pipe(duplex=False)
        _enlarge_pipe(self.tasks)
        _enlarge_pipe(result_writer)
        # A forked child gets copies of every pipe end the main process holds; it closes them
        # so that only the main process keeps each one, and a death shows on the other side.
        inherited = [c for w in others for c in (w.tasks, w.results)]
        inherited += [self.tasks, self.results]
        self.process = context.Process(
            target=_worker_main,
            args=(config, task_reader, result_writer, inherited if _forks(context) else []),
            name=f"casefile-eval-worker-{index}",
            daemon=True,  # never outlives the main process, whatever happens to it
        )
        self.process.start()
        # Only the worker keeps these ends, so its death shows here as end of file.
        task_reader.close()
        result_writer.close()
        self.outstanding = 0
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._writer = threading.Thread(target=self._write, name=f"{self.process.name}-writer")
        self._writer.daemon = True
        self._writer.start()

    def _write(self) -> None:
        while (data := self._outbox.get()) is not None:
            try:
                self.tasks.send_bytes(data)
            except (OSError, ValueError):  # the worker is gone; the main thread will see it
                return

    def send(self, seq: int, jobs: list[tuple[str, bytes, int | None]]) -> None:
        self.outstanding += 1
        self._outbox.put(pickle.dumps((seq, jobs), protocol=pickle.HIGHEST_PROTOCOL))

    def receive(self) -> tuple[int, Any]:
        try:
            data = self.results.recv_bytes()
        except (EOFError, OSError):
            self.process.join(timeout=1)
            raise RuntimeError(
                f"worker process {self.process.name} died (exit code {self.process.exitcode})"
            ) from None
        self.outstanding -= 1
        return pickle.loads(data)

    def stop(self) -> None:
        self._outbox.put(_STOP)
        self._outbox.put(None)

    def close(self, *, kill: bool) -> None:
        if kill and self.process.is_alive():
            self.process.terminate()
        self._outbox.put(None)
        self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        # The writer leaves as soon as its pipe breaks; the pipe is closed only after, so that
        # its descriptor cannot be reused under a write still in progress.
        self._writer.join(timeout=10)
        if not self._writer.is_alive():
            self.tasks.close()
        self.results.close()


def _forks(context: Any) -> bool:
    return context.get_start_method() == "fork"


def start_method() -> str:
    """How worker processes are started.

    ``fork`` on Linux when this process runs no other thread: the fastest, and a script needs
    no ``if __name__ == "__main__"`` guard. Otherwise ``forkserver`` (or ``spawn`` where there
    is none): forking a process that runs threads (a progress bar, a Dask client, a notebook
    kernel) can deadlock the child.
    """
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _parallel(
    records: Iterable[RawRecord | LoadFailure],
    config: BatchConfig,
    workers: int,
    chunk_size: int,
    max_in_flight: int,
) -> Iterator[BatchItem]:
    method = start_method()
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(["casefile_eval.batch"])
    pool: list[_Worker] = []
    chunks: dict[int, list[RawRecord | LoadFailure]] = {}  # read, not yet handed out
    done: dict[int, list[Any]] = {}  # evaluated, waiting for their turn
    tracker = DuplicateTracker()
    records = iter(records)
    read = emitted = 0  # chunk sequence numbers
    exhausted = finished = False
    try:
        for index in range(workers):
            pool.append(_Worker(context, config, index, pool))
        while True:
            # Read ahead while the window has room: at most max_in_flight chunks are held,
            # whether queued, being evaluated or evaluated and waiting for an earlier one.
            while not exhausted and read - emitted < max_in_flight:
                chunk = list(islice(records, chunk_size))
                if not chunk:
                    exhausted = True
                    break
                chunks[read] = chunk
                jobs = [(r.source, r.data, r.line) for r in chunk if isinstance(r, RawRecord)]
                if jobs:
                    min(pool, key=_load).send(read, jobs)
                else:
                    done[read] = []
                read += 1
            if emitted in done:
                outcomes = done.pop(emitted)
                yield from _merge(chunks.pop(emitted), outcomes, tracker)
                emitted += 1
                continue
            if exhausted and emitted == read:
                break
            busy = {w.results: w for w in pool if w.outstanding}
            for conn in wait(list(busy)):
                seq, payload = busy[conn].receive()  # type: ignore[index]
                if isinstance(payload, BaseException):
                    raise payload
                done[seq] = payload
        finished = True
    finally:
        # Also reached on KeyboardInterrupt, on an error, and when the consumer stops early
        # (GeneratorExit): then nothing more is wanted from the workers.
        for worker in pool:
            if finished:
                worker.stop()
        for worker in pool:
            worker.close(kill=not finished)


def _load(worker: _Worker) -> int:
    return worker.outstanding


def _merge(
    chunk: list[RawRecord | LoadFailure], outcomes: list[Any], tracker: DuplicateTracker
) -> Iterator[BatchItem]:
    results = iter(outcomes)
    for record in chunk:
        if isinstance(record, LoadFailure):
            yield record
            continue
        outcome = next(results)
        if isinstance(outcome, LoadFailure):
            yield outcome
            continue
        duplicate = tracker.check_id(outcome.case_id, record.source, record.line)
        yield outcome if duplicate is None else duplicate
