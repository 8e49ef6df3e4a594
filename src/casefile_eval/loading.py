"""Read case files from files, folders, globs, JSONL and stdin; validate; build the model.

Loading is split in two so that a parallel batch can ship cheap work to its workers:

* :func:`iter_records` walks the sources in order and yields :class:`RawRecord` (the bytes of
  one case with where they came from) or a :class:`LoadFailure` for a source that cannot be
  read at all. It runs in the main process and never parses JSON.
* :func:`load_record` decodes, parses, validates and builds one record. It never raises for
  bad input: every problem becomes a :class:`LoadError` inside a :class:`LoadFailure`, with the
  file, the line (JSONL), the JSON pointer, what is wrong and what was expected.

:func:`load` composes both and reports duplicate case ids.
"""

from __future__ import annotations

import bisect
import glob
import hashlib
import os
import re
import sys
from array import array
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

import attrs
import orjson

from .model import CaseFile, from_dict
from .schema import casefile_schema
from .schema.errors import TYPE_ZH, describe_error

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: ``extensions`` is the only free-form part of a case file; deeper nesting than this there is
#: refused (the rest of the file has a fixed, shallow shape enforced by the schema).
MAX_EXTENSION_DEPTH = 32
_BOM = b"\xef\xbb\xbf"
_CASE_SUFFIXES = (".json", ".jsonl", ".ndjson")
_JSONL_BUFFER = 1 << 20


@attrs.frozen(slots=True)
class LoadError:
    """One problem with one input: where, which field, what is wrong, what was expected."""

    source: str
    message: str
    pointer: str = ""
    line: int | None = None
    expected: str | None = None

    def describe(self) -> str:
        """One line a reviewer can act on: ``file:line /pointer: message（应为：…）``."""
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        field = f" {self.pointer}" if self.pointer else ""
        tail = f"（应为：{self.expected}）" if self.expected else ""
        return f"{where}{field}: {self.message}{tail}"


@attrs.frozen(slots=True)
class LoadFailure:
    """An input that could not be loaded, with all of its problems at once."""

    source: str
    errors: tuple[LoadError, ...]
    line: int | None = None
    case_id: str | None = None

    ok = False


@attrs.frozen(slots=True)
class LoadedCase:
    """A case that loaded: the model object and where it came from."""

    source: str
    case: CaseFile
    line: int | None = None

    ok = True


@attrs.frozen(slots=True)
class RawRecord:
    """The undecoded bytes of one case and their origin."""

    source: str
    data: bytes
    line: int | None = None


LoadResult = LoadedCase | LoadFailure


def _failure(source: str, message: str, *, line: int | None = None, **kw: Any) -> LoadFailure:
    return LoadFailure(source, (LoadError(source, message, line=line, **kw),), line=line)


# --------------------------------------------------------------------------- sources


def expand_sources(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str | LoadFailure]:
    """Yield file paths (``-`` for stdin) in a stable order, or a failure for a missing path."""
    for raw in paths:
        path = os.fspath(raw)
        if path == "-":
            yield path
        elif os.path.isdir(path):
            found = sorted(
                str(p) for p in Path(path).rglob("*") if p.suffix in _CASE_SUFFIXES and p.is_file()
            )
            if not found:
                yield _failure(path, "文件夹中没有案卷文件（.json / .jsonl）")
            yield from found
        elif os.path.isfile(path):
            yield path
        elif glob.has_magic(path):
            matches = sorted(p for p in glob.glob(path, recursive=True) if os.path.isfile(p))
            if not matches:
                yield _failure(path, "通配符没有匹配到任何文件")
            yield from matches
        else:
            yield _failure(path, "文件或文件夹不存在")


def iter_records(
    paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawRecord | LoadFailure]:
    """Yield the raw record of every case in ``paths``, in order, without parsing."""
    for item in expand_sources(paths):
        if isinstance(item, LoadFailure):
            yield item
            continue
        if item == "-":
            yield from _records_from_stream("<stdin>", sys.stdin.buffer, max_bytes, jsonl=None)
            continue
        try:
            if item.endswith((".jsonl", ".ndjson")):
                # Lines are longer than the default buffer; a larger one reads each in one go.
                with open(item, "rb", buffering=_JSONL_BUFFER) as fh:
                    yield from _records_from_stream(item, fh, max_bytes, jsonl=True)
                continue
            size = os.path.getsize(item)
            if size > max_bytes:
                yield _failure(
                    item,
                    f"文件过大（{size} 字节），超过上限 {max_bytes} 字节，未读取",
                    expected="单个案卷文件不超过上限；可用 --max-bytes 调整",
                )
                continue
            with open(item, "rb") as fh:
                yield RawRecord(item, fh.read())
        except OSError as exc:
            yield _failure(item, f"无法读取文件：{exc.strerror or exc}")


