"""``casefile-eval sample``: draw files for review (抽取案卷), reproducibly."""

from __future__ import annotations

import argparse
import csv
import secrets
import sys
from typing import Any

import orjson
from tabulate import tabulate

from ..loading import DuplicateTracker, LoadFailure, RawRecord, iter_records, load_record
from ..model.vocab import KIND_ZH
from ..output import OutputError, atomic_write, inside, safe_name, spreadsheet_safe
from ..sampling import PoolEntry, draw
from .common import EXIT_INVALID_INPUT, EXIT_OK, CommandError, add_input_options, output_errors


def _ratio(text: str) -> float:
    try:
        value = float(text.rstrip("%")) / (100 if text.endswith("%") else 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text}: 应为 0 到 1 之间的比例，如 0.1 或 10%") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"{text}: 比例应大于 0、不超过 1")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text}: 应为正整数") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text}: 应为正整数")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "sample",
        help="随机抽取评查案卷",
        description=(
            "从案卷中随机抽取评查对象：按数量或比例，整体抽取或按单位分层抽取（单位内按处罚、"
            "许可比例分配）；同一种子结果相同。列出抽中的案卷及其所在的抽样池。"
        ),
    )
    add_input_options(parser)
    how = parser.add_mutually_exclusive_group(required=True)
    how.add_argument(
        "--n", type=_positive, metavar="N", help="抽取件数（按单位抽取时为每个单位的件数）"
    )
    how.add_argument("--ratio", type=_ratio, metavar="R", help="抽取比例，如 0.1 或 10%%")
    parser.add_argument("--per-agency", action="store_true", help="按单位分层抽取")
    parser.add_argument("--seed", type=int, help="随机种子（默认随机生成并显示，便于复现）")
    parser.add_argument("--copy-to", metavar="DIR", help="把抽中的案卷复制到该文件夹")
    parser.add_argument("--force", action="store_true", help="允许覆盖 --copy-to 中已存在的文件")
    parser.add_argument(
        "--format", choices=("table", "json", "csv"), default="table", help="输出格式（默认 table）"
    )
    parser.set_defaults(func=run)


def _copy(drawn: tuple[PoolEntry, ...], raw: dict[tuple[str, int | None], bytes], args: Any) -> int:
    planned = []
    used: set[str] = set()
    for entry in drawn:
        base = safe_name(entry.case_id, fallback="case")
        name, n = base, 2
        while name.lower() in used:
            name = f"{base}_{n}"
            n += 1
        used.add(name.lower())
        planned.append((entry, inside(args.copy_to, f"{name}.json")))
    if not args.force:
        existing = [str(p) for _, p in planned if p.exists()]
        if existing:
            raise OutputError(
                f"{'、'.join(existing[:3])}: 文件已存在，未覆盖（如需覆盖请加 --force）"
            )
    for entry, path in planned:
        with atomic_write(path, force=args.force, binary=True) as fh:
            fh.write(raw[(entry.source, entry.line)])
    return len(planned)


@output_errors
def run(args: argparse.Namespace) -> int:
    seed = args.seed if args.seed is not None else secrets.randbelow(10**6)
    pool: list[PoolEntry] = []
    raw: dict[tuple[str, int | None], bytes] = {}
    invalid = 0
    tracker = DuplicateTracker()
    for record in iter_records(args.paths, max_bytes=args.max_bytes):
        loaded = record if isinstance(record, LoadFailure) else tracker.check(load_record(record))
        if isinstance(loaded, LoadFailure):
            invalid += 1
            for error in loaded.errors:
                print(f"✗ {error.describe()}", file=sys.stderr)
            continue
        assert isinstance(record, RawRecord)
        case = loaded.case
        entry = PoolEntry(
            case.case_id, case.agency.name, case.kind, case.title or "", loaded.source, loaded.line
        )
        pool.append(entry)
        if args.copy_to:
            raw[(entry.source, entry.line)] = record.data
    if not pool:
        raise CommandError("没有可抽取的有效案卷", EXIT_INVALID_INPUT)
    result = draw(pool, n=args.n, ratio=args.ratio, per_agency=args.per_agency, seed=seed)
    where = lambda e: e.source if e.line is None else f"{e.source}:{e.line}"  # noqa: E731
    if args.format == "json":
        out = {
            "seed": seed,
            "pool_size": result.pool_size,
            "drawn": len(result.drawn),
            "pools": [
                {"agency": a, "kind": k, "pool": size, "drawn": d} for a, k, size, d in result.pools
            ],
            "files": [
                {
                    "case_id": e.case_id,
                    "agency": e.agency,
                    "kind": e.kind,
                    "title": e.title,
                    "source": where(e),
                }
                for e in result.drawn
            ],
        }
        sys.stdout.write(orjson.dumps(out, option=orjson.OPT_INDENT_2).decode() + "\n")
    elif args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(["序号", "执法机关", "类别", "案卷编号", "案由", "来源文件"])
        for i, e in enumerate(result.drawn, 1):
            writer.writerow(
                [
                    i,
                    *(
                        spreadsheet_safe(v)
                        for v in (
                            e.agency,
                            KIND_ZH.get(e.kind, e.kind),
                            e.case_id,
                            e.title,
                            where(e),
                        )
                    ),
                ]
            )
    else:
        print(
            tabulate(
                [
                    [i, e.agency, KIND_ZH.get(e.kind, e.kind), e.case_id, e.title, where(e)]
                    for i, e in enumerate(result.drawn, 1)
                ],
                headers=["序号", "执法机关", "类别", "案卷编号", "案由", "来源文件"],
            )
        )
        print()
        print(
            tabulate(
                [[a, KIND_ZH.get(k, k), size, d] for a, k, size, d in result.pools],
                headers=["抽样池（单位）", "类别", "池中案卷", "抽中"],
            )
        )
    print(
        f"从 {result.pool_size} 件案卷中抽取 {len(result.drawn)} 件"
        f"（{'按单位分层' if args.per_agency else '整体随机'}，种子 {seed}；"
        f"复现：--seed {seed}）",
        file=sys.stderr,
    )
    if args.copy_to:
        copied = _copy(result.drawn, raw, args)
        print(f"已复制 {copied} 个案卷到 {args.copy_to}", file=sys.stderr)
    return EXIT_INVALID_INPUT if invalid else EXIT_OK
