"""Scoring on a Dask cluster gives the same rows, duplicates and summary as a local run."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import orjson
import pytest

db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from casefile_eval.batch import BatchConfig, failure_row, run_batch, run_records  # noqa: E402
from casefile_eval.dask import evaluate_bag, summarise, to_jsonl, write_jsonl  # noqa: E402
from casefile_eval.loading import LoadFailure, RawRecord  # noqa: E402
from casefile_eval.summary import SummaryBuilder  # noqa: E402

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_cases"
CONFIG = BatchConfig(as_of=dt.date(2026, 1, 1))


def _generator():
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def evaluator():
    return CONFIG.build_evaluator()


@pytest.fixture(scope="module")
def paths(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("dask")
    generated = folder / "generated.jsonl"
    _generator().write_jsonl(generated, 40, seed=4, distinct=40)
    broken = folder / "broken.json"
    broken.write_bytes(b'{"case_id": "BROKEN"')
    samples = sorted(str(p) for p in SAMPLES.glob("*.json"))
    copy = folder / "copy-of-first-sample.json"
    copy.write_bytes(Path(samples[0]).read_bytes())  # a duplicate case id, later
    return [
        *samples[:4],
        str(generated),
        str(broken),
        *samples[4:],
        str(folder / "missing.json"),
        str(copy),
    ]


def _line(item) -> str:
    return (
        orjson.dumps(failure_row(item)).decode()
        if isinstance(item, LoadFailure)
        else (item.to_json().decode())
    )


def test_rows_equal_the_local_run(client, evaluator, paths):
    local = [_line(i) for i in run_batch(paths, evaluator)]
    bag = db.from_sequence(paths, npartitions=4)
    rows = client.compute(to_jsonl(evaluate_bag(bag, CONFIG))).result()
    assert rows == local
    duplicate = orjson.loads(rows[-1])
    assert duplicate["ok"] is False and "重复" in duplicate["errors"][0]["message"]


def test_records_as_dicts_with_duplicates_across_partitions(client, evaluator):
    dicts = [orjson.loads(p.read_bytes()) for p in sorted(SAMPLES.glob("*.json"))][:7]
    dicts.append(dicts[1])  # partition 2, a duplicate of partition 0's second record
    size = 3
    expected_records = [
        RawRecord(f"<bag partition {n // size}>", orjson.dumps(d), n % size + 1)
        for n, d in enumerate(dicts)
    ]
    local = [_line(i) for i in run_records(expected_records, evaluator)]
    bag = db.from_sequence(dicts, partition_size=size)
    rows = client.compute(to_jsonl(evaluate_bag(bag, CONFIG))).result()
    assert rows == local
    assert "<bag partition 0>:2 重复" in orjson.loads(rows[-1])["errors"][0]["message"]


def test_duplicates_can_be_left_unchecked(client, paths):
    bag = db.from_sequence(paths, npartitions=3)
    rows = evaluate_bag(bag, CONFIG, check_duplicates=False).compute()
    assert rows[-1].get("ok") is not False  # the copy is scored like any file


def test_jsonl_partitions_and_summary(client, evaluator, paths, tmp_path):
    items = list(run_batch(paths, evaluator))
    bag = db.from_sequence(paths, npartitions=3)
    rows = evaluate_bag(bag, CONFIG)
    written = write_jsonl(rows, str(tmp_path / "part-*.jsonl"))
    assert len(written) == 3
    text = "".join(Path(p).read_text(encoding="utf-8") for p in sorted(written))
    assert text == "".join(_line(i) + "\n" for i in items)
    grades = [g.name for g in next(iter(evaluator.standards.values())).standard.grades]
    expected = SummaryBuilder(grades)
    for item in items:
        expected.add(item)
    assert client.compute(summarise(rows, grades)).result() == expected.build()
