"""End-to-end CLI: validate, score, rules, exit codes, output safety."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from casefile_eval.cli import main
from casefile_eval.schema import result_schema

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_cases"
CLEAN = SAMPLES / "pen-scjg-001-clean.json"
AS_OF = ["--as-of", "2026-01-01"]


def test_validate_samples_all_valid(capsys):
    assert main(["validate", str(SAMPLES)]) == 0
    out = capsys.readouterr()
    assert "✗" not in out.out and "0 个无效" in out.err


def test_validate_broken_folder_lists_every_problem(tmp_path, capsys):
    shutil.copy(CLEAN, tmp_path / "good.json")
    data = json.loads(CLEAN.read_text(encoding="utf-8"))
    data["case_id"] = "BAD-1"
    data["decision"]["date"] = "2025-13-01"
    data["parties"][0]["type"] = "company"
    (tmp_path / "bad.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "empty.json").write_text("", encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 3
    out = capsys.readouterr().out
    assert f"{tmp_path / 'bad.json'} /decision/date" in out
    assert f"{tmp_path / 'bad.json'} /parties/0/type" in out
    assert f"{tmp_path / 'empty.json'}: 文件为空" in out
    assert "✓" in out


def test_console_script_runs():
    exe = Path(sys.executable).with_name("casefile-eval")
    result = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("casefile-eval ")


def test_score_table_and_summary(capsys):
    code = main(["score", str(CLEAN), *AS_OF])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "PEN-SCJG-2025-001" in out.out and "杭州市西湖区市场监督管理局" in out.out
    assert "共 1 个案卷" in out.err


def test_score_jsonl_matches_result_schema_and_is_deterministic(tmp_path):
    outputs = []
    for name in ("a.jsonl", "b.jsonl"):
        out = tmp_path / name
        assert main(["score", str(SAMPLES), "--format", "jsonl", "-o", str(out), *AS_OF]) in (0, 4)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    validator = jsonschema.Draft202012Validator(result_schema())
    lines = outputs[0].decode().splitlines()
    assert len(lines) == len(list(SAMPLES.glob("*.json")))
    for line in lines:
        validator.validate(json.loads(line))


def test_score_json_has_summary(tmp_path):
    out = tmp_path / "r.json"
    main(["score", str(CLEAN), "--format", "json", "-o", str(out), *AS_OF])
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["summary"]["valid"] == 1 and len(data["results"]) == 1
    assert data["results"][0]["produced_by"]["as_of"] == "2026-01-01"


def test_output_not_overwritten_without_force(tmp_path, capsys):
    out = tmp_path / "r.jsonl"
    out.write_text("keep me", encoding="utf-8")
    assert main(["score", str(CLEAN), "--format", "jsonl", "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "keep me"
    assert "已存在" in capsys.readouterr().err
    assert main(["score", str(CLEAN), "--format", "jsonl", "-o", str(out), "--force", *AS_OF]) == 0
    assert out.read_text(encoding="utf-8").startswith("{")
    assert not list(tmp_path.glob(".*.part"))


def test_invalid_input_exit_code_and_batch_continues(tmp_path, capsys):
    shutil.copy(CLEAN, tmp_path / "good.json")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    assert main(["score", str(tmp_path), *AS_OF]) == 3
    captured = capsys.readouterr()
    assert "PEN-SCJG-2025-001" in captured.out and "bad.json" in captured.err


def test_fail_under(tmp_path):
    data = json.loads(CLEAN.read_text(encoding="utf-8"))
    del data["prior_notice"]
    (tmp_path / "no-notice.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["score", str(tmp_path), "--fail-under", "合格", *AS_OF]) == 1
    assert main(["score", str(tmp_path), "--fail-under", "及格", *AS_OF]) == 2


def test_bad_standard_is_a_usage_error(tmp_path, capsys):
    std = tmp_path / "s.toml"
    std.write_text('[standard]\nid = "BAD ID"\n', encoding="utf-8")
    assert main(["score", str(CLEAN), "--standard", str(std)]) == 2
    assert "standard.id" in capsys.readouterr().err


def test_rules_listing_and_show(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "法律依据" in out and "共" in out
    assert main(["rules", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(r["legal_basis"] for r in rows)
    first = rows[0]["id"]
    assert main(["rules", "show", first]) == 0
    assert first in capsys.readouterr().out
    assert main(["rules", "show", "NOPE-NOPE-1"]) == 2


@pytest.mark.parametrize("fmt", ["csv"])
def test_csv_neutralises_formulas(tmp_path, fmt):
    data = json.loads(CLEAN.read_text(encoding="utf-8"))
    data["title"] = '=HYPERLINK("http://x")'
    path = tmp_path / "f.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "o.csv"
    main(["score", str(path), "--format", fmt, "-o", str(out), *AS_OF])
    assert "'=HYPERLINK" in out.read_text(encoding="utf-8")


def test_csv_totals_match_the_json_results(tmp_path):
    import csv

    main(["score", str(SAMPLES), "--format", "csv", "-o", str(tmp_path / "o.csv"), *AS_OF])
    main(["score", str(SAMPLES), "--format", "jsonl", "-o", str(tmp_path / "o.jsonl"), *AS_OF])
    with (tmp_path / "o.csv").open(encoding="utf-8-sig") as f:
        rows = {row["案卷编号"]: row["得分"] for row in csv.DictReader(f)}
    results = [json.loads(line) for line in (tmp_path / "o.jsonl").read_text("utf-8").splitlines()]
    assert rows == {r["case_id"]: str(r["score"]["total"]) for r in results}
