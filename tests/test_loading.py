"""The loader: every error path has its message; encodings; JSONL; stdin; limits; duplicates."""

from __future__ import annotations

import io
import json
import sys

import orjson
import pytest

from casefile_eval.loading import (
    LoadedCase,
    LoadFailure,
    RawRecord,
    iter_records,
    load,
    load_dict,
    load_record,
)


def only_failure(results) -> LoadFailure:
    results = list(results)
    assert len(results) == 1
    assert isinstance(results[0], LoadFailure), results[0]
    return results[0]


def messages(failure: LoadFailure) -> list[str]:
    return [e.describe() for e in failure.errors]


def test_clean_file_loads(write_json, clean_penalty_dict):
    path = write_json("a.json", clean_penalty_dict)
    (result,) = load([path])
    assert isinstance(result, LoadedCase)
    assert result.case.case_id == "PEN-SCJG-2025-001"
    assert result.case.decision.penalties[2].amount == 50000


def test_utf8_bom_and_gb18030(write_json, clean_penalty_dict):
    bom = write_json(
        "bom.json", b"\xef\xbb\xbf" + json.dumps(clean_penalty_dict, ensure_ascii=False).encode()
    )
    gb = write_json("gb.json", dict(clean_penalty_dict, case_id="GB-1"), encoding="gb18030")
    raw = gb.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # really GB18030, not accidentally UTF-8
    results = list(load([bom, gb]))
    assert [r.ok for r in results] == [True, True]
    assert results[1].case.agency.name == "杭州市西湖区市场监督管理局"


def test_undecodable_file(write_json):
    failure = only_failure(load([write_json("x.json", b'{"a": "\xff\xfe\x81"}')]))
    assert "无法识别文件编码" in messages(failure)[0]


def test_empty_file(write_json):
    failure = only_failure(load([write_json("e.json", b"  \n")]))
    assert messages(failure) == [f"{failure.source}: 文件为空（应为：一个JSON对象（一个案卷））"]


def test_array_instead_of_object(write_json, clean_penalty_dict):
    failure = only_failure(load([write_json("arr.json", [clean_penalty_dict])]))
    assert "实际为数组" in messages(failure)[0]
    assert "JSONL" in failure.errors[0].expected


def test_scalar_instead_of_object(write_json):
    failure = only_failure(load([write_json("s.json", b'"hello"')]))
    assert "实际为字符串" in messages(failure)[0]


def test_not_json(write_json):
    failure = only_failure(load([write_json("n.json", b"case: 1\n")]))
    assert "不是有效的JSON" in messages(failure)[0]
    assert "第1行第1列" in messages(failure)[0]


def test_truncated_json_reports_position(write_json):
    failure = only_failure(load([write_json("t.json", b'{"case_id": "X",\n "kind": ')]))
    assert "第2行" in messages(failure)[0]


def test_all_schema_errors_at_once_with_pointers(write_json, clean_penalty_dict):
    d = clean_penalty_dict
    d["agency"]["credit_code"] = "123"
    d["parties"][0]["type"] = "company"
    d["decision"]["penalties"][2]["amount"] = -5
    d["officers"][0]["certificate_valid_until"] = "2027-02-30"
    d["unknown_field"] = 1
    del d["kind"]
    failure = only_failure(load([write_json("bad.json", d)]))
    by_pointer = {e.pointer: e for e in failure.errors}
    assert set(by_pointer) == {
        "/agency/credit_code",
        "/parties/0/type",
        "/decision/penalties/2/amount",
        "/officers/0/certificate_valid_until",
        "/unknown_field",
        "/kind",
    }
    assert by_pointer["/kind"].message == "缺少必填字段"
    assert by_pointer["/kind"].expected == "案件类别"
    assert by_pointer["/agency/credit_code"].expected == "18位统一社会信用代码"
    assert "company" in by_pointer["/parties/0/type"].message
    assert "legal_person" in by_pointer["/parties/0/type"].expected
    assert by_pointer["/decision/penalties/2/amount"].expected == "不小于 0"
    assert "无效" in by_pointer["/officers/0/certificate_valid_until"].message
    assert by_pointer["/unknown_field"].message == "未知字段“unknown_field”"
    assert failure.case_id == "PEN-SCJG-2025-001"


def test_kind_specific_enums(write_json, clean_penalty_dict):
    clean_penalty_dict["decision"]["outcome"] = "grant"
    failure = only_failure(load([write_json("k.json", clean_penalty_dict)]))
    assert [e.pointer for e in failure.errors] == ["/decision/outcome"]


