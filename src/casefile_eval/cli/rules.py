"""``casefile-eval rules``: list the loaded rules, show one, or write the rule reference."""

from __future__ import annotations

import argparse
import json

from tabulate import tabulate

from ..plugins import DIMENSION_ZH
from ..ruledocs import reference_markdown, rule_markdown, rule_row
from .common import CommandError, add_plugin_options, add_standard_options, build_evaluator


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "rules",
        help="列出已加载的评查规则",
        description="列出已加载的评查规则及其评查项目、维度、扣分、否决和法律依据；"
        "rules show ID 显示一条规则的完整说明。",
    )
    parser.add_argument("show", nargs="?", choices=["show"], help="显示一条规则")
    parser.add_argument("rule_id", nargs="?", metavar="ID", help="规则编号")
    parser.add_argument("--format", choices=["table", "json", "md"], default="table")
    parser.add_argument("--json", dest="format", action="store_const", const="json")
    add_plugin_options(parser)
    add_standard_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    evaluator = build_evaluator(args)
    if args.show:
        if not args.rule_id:
            raise CommandError("rules show 需要规则编号，如：casefile-eval rules show PEN-PROC-001")
        rule = evaluator.rules.get(args.rule_id)
        if rule is None:
            raise CommandError(f"没有编号为 {args.rule_id} 的规则（casefile-eval rules 列出全部）")
        row = rule_row(evaluator, rule)
        if args.format == "json":
            print(json.dumps(row, ensure_ascii=False, indent=2))
        else:
            params = {k: v for s in evaluator.standards.values() for k, v in s.parameters.items()}
            print(rule_markdown(row, params))
        return 0
    if args.format == "md":
        print(reference_markdown(evaluator), end="")
        return 0
    rows = [rule_row(evaluator, r) for r in evaluator.rules.values()]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    table = [
        [
            r["id"],
            r["title"],
            r["category_title"],
            DIMENSION_ZH[r["dimension"]],
            f"{r['deduction']:g}",
            "否决" if r["veto"] else "",
            "；".join(r["legal_basis"])[:60],
            r["plugin"],
        ]
        for r in rows
    ]
    headers = ["编号", "名称", "评查项目", "维度", "扣分", "否决", "法律依据", "插件"]
    print(tabulate(table, headers=headers))
    print(f"\n共 {len(rows)} 条规则。")
    return 0
