"""Scoring standards (评查标准) as data: TOML files validated against a schema, resolved once
per batch against the loaded rules.

A standard says which rules count, in which category, for how many points, which are vetoes
and what a veto does, the grade bands, and the parameters the rules read. Reviewers change a
standard without writing code.
"""

from __future__ import annotations

import fnmatch
import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import attrs
import jsonschema

from .plugins import PluginSet, Rule
from .schema import standard_schema
from .schema.errors import describe_error

VetoMode = Literal["zero", "fail_label", "no_excellent"]
VETO_MODE_ZH = {
    "zero": "案卷得分计为0分，等次为不合格",
    "fail_label": "保留得分，等次定为不合格",
    "no_excellent": "保留得分，不得评为最高等次",
}
BUILTIN_STANDARDS = {
    "default-penalty": "penalty-default.toml",
    "default-licensing": "licensing-default.toml",
}
DEFAULT_FOR_KIND = {"penalty": "default-penalty", "licensing": "default-licensing"}


class StandardError(ValueError):
    """A standard file is invalid; the message names the file and the TOML key."""


@attrs.frozen(slots=True)
class Grade:
    """A grade band: files scoring at least ``min`` (and not vetoed down) get ``name``."""

    name: str
    min: float
    passing: bool


@attrs.frozen(slots=True)
class Category:
    """A scoring category (评查项目) with its points and the verdict dimension it feeds."""

    key: str
    title: str
    points: float
    dimension: str
    follows: str = ""


@attrs.frozen(slots=True)
class Item:
    """A line of the standard that selects rules and sets how they score."""

    select: tuple[str, ...]
    exclude: bool = False
    category: str | None = None
    deduction: float | None = None
    max_deduction: float | None = None
    veto: bool | None = None
    veto_label: str | None = None
    note: str = ""


@attrs.frozen(slots=True)
class Standard:
    """A scoring standard as loaded from TOML (not yet resolved against rules)."""

    id: str
    version: str
    title: str
    kind: str
    grades: tuple[Grade, ...]
    categories: tuple[Category, ...]
    items: tuple[Item, ...]
    parameters: Mapping[str, Any] = attrs.field(factory=dict)
    total_points: float = 100
    veto_mode: VetoMode = "zero"
    procedural_veto_breaks_merits: bool = True
    per_occurrence: bool = True
    issuer: str = ""
    based_on: tuple[str, ...] = ()
    source: str = ""

    def category(self, key: str) -> Category | None:
        """The category with this key."""
        return next((c for c in self.categories if c.key == key), None)

    @property
    def top_grade(self) -> Grade:
        """The best band (优秀)."""
        return self.grades[0]

    @property
    def bottom_grade(self) -> Grade:
        """The worst band (不合格)."""
        return self.grades[-1]

    def grade_for(self, total: float) -> Grade:
        """The band a total score falls in."""
        for grade in self.grades:
            if total >= grade.min:
                return grade
        return self.grades[-1]


@attrs.frozen(slots=True)
class ResolvedItem:
    """One rule as the active standard scores it."""

    rule: Rule
    category: Category
    deduction: float
    max_deduction: float
    veto: bool
    veto_label: str


@attrs.frozen(slots=True, eq=False)
class ResolvedStandard:
    """A standard bound to the loaded rules and parameters; built once per batch."""

    standard: Standard
    items: Mapping[str, ResolvedItem]
    parameters: Mapping[str, Any]
    warnings: tuple[str, ...] = ()

    def items_for(self, kind: str, procedure: str) -> tuple[ResolvedItem, ...]:
        """The items whose rules can apply to files of this kind and procedure."""
        return _items_for(self, kind, procedure)


@cache
def _items_for(resolved: ResolvedStandard, kind: str, procedure: str) -> tuple[ResolvedItem, ...]:
    return tuple(
        item
        for item in resolved.items.values()
        if item.rule.applies_to.matches_kind(kind, procedure)
    )


# ----------------------------------------------------------------------------- loading