def _records_from_stream(
    source: str, stream: BinaryIO, max_bytes: int, *, jsonl: bool | None
) -> Iterator[RawRecord | LoadFailure]:
    if jsonl is None:
        # stdin holds one JSON document or JSONL; a whole-document parse decides which.
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            yield _failure(source, f"输入超过上限 {max_bytes} 字节，未读取")
            return
        lines = [(n, ln) for n, ln in enumerate(data.splitlines(), 1) if ln.strip()]
        if len(lines) > 1 and not _parses(data):
            for number, line in lines:
                yield RawRecord(source, line, number)
        else:
            yield RawRecord(source, data)
        return
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while chunk := stream.readline(1 << 20):  # skip the rest of the oversize line
                if chunk.endswith(b"\n"):
                    break
            yield _failure(source, f"该行超过上限 {max_bytes} 字节，未读取", line=number)
            continue
        if line.strip():
            yield RawRecord(source, line, number)


def _parses(data: bytes) -> bool:
    try:
        orjson.loads(data.removeprefix(_BOM))
    except orjson.JSONDecodeError:
        return False
    return True


# --------------------------------------------------------------------------- decoding


def _decode(record: RawRecord) -> Any | LoadFailure:
    data = record.data
    if data.startswith(_BOM):
        data = data[3:]
    if not data.strip():
        what = "该行为空" if record.line else "文件为空"
        return _failure(record.source, what, line=record.line, expected="一个JSON对象（一个案卷）")
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        first_error = exc
    # orjson only reads UTF-8; offices export GB18030 too.
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            return _failure(
                record.source,
                "无法识别文件编码",
                line=record.line,
                expected="UTF-8、带BOM的UTF-8或GB18030编码",
            )
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError as exc:
            first_error = exc
    return _json_failure(record, first_error)


def _json_failure(record: RawRecord, exc: orjson.JSONDecodeError) -> LoadFailure:
    detail = str(exc)
    if "recursion" in detail.lower() or "depth" in detail.lower():
        return _failure(
            record.source, "JSON嵌套层级过深，拒绝读取", line=record.line, expected="正常的案卷结构"
        )
    where = f"第{exc.lineno}行第{exc.colno}列" if record.line is None else f"第{exc.colno}列"
    return _failure(
        record.source,
        f"不是有效的JSON：{where}附近出错（{exc.msg}）",
        line=record.line,
        expected="JSON格式的案卷",
    )


# --------------------------------------------------------------------------- validation


@cache
def _validators() -> tuple[Any, Any]:
    import jsonschema
    import jsonschema_rs

    schema = casefile_schema()
    fast = jsonschema_rs.validator_for(schema, validate_formats=True)
    # The reference validator reads "pattern" as JSON Schema says (ECMA-262, like the fast
    # one), not as Python's re would: "$" only at the very end ("D01\n" does not match
    # ^...$) and \d only ASCII digits ("３３０１０６" is not a region code). Otherwise it
    # would accept what the fast validator rejects and the file would be reported invalid
    # without saying why.
    base = jsonschema.Draft202012Validator
    reference = jsonschema.validators.extend(base, {"pattern": _ecma_pattern})
    detailed = reference(schema, format_checker=base.FORMAT_CHECKER)
    return fast, detailed