def test_dangling_and_duplicate_references(write_json, clean_penalty_dict):
    d = clean_penalty_dict
    d["documents"][1]["officers"] = ["O1", "O9"]
    d["evidence"][1]["proves"] = ["F7"]
    d["legal_review"]["reviewer"] = "O99"
    d["officers"].append(dict(d["officers"][0]))
    failure = only_failure(load([write_json("r.json", d)]))
    got = {(e.pointer, e.message) for e in failure.errors}
    assert ("/documents/1/officers/1", "引用的编号“O9”不存在") in got
    assert ("/evidence/1/proves/0", "引用的编号“F7”不存在") in got
    assert ("/legal_review/reviewer", "引用的编号“O99”不存在") in got
    assert ("/officers/6/id", "编号“O1”重复") in got


def test_size_limit_refuses_without_reading(write_json, clean_penalty_dict):
    path = write_json("big.json", clean_penalty_dict)
    failure = only_failure(load([path], max_bytes=100))
    assert "文件过大" in messages(failure)[0]


def test_deep_nesting_refused(write_json, clean_penalty_dict):
    deep = "x"
    for _ in range(40):
        deep = {"d": deep}
    clean_penalty_dict["extensions"] = {"plugin": deep}
    failure = only_failure(load([write_json("deep.json", clean_penalty_dict)]))
    assert failure.errors[0].pointer == "/extensions"
    too_deep = b"[" * 5000 + b"]" * 5000
    failure = only_failure(load([write_json("deeper.json", too_deep)]))
    assert "嵌套层级过深" in messages(failure)[0]


def test_jsonl_lines_are_separate_cases(tmp_path, clean_penalty_dict):
    second = dict(clean_penalty_dict, case_id="PEN-2")
    lines = [
        json.dumps(clean_penalty_dict, ensure_ascii=False),
        "",
        "{not json",
        json.dumps(second, ensure_ascii=False),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(load([path]))
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].line == 3
    assert results[1].errors[0].describe().startswith(f"{path}:3")
    assert results[2].case.case_id == "PEN-2"


def test_jsonl_oversize_line_skipped(tmp_path, clean_penalty_dict):
    path = tmp_path / "b.jsonl"
    text = json.dumps(clean_penalty_dict, ensure_ascii=False)
    path.write_text("x" * (len(text.encode()) + 100) + "\n" + text + "\n", encoding="utf-8")
    results = list(load([path], max_bytes=len(text.encode()) + 10))
    assert not results[0].ok and "该行超过上限" in results[0].errors[0].message
    assert results[1].ok


def test_duplicate_case_ids_reported(write_json, clean_penalty_dict):
    a = write_json("a.json", clean_penalty_dict)
    b = write_json("b.json", clean_penalty_dict)
    first, second = load([a, b])
    assert first.ok
    assert not second.ok
    assert "重复" in second.errors[0].message and str(a) in second.errors[0].message


def test_folders_globs_and_missing_paths(tmp_path, write_json, clean_penalty_dict):
    sub = tmp_path / "nested" / "deeper"
    sub.mkdir(parents=True)
    (sub / "c.json").write_text(
        json.dumps(clean_penalty_dict, ensure_ascii=False), encoding="utf-8"
    )
    (tmp_path / "notes.txt").write_text("not a case")
    assert [r.ok for r in load([tmp_path])] == [True]
    assert [r.ok for r in load([str(tmp_path / "**" / "*.json")])] == [True]
    failure = only_failure(load([tmp_path / "nope.json"]))
    assert "不存在" in failure.errors[0].message
    failure = only_failure(load([str(tmp_path / "*.xml")]))
    assert "没有匹配" in failure.errors[0].message
    (tmp_path / "empty").mkdir()
    assert "没有案卷文件" in only_failure(load([tmp_path / "empty"])).errors[0].message


def test_stdin_single_document_and_jsonl(monkeypatch, clean_penalty_dict):
    data = json.dumps(clean_penalty_dict, ensure_ascii=False, indent=2).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert [r.ok for r in load(["-"])] == [True]
    other = dict(clean_penalty_dict, case_id="PEN-3")
    jsonl = (json.dumps(clean_penalty_dict) + "\n" + json.dumps(other) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(jsonl)))
    results = list(load(["-"]))
    assert [r.ok for r in results] == [True, True]
    assert results[1].line == 2


def test_load_dict_and_records(clean_penalty_dict):
    assert load_dict(clean_penalty_dict).ok
    records = list(iter_records([]))
    assert records == []
    result = load_record(RawRecord("mem", orjson.dumps(clean_penalty_dict)))
    assert result.ok