def _toml_key(pointer_parts: Iterable[Any]) -> str:
    out = ""
    for part in pointer_parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(根)"


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise StandardError(f"{path}: 无法读取评查标准文件：{exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise StandardError(f"{path}: 不是有效的TOML：{exc}") from exc


def _merge(base: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    merged["standard"] = {**base.get("standard", {}), **child.get("standard", {})}
    merged["standard"].pop("extends", None)
    if "grades" in child:
        merged["grades"] = child["grades"]
    categories = {c["key"]: dict(c) for c in base.get("categories", [])}
    for c in child.get("categories", []):
        categories[c["key"]] = {**categories.get(c["key"], {}), **c}
    merged["categories"] = list(categories.values())
    merged["items"] = [*base.get("items", []), *child.get("items", [])]
    merged["parameters"] = {**base.get("parameters", {}), **child.get("parameters", {})}
    return merged


def _validate(data: dict[str, Any], source: str) -> None:
    validator = jsonschema.Draft202012Validator(standard_schema())
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.path))):
        for pointer, message, expected in describe_error(error):
            parts = [int(p) if p.isdigit() else p for p in pointer.strip("/").split("/") if p]
            tail = f"（应为：{expected}）" if expected else ""
            problems.append(f"  {_toml_key(parts)}: {message}{tail}")
    if problems:
        raise StandardError(f"{source}: 评查标准格式错误：\n" + "\n".join(problems))


def _read(path: Path, seen: tuple[str, ...] = ()) -> dict[str, Any]:
    data = _load_toml(path)
    parent = data.get("standard", {}).get("extends")
    if parent:
        if parent in seen:
            raise StandardError(f"{path}: standard.extends 形成循环：{' -> '.join(seen)}")
        parent_path = _builtin_path(parent) or (path.parent / parent)
        data = _merge(_read(parent_path, (*seen, str(path))), data)
    return data


def _builtin_path(name: str) -> Path | None:
    filename = BUILTIN_STANDARDS.get(name)
    if filename is None:
        return None
    return Path(str(resources.files("casefile_eval").joinpath("standards", filename)))


def load_standard(ref: str | Path, *, search: Iterable[Path] = ()) -> Standard:
    """Load a standard from a TOML path, a built-in id (``default-penalty``) or the id of a
    standard a plugin offers (``search``: the plugins' standard files)."""
    path = _builtin_path(str(ref)) if isinstance(ref, str) else None
    if path is None:
        for candidate in search:
            if candidate.stem == str(ref) or _peek_id(candidate) == str(ref):
                path = candidate
                break
    if path is None:
        path = Path(ref)
        if not path.exists():
            known = ", ".join([*BUILTIN_STANDARDS, *(p.stem for p in search)])
            raise StandardError(f"{ref}: 评查标准不存在（既不是文件，也不是已知标准：{known}）")
    data = _read(path)
    source = str(path)
    _validate(data, source)
    return _build(data, source)


def _peek_id(path: Path) -> str | None:
    try:
        return _load_toml(path).get("standard", {}).get("id")
    except StandardError:
        return None


def _build(data: dict[str, Any], source: str) -> Standard:
    head = data["standard"]
    grades = tuple(
        Grade(g["name"], g["min"], g.get("pass", i < len(data["grades"]) - 1))
        for i, g in enumerate(sorted(data["grades"], key=lambda g: -g["min"]))
    )
    categories = tuple(
        Category(c["key"], c["title"], c["points"], c["dimension"], c.get("follows", ""))
        for c in data["categories"]
    )
    items = tuple(
        Item(
            select=(i["select"],) if isinstance(i["select"], str) else tuple(i["select"]),
            exclude=i.get("exclude", False),
            category=i.get("category"),
            deduction=i.get("deduction"),
            max_deduction=i.get("max_deduction"),
            veto=i.get("veto"),
            veto_label=i.get("veto_label"),
            note=i.get("note", ""),
        )
        for i in data["items"]
    )
    standard = Standard(
        id=head["id"],
        version=head["version"],
        title=head["title"],
        kind=head["kind"],
        grades=grades,
        categories=categories,
        items=items,
        parameters=dict(data.get("parameters", {})),
        total_points=head.get("total_points", 100),
        veto_mode=head.get("veto_mode", "zero"),
        procedural_veto_breaks_merits=head.get("procedural_veto_breaks_merits", True),
        per_occurrence=head.get("per_occurrence", True),
        issuer=head.get("issuer", ""),
        based_on=tuple(head.get("based_on", ())),
        source=source,
    )
    _check_consistency(standard)
    return standard