def _ecma_pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[Any]:
    from jsonschema.exceptions import ValidationError

    if validator.is_type(instance, "string") and not _ecma_regex(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def _ecma_regex(pattern: str) -> re.Pattern[str]:
    out = []
    in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            char = r"\Z"  # end of the string, never before a final newline
        out.append(char)
        i += 1
    return re.compile("".join(out), re.ASCII)


def _schema_errors(record: RawRecord, data: Any) -> list[LoadError]:
    fast, detailed = _validators()
    if fast.is_valid(data):
        return []
    errors = []
    seen = set()
    for err in sorted(detailed.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        for pointer, message, expected in describe_error(err):
            if (pointer, message) in seen:
                continue
            seen.add((pointer, message))
            errors.append(LoadError(record.source, message, pointer, record.line, expected))
    if not errors:  # the two validators disagree: never let a file through unchecked
        errors.append(LoadError(record.source, "未通过格式校验", "", record.line))
    return errors


# --------------------------------------------------------------------------- references

# (list section, field holding ids, target section) — references a rule may follow.
_LIST_REFS: tuple[tuple[str, str, str], ...] = (
    ("documents", "officers", "officers"),
    ("documents", "party", "parties"),
    ("evidence", "collectors", "officers"),
    ("evidence", "document", "documents"),
    ("evidence", "proves", "facts"),
    ("services", "document", "documents"),
    ("services", "receipt_document", "documents"),
    ("recordings", "document", "documents"),
    ("recordings", "measure", "compulsory_measures"),
    ("compulsory_measures", "officers", "officers"),
    ("compulsory_measures", "decision_document", "documents"),
    ("compulsory_measures", "inventory_document", "documents"),
    ("compulsory_measures", "on_site_record", "documents"),
    ("compulsory_measures", "handling_document", "documents"),
    ("verifications", "staff", "officers"),
    ("verifications", "document", "documents"),
    ("corrections", "document", "documents"),
    ("excluded_periods", "document", "documents"),
    ("period_extensions", "document", "documents"),
    ("recusals", "officer", "officers"),
    ("recusals", "decided_by", "officers"),
    ("recusals", "document", "documents"),
)
# (object section, field, target section)
_OBJECT_REFS: tuple[tuple[str, str, str], ...] = (
    ("filing", "document", "documents"),
    ("filing", "assigned_officers", "officers"),
    ("prior_notice", "document", "documents"),
    ("reply", "reexamination_document", "documents"),
    ("legal_review", "reviewer", "officers"),
    ("legal_review", "reviewers", "officers"),
    ("legal_review", "document", "documents"),
    ("collective_discussion", "attendees", "officers"),
    ("collective_discussion", "presided_by", "officers"),
    ("collective_discussion", "document", "documents"),
    ("hearing", "presiding_officer", "officers"),
    ("hearing", "record", "documents"),
    ("hearing", "notice_document", "documents"),
    ("hearing", "report", "documents"),
    ("decision", "document", "documents"),
    ("decision", "decided_by", "officers"),
    ("application", "applicant", "parties"),
    ("application", "document", "documents"),
    ("application", "material_receipt", "documents"),
    ("acceptance", "document", "documents"),
    ("lower_review", "document", "documents"),
    ("interested_parties", "document", "documents"),
    ("issuance", "document", "documents"),
)
_ID_SECTIONS = (
    "parties",
    "officers",
    "documents",
    "evidence",
    "facts",
    "recordings",
    "compulsory_measures",
)


def _group(refs: tuple[tuple[str, str, str], ...]) -> tuple[tuple[str, tuple[Any, ...]], ...]:
    grouped: dict[str, list[tuple[str, str]]] = {}
    for section, field, target in refs:
        grouped.setdefault(section, []).append((field, target))
    return tuple((section, tuple(fields)) for section, fields in grouped.items())


_LIST_REFS_BY_SECTION = _group(_LIST_REFS)
_OBJECT_REFS_BY_SECTION = _group(_OBJECT_REFS)


def _references_ok(data: dict[str, Any]) -> bool:
    """Whether every id is unique and every reference resolves (the common case, fast).

    Each section is walked once and nothing is built for a reference that resolves; only a
    file that fails here pays for :func:`_reference_errors`, which says exactly what is wrong.
    """
    ids: dict[str, set[str]] = {}
    for section in _ID_SECTIONS:
        items = data.get(section) or ()
        seen = {item["id"] for item in items}
        if len(seen) != len(items):
            return False
        ids[section] = seen
    for section, fields in _LIST_REFS_BY_SECTION:
        for item in data.get(section) or ():
            for field, target in fields:
                value = item.get(field)
                if value is None:
                    continue
                if type(value) is list:
                    if not ids[target].issuperset(value):
                        return False
                elif value not in ids[target]:
                    return False
    for section, fields in _OBJECT_REFS_BY_SECTION:
        obj = data.get(section)
        if not obj:
            continue
        for field, target in fields:
            value = obj.get(field)
            if value is None:
                continue
            if type(value) is list:
                if not ids[target].issuperset(value):
                    return False
            elif value not in ids[target]:
                return False
    return True


def _reference_errors(record: RawRecord, data: dict[str, Any]) -> list[LoadError]:
    if _references_ok(data):
        return []
    ids: dict[str, set[str]] = {}
    errors: list[LoadError] = []
    for section in _ID_SECTIONS:
        seen: set[str] = set()
        for i, item in enumerate(data.get(section) or ()):
            item_id = item["id"]
            if item_id in seen:
                errors.append(
                    LoadError(
                        record.source,
                        f"编号“{item_id}”重复",
                        f"/{section}/{i}/id",
                        record.line,
                        "同一列表内编号唯一",
                    )
                )
            seen.add(item_id)
        ids[section] = seen

    def check(value: Any, pointer: str, target: str) -> None:
        values = value if isinstance(value, list) else [value]
        for j, ref in enumerate(values):
            if ref is not None and ref not in ids[target]:
                where = f"{pointer}/{j}" if isinstance(value, list) else pointer
                errors.append(
                    LoadError(
                        record.source,
                        f"引用的编号“{ref}”不存在",
                        where,
                        record.line,
                        f"{target} 中已有的编号",
                    )
                )

    for section, field, target in _LIST_REFS:
        for i, item in enumerate(data.get(section) or ()):
            if field in item:
                check(item[field], f"/{section}/{i}/{field}", target)
    for section, field, target in _OBJECT_REFS:
        obj = data.get(section)
        if obj and field in obj:
            check(obj[field], f"/{section}/{field}", target)
    return errors


def _depth_exceeds(value: Any, limit: int) -> bool:
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)
    return False


# --------------------------------------------------------------------------- public


def parse_record(record: RawRecord) -> dict[str, Any] | LoadFailure:
    """Decode and parse one record to a dict (no schema validation)."""
    data = _decode(record)
    if isinstance(data, LoadFailure):
        return data
    if isinstance(data, list):
        return _failure(
            record.source,
            "应为一个JSON对象（一个案卷），实际为数组",
            line=record.line,
            expected="每个文件一个案卷；多个案卷请用JSONL格式，每行一个",
        )
    if not isinstance(data, dict):
        return _failure(
            record.source,
            f"应为一个JSON对象（一个案卷），实际为{TYPE_ZH.get(_json_type(data), '其他值')}",
            line=record.line,
            expected="JSON对象",
        )
    return data


def _json_type(value: Any) -> str:
    return {str: "string", bool: "boolean", int: "integer", float: "number"}.get(
        type(value), "null"
    )


def validate_record(record: RawRecord) -> dict[str, Any] | LoadFailure:
    """Parse and validate one record; return the valid dict or every problem found."""
    data = parse_record(record)
    if isinstance(data, LoadFailure):
        return data
    case_id = data.get("case_id") if isinstance(data.get("case_id"), str) else None
    errors = _schema_errors(record, data)
    if not errors:
        errors = _reference_errors(record, data)
        extensions = data.get("extensions")
        if extensions and _depth_exceeds(extensions, MAX_EXTENSION_DEPTH):
            errors.append(
                LoadError(
                    record.source,
                    f"嵌套层级超过 {MAX_EXTENSION_DEPTH} 层",
                    "/extensions",
                    record.line,
                    "结构较浅的扩展数据",
                )
            )
    if errors:
        return LoadFailure(record.source, tuple(errors), record.line, case_id)
    return data


def load_record(record: RawRecord) -> LoadResult:
    """Decode, parse, validate and build one case. Never raises for bad input."""
    data = validate_record(record)
    if isinstance(data, LoadFailure):
        return data
    try:
        case = from_dict(data)
    except Exception as exc:  # a value the schema let through but the model cannot hold
        return LoadFailure(
            record.source,
            (LoadError(record.source, f"无法构建案卷对象：{exc}", "", record.line),),
            record.line,
            data.get("case_id"),
        )
    return LoadedCase(record.source, case, record.line)


def load_dict(data: dict[str, Any], source: str = "<dict>") -> LoadResult:
    """Validate and build a case from an in-memory dict (for systems importing the library)."""
    return load_record(RawRecord(source, orjson.dumps(data)))


class _SeenIds:
    """The case ids seen so far, each with where it was first seen, in ~24 bytes per id (plus
    a fixed 4 MiB filter).

    A batch of a million files must not hold a million Python strings to find the few reused
    ids: each id is kept as a 128-bit digest (two 64-bit halves; a false match would take about
    2**64 ids) with a 64-bit location, in sorted arrays. Recent ids sit in a small dict; when it
    fills up it becomes a sorted run, and runs of equal size are merged up to MAX_MERGED. A
    bitmap of the highs seen answers "certainly new" for almost every new id, so the runs are
    searched only for ids that may have been seen: ~3 % of new ids at a million, ~14 % at five
    million, where a search bisects ~40 runs. Sized for a province's year in one batch; a
    batch of tens of millions still works, more slowly.
    """

    RUN = 1 << 14
    #: Runs are merged up to this size only: a merge holds its runs as Python tuples for a
    #: moment (~20 MB at this size), and the filter below makes extra runs cheap.
    MAX_MERGED = 1 << 17
    #: log2 of the bits in the filter of highs seen (4 MiB): with a million ids, 97 % of new
    #: ids are known to be new without searching the runs.
    FILTER_BITS = 25

    def __init__(self) -> None:
        self._recent: dict[tuple[int, int], int] = {}
        self._runs: list[tuple[array[int], array[int], array[int]]] = []
        self._filter = bytearray(1 << (self.FILTER_BITS - 3))
        self._shift = 64 - self.FILTER_BITS

    @staticmethod
    def key(case_id: str) -> tuple[int, int]:
        digest = hashlib.blake2b(case_id.encode(), digest_size=16).digest()
        return int.from_bytes(digest[:8], "little"), int.from_bytes(digest[8:], "little")

    def setdefault(self, case_id: str, where: int) -> int:
        """Where ``case_id`` was first seen; record ``where`` if it was not seen before."""
        key = self.key(case_id)
        found = self._recent.get(key)
        if found is not None:
            return found
        high, low = key
        bit = high >> self._shift
        byte, mask = bit >> 3, 1 << (bit & 7)
        if self._filter[byte] & mask:  # perhaps seen: search the runs
            for highs, lows, values in self._runs:
                i = bisect.bisect_left(highs, high)
                while i < len(highs) and highs[i] == high:
                    if lows[i] == low:
                        return values[i]
                    i += 1
        else:
            self._filter[byte] |= mask
        self._recent[key] = where
        if len(self._recent) >= self.RUN:
            self._flush()
        return where

    def _flush(self) -> None:
        run = _as_run(sorted((high, low, where) for (high, low), where in self._recent.items()))
        self._recent = {}
        while (
            self._runs
            and len(self._runs[-1][0]) <= len(run[0])
            and len(self._runs[-1][0]) + len(run[0]) <= self.MAX_MERGED
        ):
            run = _merge_runs(self._runs.pop(), run)
        self._runs.append(run)


def _as_run(ordered: list[tuple[int, int, int]]) -> tuple[array[int], array[int], array[int]]:
    if not ordered:
        return array("Q"), array("Q"), array("Q")
    highs, lows, values = zip(*ordered, strict=True)
    return array("Q", highs), array("Q", lows), array("Q", values)


def _merge_runs(
    a: tuple[array[int], array[int], array[int]], b: tuple[array[int], array[int], array[int]]
) -> tuple[array[int], array[int], array[int]]:
    # sorted() finds the two ascending runs and merges them in C: several times faster than a
    # merge loop written in Python, which made the index cost grow with the batch.
    return _as_run(sorted(zip(a[0] + b[0], a[1] + b[1], a[2] + b[2], strict=True)))


class DuplicateTracker:
    """Report the second and later files that reuse a case id already seen in the batch.

    Memory grows by about 24 bytes per case (plus each distinct source name once), so a
    batch of millions of files can be checked in one process.
    """

    def __init__(self) -> None:
        self._seen = _SeenIds()
        self._source_index: dict[str, int] = {}
        self._sources: list[str] = []

    def check(self, result: LoadResult) -> LoadResult:
        """``result``, or a failure naming the first file if its case id was seen before."""
        if not isinstance(result, LoadedCase):
            return result
        duplicate = self.check_id(result.case.case_id, result.source, result.line)
        return result if duplicate is None else duplicate

    def check_id(self, case_id: str, source: str, line: int | None) -> LoadFailure | None:
        """The failure to report if ``case_id`` was seen before at another place, else None."""
        index = self._source_index.get(source)
        if index is None:
            index = self._source_index[source] = len(self._sources)
            self._sources.append(source)
        where = (index << 36) | (line or 0)
        first = self._seen.setdefault(case_id, where)
        if first == where:
            return None
        first_source = self._sources[first >> 36]
        first_line = first & 0xFFFFFFFFF
        return duplicate_failure(case_id, source, line, where_of(first_source, first_line or None))


def where_of(source: str, line: int | None) -> str:
    """How a record's place is written: the file, and the line for JSONL (``a.jsonl:3``)."""
    return source if line is None else f"{source}:{line}"


def duplicate_failure(case_id: str, source: str, line: int | None, first: str) -> LoadFailure:
    """The failure reported for a file whose case id was first seen at ``first``."""
    return LoadFailure(
        source,
        (
            LoadError(
                source,
                f"案卷编号“{case_id}”与 {first} 重复，本案卷未评查",
                "/case_id",
                line,
                "同一批次内案卷编号唯一",
            ),
        ),
        line,
        case_id,
    )


def load(
    paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[LoadResult]:
    """Load every case in ``paths`` in order; failures are yielded, never raised."""
    tracker = DuplicateTracker()
    for record in iter_records(paths, max_bytes=max_bytes):
        if isinstance(record, LoadFailure):
            yield record
        else:
            yield tracker.check(load_record(record))
