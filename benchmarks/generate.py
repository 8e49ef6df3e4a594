"""Seeded generator of valid, varied synthetic case files for benchmarks and load tests.

Every file starts from one of the valid example files shipped with the project (the test-kit
base cases in ``src/casefile_eval/testing/cases`` and ``sample_cases/``) and is varied the way
a year of real files varies: a unique case id, another agency of the same sector (the agency
name is replaced everywhere it appears, so seals and headers stay consistent), every date moved
by the same offset, and a realistic mix of planted defects (an unsealed or unsigned document,
a late decision, an expired enforcement certificate, a missing optional section, a changed
fine …). Files keep the sizes of the examples (5–16 KB).

The same seed and the same set of example files give the same output, file for file. Every
generated file is valid against the case-file schema (``tests/test_fast_validation.py``
checks it).

Usage::

    python benchmarks/generate.py --n 10000 -o cases.jsonl      # one JSONL file
    python benchmarks/generate.py --n 200 --folder cases/       # one .json file per case

From Python::

    from generate import generate, stream_lines
    for case in generate(1000, seed=7): ...                     # dicts, fully varied
    for line in stream_lines(1_000_000, seed=7): ...            # JSONL bytes, flat memory

``stream_lines`` varies ``distinct`` files fully and then cycles them with fresh case ids, so
that a million records cost almost nothing to produce and never sit in memory together.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_DIRS = (ROOT / "src" / "casefile_eval" / "testing" / "cases", ROOT / "sample_cases")
#: Generated dates stay inside the years the holiday calendar knows and before this day, so
#: that working-day periods can be computed and nothing lies in the future of a review.
LATEST_DATE = dt.date(2025, 12, 31)
EARLIEST_DATE = dt.date(2022, 1, 1)

#: How often each kind of file occurs (penalty general / penalty simple / licensing).
MIX = (("penalty", "general", 0.55), ("penalty", "simple", 0.2), ("licensing", None, 0.25))

#: Districts an agency name may move to; an agency of a city without a district keeps its name
#: and gets a numbered branch instead.
DISTRICTS = (
    "西湖区",
    "上城区",
    "拱墅区",
    "滨江区",
    "萧山区",
    "余杭区",
    "鄞州区",
    "海曙区",
    "姑苏区",
    "吴中区",
    "天河区",
    "越秀区",
    "南海区",
    "顺德区",
    "福田区",
    "南山区",
)
_DISTRICT = re.compile(r"(?<=市)[\u4e00-\u9fff]{1,4}?区")

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$")
#: Dates that belong to a person, not to the case: moving them would contradict the ID number.
_FIXED_DATE_KEYS = frozenset({"birth_date"})
_DOC_FLAGS = ("sealed", "party_signed", "every_page_signed", "certificates_shown", "rights_told")
_OPTIONAL_SECTIONS = {
    "penalty": ("clue", "violation", "reply", "publicity", "recordings", "execution", "archive"),
    "licensing": ("verifications", "interested_parties", "publicity", "archive"),
}


@cache
def templates() -> tuple[tuple[str, bytes], ...]:
    """The valid example files, as (name, JSON bytes), in a stable order.

    Files that do not validate (an example still being written) are skipped with a warning.
    """
    from casefile_eval.loading import LoadFailure, RawRecord, load_record

    found = []
    for folder in TEMPLATE_DIRS:
        for path in sorted(folder.glob("*.json")):
            data = path.read_bytes()
            if isinstance(load_record(RawRecord(str(path), data)), LoadFailure):
                print(f"generate: skipping invalid example {path}", file=sys.stderr)
                continue
            found.append((path.name, orjson.dumps(orjson.loads(data))))
    if not found:
        raise SystemExit("generate: no valid example case files found")
    return tuple(found)


@cache
def _buckets() -> tuple[tuple[float, tuple[tuple[str, bytes], ...]], ...]:
    buckets = []
    for kind, procedure, weight in MIX:
        members = tuple(
            (name, data)
            for name, data in templates()
            if _kind_of(data)[0] == kind and procedure in (None, _kind_of(data)[1])
        )
        if members:
            buckets.append((weight, members))
    return tuple(buckets)


def _kind_of(data: bytes) -> tuple[str, str]:
    case = orjson.loads(data)
    return case["kind"], case["procedure"]


# --------------------------------------------------------------------------- variation


def _dates(node: Any, key: str | None, out: list[dt.date]) -> None:
    if isinstance(node, dict):
        for k, v in node.items():
            _dates(v, k, out)
    elif isinstance(node, list):
        for v in node:
            _dates(v, key, out)
    elif isinstance(node, str) and key not in _FIXED_DATE_KEYS:
        if _DATE.match(node):
            out.append(dt.date.fromisoformat(node))
        elif _DATETIME.match(node):
            out.append(dt.datetime.fromisoformat(node).date())


def _shift(node: Any, days: dt.timedelta, key: str | None = None) -> Any:
    if isinstance(node, dict):
        return {k: _shift(v, days, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_shift(v, days, key) for v in node]
    if isinstance(node, str) and key not in _FIXED_DATE_KEYS:
        if _DATE.match(node):
            return (dt.date.fromisoformat(node) + days).isoformat()
        if _DATETIME.match(node):
            moved = dt.datetime.fromisoformat(node) + days
            return moved.isoformat(timespec="seconds" if len(node) > 16 else "minutes")
    return node


def _new_agency(name: str, rng: random.Random) -> str:
    match = _DISTRICT.search(name)
    if match:
        return name[: match.start()] + rng.choice(DISTRICTS) + name[match.end() :]
    branch = rng.randrange(6)
    return name if branch == 0 else name.replace("局", f"第{branch}分局", 1)


def _referenced(case: dict[str, Any]) -> str:
    # Documents are referenced only from outside the documents list.
    return orjson.dumps({k: v for k, v in case.items() if k != "documents"}).decode()


def vary(template: bytes, case_id: str, rng: random.Random) -> dict[str, Any]:
    """One varied case from a template's JSON bytes."""
    text = template.decode()
    original = orjson.loads(template)
    agency = original["agency"]["name"]
    text = text.replace(agency, _new_agency(agency, rng))
    case = orjson.loads(text)
    case["case_id"] = case_id

    seen: list[dt.date] = []
    _dates(case, None, seen)
    if seen:
        low = (EARLIEST_DATE - min(seen)).days
        high = (LATEST_DATE - max(seen)).days
        if low <= high:
            case = _shift(case, dt.timedelta(days=rng.randint(low, high)))

    _plant_defects(case, rng)
    return case


