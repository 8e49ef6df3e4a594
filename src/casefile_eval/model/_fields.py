"""Field declarations that carry their documentation and JSON Schema hints.

The model classes are the single source of truth for the case-file format: the JSON Schema
(``schema/casefile.schema.json``) and the field table in ``docs/case-file-format.md`` are
generated from the metadata attached here, so the three can never drift apart.
"""

from __future__ import annotations

from typing import Any

import attrs

#: Metadata keys understood by the schema generator.
ZH = "zh"
DOC = "doc"
SCHEMA = "schema"


def fld(
    zh: str, doc: str = "", *, default: Any = None, required: bool = False, **schema: Any
) -> Any:
    """Declare a model field.

    ``zh`` is the Chinese term a reviewer knows the field by; ``doc`` explains it in English.
    Optional fields default to ``None`` (or to ``default``); ``required=True`` makes the field
    mandatory both in Python and in the schema. Extra keyword arguments are JSON Schema keywords
    merged into the field's generated schema (``minimum``, ``pattern``, ``minItems`` …).
    """
    metadata = {ZH: zh, DOC: doc, SCHEMA: schema}
    if required:
        return attrs.field(metadata=metadata)
    if isinstance(default, tuple | list | dict):
        factory = type(default)
        return attrs.field(factory=factory, metadata=metadata)
    return attrs.field(default=default, metadata=metadata)
