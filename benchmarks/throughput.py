"""Throughput of the scoring pipeline, stage by stage, measured in one run.

Stages, each a superset of the one before, each timed over the same generated JSONL file:

(a)  read + ``orjson`` parse — the floor: what any Python tool must pay per file;
(b)  + schema validation and reference checks (``validate_record``);
(b') + building the model (``load_record``);
(c)  + full evaluation with every installed rubric plugin and the default standards
     (``run_batch``, with ``--workers``);
(d)  + writing the results as JSONL.

The table gives µs per case, files per second and each stage's cost as a multiple of (a).
``--scale`` runs stage (d) on 10k, 100k and 1M generated records streamed straight into the
batch (nothing on disk, nothing held in memory), each size in a fresh process, to show that
time grows linearly and peak memory stays flat.

Timings are printed, never asserted: they depend on the machine and on what else runs on it.

Usage::

    python benchmarks/throughput.py --n 100000 --workers 2
    python benchmarks/throughput.py --scale --workers 2
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
from tabulate import tabulate

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate

from casefile_eval.batch import BatchConfig, failure_row, run_batch
from casefile_eval.loading import (
    LoadFailure,
    RawRecord,
    iter_records,
    load_record,
    validate_record,
)

AS_OF = dt.date(2026, 1, 1)
SCALE_SIZES = (10_000, 100_000, 1_000_000)


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest finished child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes on macOS, KB on Linux
    return own / scale, children / scale


def machine() -> str:
    """One line describing where the figures come from."""
    try:
        with open("/proc/meminfo") as fh:
            mem = int(fh.readline().split()[1]) / 1024 / 1024
        memory = f"{mem:.0f} GiB RAM"
    except OSError:
        memory = "RAM unknown"
    return (
        f"{platform.machine()} {platform.processor() or ''} — {os.cpu_count()} cores, {memory}, "
        f"Python {platform.python_version()} ({platform.python_implementation()})"
    )


def write_results(results: Iterator[Any], path: str) -> int:
    """Write results as JSONL, as ``casefile-eval score --format jsonl`` does; return count."""
    count = 0
    with open(path, "wb", buffering=1 << 20) as fh:
        write = fh.write
        for item in results:
            count += 1
            if isinstance(item, LoadFailure):
                write(orjson.dumps(failure_row(item)) + b"\n")
            else:
                write(item.to_json() + b"\n")
    return count


def _batch(paths: Any, config: BatchConfig, evaluator: Any, workers: int, **kw: Any) -> Any:
    if workers == 1:
        return run_batch(paths, evaluator, **kw)
    return run_batch(paths, evaluator, workers=workers, config=config, **kw)


def _timed(label: str, n: int, run: Callable[[], int], repeat: int) -> dict[str, Any]:
    # The best of ``repeat`` runs: other load on the machine only ever adds time.
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        done = run()
        best = min(best, time.perf_counter() - start)
        if done != n:
            raise SystemExit(f"{label}: expected {n} records, processed {done}")
    return {"stage": label, "seconds": best, "us": best / n * 1e6, "fps": n / best}


def stages(path: str, n: int, workers: int, out: str, repeat: int = 1) -> list[dict[str, Any]]:
    """Time every stage over the JSONL file at ``path``; results go to ``out``."""
    config = BatchConfig(as_of=AS_OF)
    evaluator = config.build_evaluator()

    def parse_only() -> int:
        count = 0
        for record in iter_records([path]):
            orjson.loads(record.data)
            count += 1
        return count

    def validate() -> int:
        return sum(1 for record in iter_records([path]) if validate_record(record) is not None)

    def build() -> int:
        return sum(1 for record in iter_records([path]) if load_record(record) is not None)

    def evaluate(count: int) -> Callable[[], int]:
        return lambda: sum(1 for _ in _batch([path], config, evaluator, count))

    def evaluate_write(count: int) -> Callable[[], int]:
        return lambda: write_results(_batch([path], config, evaluator, count), out)

    rows = [
        _timed("(a) read + parse", n, parse_only, repeat),
        _timed("(b) + validate", n, validate, repeat),
        _timed("(b') + build model", n, build, repeat),
    ]
    counts = (1, workers) if workers > 1 else (1,)
    for count in counts:
        label = f"{count} worker{'s' * (count > 1)}"
        rows.append(_timed(f"(c) + evaluate, {label}", n, evaluate(count), repeat))
        rows.append(_timed(f"(d) + write JSONL, {label}", n, evaluate_write(count), repeat))
    os.unlink(out)
    floor = rows[0]["us"]
    for row in rows:
        row["ratio"] = row["us"] / floor
    return rows


def print_stages(rows: list[dict[str, Any]], n: int, rules: int) -> None:
    own, children = peak_rss_mb()
    print(f"\n{n} generated case files, {rules} rules, {machine()}\n")
    print(
        tabulate(
            [
                [r["stage"], f"{r['us']:.0f}", f"{r['fps']:,.0f}", f"{r['ratio']:.1f}×"]
                for r in rows
            ],
            headers=["stage", "µs / case", "files / s", "× (a)"],
            colalign=("left", "right", "right", "right"),
        )
    )
    print(f"\npeak RSS: main process {own:.0f} MB, largest worker {children:.0f} MB")


# --------------------------------------------------------------------------- scale


def streamed_records(n: int, seed: int) -> Iterator[RawRecord]:
    """Generated records straight from the generator, never on disk."""
    for number, line in enumerate(generate.stream_lines(n, seed), 1):
        yield RawRecord("<generated>", line, number)


def one_size(n: int, workers: int, seed: int) -> dict[str, Any]:
    """Score ``n`` streamed records and write them to the null device; report figures."""
    from casefile_eval.batch import run_records

    config = BatchConfig(as_of=AS_OF)
    evaluator = config.build_evaluator()
    start = time.perf_counter()
    results = run_records(
        streamed_records(n, seed),
        evaluator,
        workers=workers,
        config=config if workers > 1 else None,
    )
    count = write_results(results, os.devnull)
    seconds = time.perf_counter() - start
    own, children = peak_rss_mb()
    return {
        "n": count,
        "seconds": seconds,
        "us": seconds / n * 1e6,
        "fps": n / seconds,
        "rss_main": own,
        "rss_worker": children,
    }


def scale(workers: int, seed: int, sizes: tuple[int, ...]) -> None:
    rows = []
    for n in sizes:
        proc = subprocess.run(
            [
                sys.executable,
                __file__,
                "--one-size",
                str(n),
                "--workers",
                str(workers),
                "--seed",
                str(seed),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(
            f"  {n:>9,} files: {row['seconds']:.1f} s, {row['fps']:,.0f} files/s, "
            f"peak RSS main {row['rss_main']:.0f} MB / worker {row['rss_worker']:.0f} MB",
            file=sys.stderr,
        )
    base = rows[0]
    print(f"\nscale run, {workers} worker(s), {machine()}\n")
    print(
        tabulate(
            [
                [
                    f"{r['n']:,}",
                    f"{r['seconds']:.1f}",
                    f"{r['us']:.0f}",
                    f"{r['fps']:,.0f}",
                    f"{r['seconds'] / base['seconds'] / (r['n'] / base['n']):.2f}",
                    f"{r['rss_main']:.0f}",
                    f"{r['rss_worker']:.0f}",
                ]
                for r in rows
            ],
            headers=[
                "files",
                "seconds",
                "µs / case",
                "files / s",
                "time ÷ linear",
                "peak RSS main (MB)",
                "peak RSS worker (MB)",
            ],
            colalign=("right",) * 7,
        )
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="case files (default 100000)")
    parser.add_argument(
        "--workers", type=int, default=1, help="worker processes for (c) and (d) (default 1)"
    )
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    parser.add_argument(
        "--scale", action="store_true", help="run 10k, 100k and 1M streamed files instead"
    )
    parser.add_argument(
        "--sizes",
        type=lambda s: tuple(int(x) for x in s.split(",")),
        default=SCALE_SIZES,
        help="sizes for --scale, comma-separated (default 10000,100000,1000000)",
    )
    parser.add_argument("--input", metavar="FILE", help="use this JSONL file instead")
    parser.add_argument(
        "--repeat", type=int, default=1, help="run each stage this many times, keep the best"
    )
    parser.add_argument("--one-size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.one_size:
        print(json.dumps(one_size(args.one_size, args.workers, args.seed)))
        return 0
    if args.scale:
        scale(args.workers, args.seed, args.sizes)
        return 0
    with tempfile.TemporaryDirectory(prefix="casefile-bench-") as tmp:
        path = args.input
        if path is None:
            path = os.path.join(tmp, "cases.jsonl")
            print(f"generating {args.n} case files …", file=sys.stderr)
            generate.write_jsonl(path, args.n, args.seed)
        n = sum(1 for _ in iter_records([path]))
        out = os.path.join(tmp, "results.jsonl")
        rows = stages(path, n, args.workers, out, args.repeat)
        rules = len(BatchConfig(as_of=AS_OF).load_plugins().rules)
        print_stages(rows, n, rules)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