def _plant_defects(case: dict[str, Any], rng: random.Random) -> None:
    """A realistic mix: most files are clean or nearly so, some carry one or more defects."""
    for doc in case.get("documents", ()):
        for flag in _DOC_FLAGS:
            if flag in doc and rng.random() < 0.015:
                doc[flag] = not doc[flag]
    decision = case.get("decision")
    if decision:
        if decision.get("date") and rng.random() < 0.05:
            late = dt.timedelta(days=rng.randint(20, 160))
            decision["date"] = (dt.date.fromisoformat(decision["date"]) + late).isoformat()
        for penalty in decision.get("penalties", ()):
            if penalty.get("type") == "fine" and "amount" in penalty and rng.random() < 0.1:
                penalty["amount"] = max(100, round(penalty["amount"] * rng.choice((0.4, 2, 3))))
        if decision.get("penalty_provisions") and rng.random() < 0.02:
            del decision["penalty_provisions"]
        if "sealed" in decision and rng.random() < 0.02:
            decision["sealed"] = False
    for officer in case.get("officers", ()):
        if officer.get("certificate_valid_until") and rng.random() < 0.02:
            officer["certificate_valid_until"] = officer.get("certificate_valid_from") or (
                EARLIEST_DATE.isoformat()
            )
    for recording in case.get("recordings", ()):
        if "complete" in recording and rng.random() < 0.03:
            recording["complete"] = False
    archive = case.get("archive")
    if archive and rng.random() < 0.05:
        flag = rng.choice(("cover", "index", "pages_numbered", "in_order"))
        if flag in archive:
            archive[flag] = False
    for section in _OPTIONAL_SECTIONS.get(case["kind"], ()):
        if section in case and rng.random() < 0.02:
            del case[section]
    documents = case.get("documents")
    if documents and rng.random() < 0.05:
        used = _referenced(case)
        spare = [d for d in documents if f'"{d["id"]}"' not in used]
        if spare:
            documents.remove(rng.choice(spare))


# --------------------------------------------------------------------------- public


def _pick(rng: random.Random) -> bytes:
    buckets = _buckets()
    weights = [w for w, _ in buckets]
    members = rng.choices([m for _, m in buckets], weights)[0]
    return rng.choice(members)[1]


def case_id(seed: int, index: int) -> str:
    """The id of the ``index``-th generated case."""
    return f"GEN{seed}-{index:09d}"


def generate(n: int, seed: int = 0) -> Iterator[dict[str, Any]]:
    """``n`` fully varied case files as dicts (each one drawn independently)."""
    for index in range(n):
        rng = random.Random(seed * 1_000_003 + index)
        yield vary(_pick(rng), case_id(seed, index), rng)


def stream_lines(n: int, seed: int = 0, *, distinct: int = 5000) -> Iterator[bytes]:
    """``n`` JSONL lines (with the newline), in constant memory.

    The first ``distinct`` files are fully varied; after that they repeat with a fresh case
    id each, which costs a byte copy instead of a variation.
    """
    pool: list[tuple[bytes, bytes]] = []
    for index, case in enumerate(generate(min(n, distinct), seed)):
        line = orjson.dumps(case) + b"\n"
        marker = orjson.dumps(case_id(seed, index))
        head, _, tail = line.partition(marker)
        pool.append((head, tail))
        yield line
    for index in range(len(pool), n):
        head, tail = pool[index % len(pool)]
        yield head + b'"' + case_id(seed, index).encode() + b'"' + tail


def write_jsonl(path: str | os.PathLike[str], n: int, seed: int = 0, distinct: int = 5000) -> int:
    """Write ``n`` cases to a JSONL file; return the bytes written."""
    written = 0
    with open(path, "wb") as fh:
        for line in stream_lines(n, seed, distinct=distinct):
            written += fh.write(line)
    return written


def write_folder(folder: str | os.PathLike[str], n: int, seed: int = 0) -> list[Path]:
    """Write ``n`` cases as one ``.json`` file each; return the paths."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for case in generate(n, seed):
        path = out / f"{case['case_id']}.json"
        path.write_bytes(orjson.dumps(case, option=orjson.OPT_INDENT_2))
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="how many case files (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--distinct",
        type=int,
        default=5000,
        help="JSONL: fully varied files before cycling with fresh ids (default 5000)",
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("-o", "--output", metavar="FILE", help="write one JSONL file")
    where.add_argument("--folder", metavar="DIR", help="write one .json file per case")
    args = parser.parse_args(argv)
    if args.folder:
        paths = write_folder(args.folder, args.n, args.seed)
        print(f"{len(paths)} files in {args.folder}", file=sys.stderr)
    else:
        size = write_jsonl(args.output, args.n, args.seed, args.distinct)
        print(f"{args.n} cases, {size / 1e6:.1f} MB in {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
