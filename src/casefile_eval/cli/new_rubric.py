"""``casefile-eval new-rubric NAME``: scaffold a rubric plugin package."""

from __future__ import annotations

import argparse
import sys

from ..scaffold import names, scaffold
from .common import CommandError, output_errors


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "new-rubric",
        help="生成评查规则插件包骨架",
        description="生成一个评查规则插件包（pyproject、插件模块、示例规则、评查标准、测试），"
        "生成后即可安装并通过自带测试。",
    )
    parser.add_argument("name", metavar="NAME", help="插件名称，如 zj-food")
    parser.add_argument("--dir", default=".", help="在该文件夹下创建（默认当前文件夹）")
    parser.set_defaults(func=run)


@output_errors
def run(args: argparse.Namespace) -> int:
    try:
        n = names(args.name)
    except ValueError as exc:
        raise CommandError(str(exc)) from exc
    root = scaffold(args.name, args.dir)
    print(f"已生成 {root}", file=sys.stderr)
    print(f"  cd {root} && pip install -e '.[test]' && pytest", file=sys.stderr)
    print(
        f"  插件入口点 casefile_eval:{n['entry_point']}，规则编号前缀 {n['prefix']}-",
        file=sys.stderr,
    )
    return 0
