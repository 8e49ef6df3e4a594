"""Chinese descriptions of JSON Schema validation errors, shared by every validated input."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson

TYPE_ZH = {
    "object": "对象",
    "array": "数组",
    "string": "字符串",
    "integer": "整数",
    "number": "数值",
    "boolean": "true 或 false",
    "null": "null",
}


def json_pointer(path: Iterable[Any]) -> str:
    parts = [str(p).replace("~", "~0").replace("/", "~1") for p in path]
    return "/" + "/".join(parts) if parts else ""


def describe_error(error: Any) -> list[tuple[str, str, str | None]]:
    """(pointer, message, expected) in Chinese for one jsonschema error."""
    kind = error.validator
    if kind in ("anyOf", "oneOf") and error.context:
        # An optional object fails as "not an object and not null": report what is wrong
        # inside the object, not that it is not null.
        branches: dict[Any, list[Any]] = {}
        for sub in error.context:
            branches.setdefault(sub.schema_path[0], []).append(sub)
        real = [
            errs
            for errs in branches.values()
            if not (
                len(errs) == 1 and errs[0].validator == "type" and errs[0].validator_value == "null"
            )
        ]
        if real:
            best = max(real, key=lambda errs: max(len(e.absolute_path) for e in errs))
            return [d for sub in best for d in describe_error(sub)]
    pointer = json_pointer(error.absolute_path)
    value = error.validator_value
    instance = error.instance
    shown = _show(instance)
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else str(value)
        return [(f"{pointer}/{missing}", "缺少必填字段", _field_title(error, missing))]
    if kind == "additionalProperties":
        extras = sorted(set(instance) - set(error.schema.get("properties", {})))
        allowed = "、".join(sorted(error.schema.get("properties", {})))
        return [(f"{pointer}/{x}", f"未知字段“{x}”", f"以下字段之一：{allowed}") for x in extras]
    if kind == "type":
        types = value if isinstance(value, list) else [value]
        expected = "、".join(TYPE_ZH.get(t, t) for t in types)
        return [(pointer, f"类型错误：{shown}", expected)]
    messages = {
        "enum": lambda: (
            f"取值“{shown}”不在允许范围内",
            "、".join(str(v) for v in value if v is not None),
        ),
        "const": lambda: (f"取值“{shown}”不符合要求", str(value)),
        "pattern": lambda: (f"格式不符：{shown}", _pattern_hint(pointer, value)),
        "minimum": lambda: (f"数值过小：{shown}", f"不小于 {value}"),
        "exclusiveMinimum": lambda: (f"数值过小：{shown}", f"大于 {value}"),
        "maximum": lambda: (f"数值过大：{shown}", f"不大于 {value}"),
        "minItems": lambda: ("列表为空或条目过少", f"至少 {value} 项"),
        "minLength": lambda: ("内容为空或过短", f"至少 {value} 个字符"),
        "maxLength": lambda: ("内容过长", f"不超过 {value} 个字符"),
    }
    if kind == "format" and value == "date":
        return [(pointer, f"日期“{shown}”无效", "YYYY-MM-DD 格式的有效日期")]
    if kind in messages:
        message, expected = messages[kind]()
        return [(pointer, message, expected)]
    return [(pointer, error.message, None)]


def _show(instance: Any) -> str:
    if isinstance(instance, dict):
        return "对象"
    if isinstance(instance, list):
        return "数组"
    if isinstance(instance, str):
        return instance[:60]
    return orjson.dumps(instance).decode()[:60]


def _field_title(error: Any, name: str) -> str | None:
    return error.schema.get("properties", {}).get(name, {}).get("title")


def _pattern_hint(pointer: str, pattern: str) -> str:
    if pointer.endswith("credit_code"):
        return "18位统一社会信用代码"
    if pointer.endswith("id_number"):
        return "18位公民身份号码"
    if pointer.endswith("schema_version"):
        return "1.x"
    return f"符合正则表达式 {pattern}"