def _check_consistency(standard: Standard) -> None:
    src = standard.source
    keys = [c.key for c in standard.categories]
    for i, key in enumerate(keys):
        if key in keys[:i]:
            raise StandardError(f"{src}: categories[{i}].key: 评查项目“{key}”重复")
    total = sum(c.points for c in standard.categories)
    if abs(total - standard.total_points) > 1e-9:
        raise StandardError(
            f"{src}: categories: 各评查项目分值合计 {total:g}，与 standard.total_points "
            f"{standard.total_points:g} 不一致"
        )
    mins = [g.min for g in standard.grades]
    if len(set(mins)) != len(mins):
        raise StandardError(f"{src}: grades: 等次分数线重复")
    for i, item in enumerate(standard.items):
        if item.category is not None and item.category not in keys:
            raise StandardError(
                f"{src}: items[{i}].category: 评查项目“{item.category}”未在 categories 中定义"
            )


# ----------------------------------------------------------------------------- resolving


def _is_glob(selector: str) -> bool:
    return any(ch in selector for ch in "*?[")


def _selects(selector: str, rule: Rule) -> bool:
    if selector.startswith("category:"):
        return rule.category == selector.removeprefix("category:")
    if selector.startswith("plugin:"):
        return rule.plugin == selector.removeprefix("plugin:")
    return fnmatch.fnmatchcase(rule.id, selector)


def resolve(standard: Standard, plugins: PluginSet) -> ResolvedStandard:
    """Bind ``standard`` to the loaded rules and parameters (once per batch).

    Raises :class:`StandardError` naming the TOML key when an item selects nothing, a selected
    rule's category is not in the standard, or a parameter is unknown or invalid.
    """
    src = standard.source
    chosen: dict[str, dict[str, Any]] = {}
    warnings: list[str] = []
    for i, item in enumerate(standard.items):
        matched = [r for r in plugins.rules.values() if any(_selects(s, r) for s in item.select)]
        exact = [s for s in item.select if ":" not in s and not _is_glob(s)]
        missing = [s for s in exact if s not in plugins.rules]
        if missing:
            raise StandardError(
                f"{src}: items[{i}].select: 规则 {', '.join(missing)} 不存在于已加载的规则中"
            )
        if not matched:
            warnings.append(f"items[{i}].select {list(item.select)} 没有匹配到已加载的规则")
        for r in matched:
            if item.exclude:
                chosen.pop(r.id, None)
                continue
            entry = chosen.setdefault(r.id, {})
            for key in ("category", "deduction", "max_deduction", "veto", "veto_label"):
                value = getattr(item, key)
                if value is not None:
                    entry[key] = value
    items: dict[str, ResolvedItem] = {}
    for rule_id in sorted(chosen):
        rule = plugins.rules[rule_id]
        entry = chosen[rule_id]
        category = standard.category(entry.get("category", rule.category))
        if category is None:
            raise StandardError(
                f"{src}: 规则 {rule_id} 属于评查项目“{rule.category}”，本标准未定义该项目；"
                f"请在 categories 中增加，或在选中它的 items 中用 category 指定"
            )
        deduction = entry.get("deduction", rule.default_deduction)
        items[rule_id] = ResolvedItem(
            rule=rule,
            category=category,
            deduction=deduction,
            max_deduction=min(entry.get("max_deduction", category.points), category.points),
            veto=entry.get("veto", rule.veto),
            veto_label=entry.get("veto_label", rule.title),
        )
    parameters = {name: p.default for name, p in plugins.parameters.items()}
    for name, value in standard.parameters.items():
        declared = plugins.parameters.get(name)
        if declared is None:
            raise StandardError(f"{src}: parameters.{name}: 未知参数（没有已加载的插件声明它）")
        try:
            jsonschema.validate(value, declared.schema)
        except jsonschema.ValidationError as exc:
            raise StandardError(f"{src}: parameters.{name}: 取值无效：{exc.message}") from exc
        parameters[name] = value
    for item in items.values():
        for name in item.rule.parameters:
            if name not in parameters:
                raise StandardError(
                    f"规则 {item.rule.id}（插件 {item.rule.plugin}）需要参数 {name}，"
                    "但没有插件声明它"
                )
    return ResolvedStandard(standard, items, parameters, tuple(warnings))
