"""Dict <-> model conversion, generated once per class at import.

The input is validated against the JSON Schema before it gets here, so conversion never has
to explain a bad value; it only has to build the objects fast, because it runs once for every
case of a batch of a million. Generic converters (cattrs) dispatch on the type of every field
of every object at run time and cost about 0.5 ms for a typical file; the code generated here
knows each field's type in advance and costs a small fraction of that.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable
from typing import Any, Literal, get_args, get_origin

import attrs

from .casefile import CaseFile

_date = dt.date.fromisoformat
_datetime = dt.datetime.fromisoformat


def _optional_inner(tp: Any) -> tuple[Any, bool]:
    if get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        return args[0], True
    return tp, False


def _needs_conversion(tp: Any) -> bool:
    return tp in (dt.date, dt.datetime) or attrs.has(tp)


def _value_expr(tp: Any, src: str, ns: dict[str, Any]) -> str:
    """Expression converting the JSON value ``src`` (never None) to ``tp``."""
    if tp is dt.date:
        return f"_date({src})"
    if tp is dt.datetime:
        return f"_datetime({src})"
    if attrs.has(tp):
        _structure_fn(tp, ns)
        return f"_s_{tp.__name__}({src})"
    if get_origin(tp) is tuple:
        item = get_args(tp)[0]
        if _needs_conversion(item):
            return f"tuple([{_value_expr(item, 'x', ns)} for x in {src}])"
        return f"tuple({src})"
    if get_origin(tp) is dict:
        return f"dict({src})"
    if tp in (str, int, float, bool) or get_origin(tp) is Literal:
        return src
    raise TypeError(f"cannot convert to {tp!r}")


def _structure_fn(cls: type, ns: dict[str, Any]) -> Callable[[dict[str, Any]], Any]:
    name = f"_s_{cls.__name__}"
    if name in ns:
        return ns[name]
    ns[name] = None  # reserve against recursion
    ns[cls.__name__] = cls
    hints = typing.get_type_hints(cls)
    body = [f"def {name}(d):", "    g = d.get"]
    args = []
    # Arguments are passed by position while the signature allows it: a call with two dozen
    # keyword arguments costs a third more than the same call by position.
    positional = True
    for field in attrs.fields(cls):
        if not field.init or field.name == "derived":
            positional = False
            continue
        tp, _ = _optional_inner(hints[field.name])
        key = repr(field.name)
        var = f"a_{field.name}"
        if field.default is attrs.NOTHING:
            value = _value_expr(tp, f"d[{key}]", ns)
        else:
            if isinstance(field.default, attrs.Factory):
                default = "()" if get_origin(tp) is tuple else "{}"
            else:
                default = repr(field.default)
            conv = _value_expr(tp, var, ns)
            if conv == var and default == "None":
                value = f"g({key})"  # passed through: no temporary needed
            else:
                body.append(f"    {var} = g({key})")
                body.append(f"    {var} = {default} if {var} is None else {conv}")
                value = var
        positional = positional and not field.kw_only
        args.append(value if positional else f"{field.name}={value}")
    body.append(f"    return {cls.__name__}({', '.join(args)})")
    source = "\n".join(body)
    exec(source, ns)  # the generated source is built only from our own model
    return ns[name]


def _unstructure_value(value: Any) -> Any:
    if attrs.has(type(value)):
        return _unstructure(value)
    if isinstance(value, tuple):
        return [_unstructure_value(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _unstructure(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in attrs.fields(type(obj)):
        if field.name == "derived":
            continue
        value = getattr(obj, field.name)
        default = field.default
        if isinstance(default, attrs.Factory):
            default = default.factory()
        if field.default is not attrs.NOTHING and value == default:
            continue
        out[field.name] = _unstructure_value(value)
    return out


_namespace: dict[str, Any] = {"_date": _date, "_datetime": _datetime}
_structure_case = _structure_fn(CaseFile, _namespace)


def from_dict(data: dict[str, Any]) -> CaseFile:
    """Build a :class:`CaseFile` from a dict that is valid against the case-file schema."""
    return _structure_case(data)


def to_dict(case: CaseFile) -> dict[str, Any]:
    """The case as a JSON-ready dict; fields left at their defaults are omitted."""
    return _unstructure(case)
