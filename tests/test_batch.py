"""The batch runner: parallel results equal sequential ones, in input order, in bounded memory,
with duplicates found across chunks and a clean stop on Ctrl-C."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile_eval import batch
from casefile_eval.batch import BatchConfig, run_batch, run_records
from casefile_eval.cli.common import (
    add_input_options,
    add_plugin_options,
    add_standard_options,
    run_results,
)
from casefile_eval.loading import DuplicateTracker, LoadFailure, RawRecord, _SeenIds
from casefile_eval.results import CaseResult
from casefile_eval.standard import StandardError

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_cases"
AS_OF = dt.date(2026, 1, 1)
CONFIG = BatchConfig(as_of=AS_OF)


def _load_generator():
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generate = _load_generator()


@pytest.fixture(scope="module")
def evaluator():
    return CONFIG.build_evaluator()


def lines(item: CaseResult | LoadFailure) -> bytes:
    """What a JSONL writer would write for an item, failures included."""
    if isinstance(item, LoadFailure):
        return orjson.dumps(
            {
                "ok": False,
                "source": item.source,
                "line": item.line,
                "case_id": item.case_id,
                "errors": [e.describe() for e in item.errors],
            }
        )
    return item.to_json()


@pytest.fixture(scope="module")
def mixed_jsonl(tmp_path_factory) -> Path:
    """Generated cases with the samples, bad lines and duplicates spread over many chunks."""
    path = tmp_path_factory.mktemp("batch") / "mixed.jsonl"
    rows = list(generate.stream_lines(60, seed=3, distinct=60))
    rows += [
        orjson.dumps(orjson.loads(p.read_bytes())) + b"\n" for p in sorted(SAMPLES.glob("*.json"))
    ]
    rng = random.Random(5)
    rng.shuffle(rows)
    rows.insert(3, b"{not json\n")
    rows.insert(17, b'{"case_id": "X"}\n')
    rows.insert(29, b"[1, 2]\n")
    rows.append(rows[0])  # a duplicate of the first case, many chunks later
    rows.insert(40, rows[10])  # and one a few chunks later
    path.write_bytes(b"".join(rows))
    return path


def test_parallel_results_are_byte_identical_to_sequential(evaluator, mixed_jsonl, tmp_path):
    missing = tmp_path / "missing.json"
    paths = [SAMPLES / "pen-scjg-001-clean.json", mixed_jsonl, missing]
    sequential = [lines(i) for i in run_batch(paths, evaluator)]
    parallel = [
        lines(i) for i in run_batch(paths, evaluator, workers=2, config=CONFIG, chunk_size=5)
    ]
    assert parallel == sequential
    assert len(parallel) == 1 + len(mixed_jsonl.read_bytes().splitlines()) + 1


@pytest.mark.slow
@pytest.mark.parametrize("method", ["fork", "forkserver", "spawn"])
def test_every_start_method_gives_the_same_results(evaluator, mixed_jsonl, method, monkeypatch):
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} on this platform")
    monkeypatch.setattr(batch, "start_method", lambda: method)
    sequential = [lines(i) for i in run_batch([mixed_jsonl], evaluator)]
    parallel = run_batch([mixed_jsonl], evaluator, workers=2, config=CONFIG, chunk_size=16)
    assert [lines(i) for i in parallel] == sequential


def test_parallel_results_equal_sequential_objects(evaluator, mixed_jsonl):
    sequential = list(run_batch([mixed_jsonl], evaluator))
    parallel = list(run_batch([mixed_jsonl], evaluator, workers=2, config=CONFIG, chunk_size=7))
    assert parallel == sequential


def test_order_is_kept_with_failures_interleaved(evaluator, mixed_jsonl):
    items = list(run_batch([mixed_jsonl], evaluator, workers=2, config=CONFIG, chunk_size=3))
    where = [i.source if isinstance(i, CaseResult) else f"{i.source}:{i.line}" for i in items]
    assert where == [f"{mixed_jsonl}:{n}" for n in range(1, len(items) + 1)]
    failed = [n for n, i in enumerate(items, 1) if isinstance(i, LoadFailure)]
    assert {4, 18, 30} <= set(failed)
    assert isinstance(items[0], CaseResult)


def test_duplicates_are_found_across_chunks_in_input_order(evaluator, mixed_jsonl):
    items = list(run_batch([mixed_jsonl], evaluator, workers=2, config=CONFIG, chunk_size=4))
    duplicates = [
        i
        for i in items
        if isinstance(i, LoadFailure)
        and i.errors[0].pointer == "/case_id"
        and "重复" in i.errors[0].message
    ]
    assert [d.line for d in duplicates] == [41, len(items)]
    assert f"{mixed_jsonl}:1 重复" in duplicates[1].errors[0].message
    # The first occurrences are scored.
    assert isinstance(items[0], CaseResult)
    assert items[0].case_id == duplicates[1].case_id


def _records(n: int, pulled: list[int]):
    for number, line in enumerate(generate.stream_lines(n, seed=9, distinct=20), 1):
        pulled[0] += 1
        yield RawRecord("<stream>", line, number)


def test_in_flight_work_is_bounded(evaluator):
    pulled = [0]
    chunk, window = 4, 2
    results = run_records(
        _records(80, pulled),
        evaluator,
        workers=2,
        config=CONFIG,
        chunk_size=chunk,
        max_in_flight=window,
    )
    consumed = 0
    for _ in results:
        consumed += 1
        # Read ahead never exceeds the window of chunks plus the one being handed out.
        assert pulled[0] - consumed <= (window + 1) * chunk
    assert consumed == 80


@pytest.fixture
def forked(monkeypatch):
    """Workers forked from this process, so that they show in active_children()."""
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform")
    monkeypatch.setattr(batch, "start_method", lambda: "fork")


def test_a_small_batch_runs_without_a_pool(evaluator, forked):
    before = set(multiprocessing.active_children())
    items = list(run_batch([SAMPLES], evaluator, workers=4, config=CONFIG))
    assert set(multiprocessing.active_children()) == before
    assert [lines(i) for i in items] == [lines(i) for i in run_batch([SAMPLES], evaluator)]


def test_stopping_early_terminates_the_workers(evaluator, mixed_jsonl, forked):
    results = run_batch([mixed_jsonl], evaluator, workers=2, config=CONFIG, chunk_size=2)
    with pytest.raises(KeyboardInterrupt):
        for n, _ in enumerate(results):
            if n == 3:
                raise KeyboardInterrupt
    results.close()
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not multiprocessing.active_children()


def test_a_worker_that_dies_is_reported(evaluator, forked):
    pulled = [0]
    results = run_records(_records(400, pulled), evaluator, workers=2, config=CONFIG, chunk_size=4)
    next(results)
    victim = multiprocessing.active_children()[0]
    os.kill(victim.pid, signal.SIGKILL)
    with pytest.raises(RuntimeError, match="died"):
        for _ in results:
            pass
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not multiprocessing.active_children()


INTERRUPTED_SCRIPT = textwrap.dedent(
    """
    import datetime as dt, os, sys
    from casefile_eval.batch import BatchConfig, run_batch
    from casefile_eval.output import atomic_write

    config = BatchConfig(as_of=dt.date(2026, 1, 1))
    if __name__ == "__main__":
        try:
            with atomic_write(sys.argv[2], binary=True) as out:
                for n, item in enumerate(
                    run_batch([sys.argv[1]], config.build_evaluator(), workers=2,
                              config=config, chunk_size=2)
                ):
                    out.write(item.to_json() + b"\\n")
                    if n == 0:
                        print("started", flush=True)
        except KeyboardInterrupt:
            print("interrupted", flush=True)
            sys.exit(130)
    """
)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="process groups and SIGINT are POSIX")
def test_ctrl_c_stops_workers_and_leaves_no_output(tmp_path):
    cases = tmp_path / "cases.jsonl"
    generate.write_jsonl(cases, 3000, seed=2, distinct=50)
    script = tmp_path / "run.py"
    script.write_text(INTERRUPTED_SCRIPT, encoding="utf-8")
    out = tmp_path / "results.jsonl"
    proc = subprocess.Popen(
        [sys.executable, str(script), str(cases), str(out)],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal job has
    )
    try:
        assert proc.stdout.readline().strip() == "started"
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole group gets it
        stdout, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130
    assert "interrupted" in stdout
    assert not out.exists()
    assert not list(tmp_path.glob(".results.jsonl.*"))
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break  # no process of the group is left
        time.sleep(0.1)
    else:
        pytest.fail("worker processes outlived the interrupted batch")


def test_workers_need_a_config(evaluator):
    with pytest.raises(ValueError, match="config"):
        run_batch([SAMPLES], evaluator, workers=2)
    with pytest.raises(ValueError, match="workers"):
        run_batch([SAMPLES], evaluator, workers=0)


def test_a_worker_that_cannot_build_its_evaluator_reports_why(evaluator, mixed_jsonl, tmp_path):
    bad = BatchConfig(as_of=AS_OF, standard=str(tmp_path / "no-such-standard.toml"))
    with pytest.raises(StandardError):
        list(run_batch([mixed_jsonl], evaluator, workers=2, config=bad, chunk_size=4))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser()
    add_input_options(parser)
    add_plugin_options(parser)
    add_standard_options(parser)
    return parser


def test_workers_option_defaults_to_all_cores():
    assert _parser().parse_args(["x"]).workers == (os.cpu_count() or 1)
    assert _parser().parse_args(["x", "--workers", "3"]).workers == 3
    with pytest.raises(SystemExit):
        _parser().parse_args(["x", "--workers", "0"])


def test_run_results_uses_the_options(evaluator, mixed_jsonl):
    args = _parser().parse_args([str(mixed_jsonl), "--as-of", "2026-01-01", "--workers", "2"])
    one = _parser().parse_args([str(mixed_jsonl), "--as-of", "2026-01-01", "--workers", "1"])
    assert [lines(i) for i in run_results(args, evaluator)] == [
        lines(i) for i in run_results(one, evaluator)
    ]


class _SmallSeenIds(_SeenIds):
    # Small runs, a merge cap and a tiny filter exercise flushing, merging, the cap and the
    # search of the runs after the filter says "perhaps seen".
    RUN = 4
    MAX_MERGED = 32
    FILTER_BITS = 4


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 300), max_size=400), st.integers(1, 6), st.booleans())
def test_compact_id_store_remembers_first_places(ids, run_bits, small):
    seen = _SmallSeenIds() if small else _SeenIds()
    seen.RUN = 1 << run_bits
    first: dict[str, int] = {}
    for where, number in enumerate(ids):
        case_id = f"C-{number}"
        assert seen.setdefault(case_id, where) == first.setdefault(case_id, where)


def test_duplicate_tracker_names_the_first_place():
    tracker = DuplicateTracker()
    assert tracker.check_id("A", "a.jsonl", 3) is None
    assert tracker.check_id("A", "a.jsonl", 3) is None  # the same place is not a duplicate
    assert tracker.check_id("B", "b.json", None) is None
    failure = tracker.check_id("A", "b.json", None)
    assert failure is not None and "a.jsonl:3 重复" in failure.errors[0].message
    failure = tracker.check_id("B", "c.jsonl", 9)
    assert failure is not None and "与 b.json 重复" in failure.errors[0].message
    assert failure.line == 9 and failure.case_id == "B"
