"""``casefile-eval new-rubric NAME``: scaffold a rubric plugin package that passes its own tests
as generated (pyproject with the entry point, a module with one sample rule, a test, a README)."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from ..output import OutputError

_NAME = re.compile(r"^[a-z][a-z0-9]*([-_][a-z0-9]+)*$")


def names(name: str) -> dict[str, str]:
    """The names a package called ``name`` gets (distribution, module, entry point, rule ids)."""
    if not _NAME.match(name):
        raise ValueError(
            f"{name!r}: 插件名称应为小写字母开头，由小写字母、数字和连字符组成，如 zj-food"
        )
    snake = name.replace("-", "_")
    return {
        "name": name,
        "dist": f"casefile-eval-{name}",
        "module": f"casefile_eval_{snake}",
        "entry_point": snake,
        "prefix": re.sub(r"[^A-Z0-9]", "", name.upper())[:12],
    }


def scaffold(name: str, parent: str | Path = ".") -> Path:
    """Write the package into ``parent/casefile-eval-NAME`` and return its folder.

    Refuses to write into an existing folder, so nothing the user has is overwritten.
    """
    n = names(name)
    root = Path(parent) / n["dist"]
    if root.exists():
        raise OutputError(f"{root}: 文件夹已存在，未覆盖")
    templates = resources.files(__package__).joinpath("templates")
    files = {
        "pyproject.toml": "pyproject.toml.tmpl",
        "README.md": "README.md.tmpl",
        f"{n['module']}/__init__.py": "module.py.tmpl",
        f"{n['module']}/standard.toml": "standard.toml.tmpl",
        "tests/test_rules.py": "test_rules.py.tmpl",
    }
    for target, template in files.items():
        text = templates.joinpath(template).read_text(encoding="utf-8")
        for key, value in n.items():
            text = text.replace("{{" + key + "}}", value)
        path = root / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
