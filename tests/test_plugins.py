"""The plugin contract: discovery (entry points, --rubrics-dir, -p), isolation of a raising
check, clear errors for broken imports and id clashes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest

from casefile_eval.engine import Evaluator
from casefile_eval.plugins import AppliesTo, PluginError, PluginSet, hookimpl, rule
from casefile_eval.testing import make_case, outcome, run_rule

PLUGIN_SOURCE = '''
from casefile_eval.plugins import AppliesTo, hookimpl, rule

__version__ = "{version}"


@rule(
    id="{rule_id}",
    title="决定书须载明案号",
    category="documents",
    dimension="quality",
    basis=["《中华人民共和国行政处罚法》第五十九条"],
    deduction=1,
    recommendation="在决定书上载明案号。",
    applies_to=AppliesTo(kinds={{"penalty"}}),
)
def needs_case_number(case, ctx):
    """Fails when the file has no case number."""
    if case.case_number:
        return ctx.passed()
    return ctx.fail("案卷未载明案号", "/case_number")


@hookimpl
def casefile_eval_rules():
    return [needs_case_number]
'''


def _module(name: str, *rules):
    return types.SimpleNamespace(casefile_eval_rules=hookimpl(lambda: list(rules)), __name__=name)


def _rule(rule_id: str, check, **kw):
    return rule(
        id=rule_id,
        title="测试规则",
        category=kw.pop("category", "procedure"),
        dimension=kw.pop("dimension", "quality"),
        basis=["《中华人民共和国行政处罚法》第六十条"],
        deduction=kw.pop("deduction", 2),
        recommendation="按规定办理。",
        **kw,
    )(check)


def test_raising_check_becomes_error_finding_and_batch_goes_on():
    def boom(case, ctx):
        raise ZeroDivisionError("bad arithmetic")

    def fine(case, ctx):
        return ctx.fail("示例问题", "/decision/date")

    plugins = PluginSet.load(
        entry_points=False,
        objects={"demo": _module("demo", _rule("XX-DEMO-001", boom), _rule("XX-DEMO-002", fine))},
    )
    evaluator = Evaluator(plugins=plugins)
    results = [evaluator.evaluate(make_case("penalty")) for _ in range(2)]
    for result in results:
        error = result.findings_for("XX-DEMO-001")[0]
        assert error.outcome == "error"
        assert "ZeroDivisionError: bad arithmetic" in error.message
        assert result.findings_for("XX-DEMO-002")[0].outcome == "fail"
        assert result.score.errors == ("XX-DEMO-001",)
        assert not result.score.complete
        # an error never scores as a pass, and never deducts either
        item = next(i for i in result.score.items if i.rule_id == "XX-DEMO-001")
        assert item.outcome == "error" and item.deduction == 0


def test_check_returning_nothing_or_foreign_findings_is_an_error():
    def nothing(case, ctx):
        return None

    def foreign(case, ctx):
        from casefile_eval.plugins import Finding

        return Finding("SOMETHING-ELSE-1", "pass")

    assert outcome(run_rule(_rule("XX-DEMO-003", nothing), make_case())) == "error"
    assert outcome(run_rule(_rule("XX-DEMO-004", foreign), make_case())) == "error"


def test_rule_id_clash_names_both_plugins():
    a = _module("a", _rule("XX-DEMO-010", lambda c, x: x.passed()))
    b = _module("b", _rule("XX-DEMO-010", lambda c, x: x.passed()))
    with pytest.raises(PluginError, match=r"XX-DEMO-010.*'alpha'.*'beta'"):
        PluginSet.load(entry_points=False, objects={"alpha": a, "beta": b})


def test_invalid_rule_id_rejected():
    with pytest.raises(ValueError, match="must look like"):
        _rule("bad id", lambda c, x: x.passed())


def test_broken_local_plugin_import_names_file_and_exception(tmp_path):
    (tmp_path / "broken.py").write_text("import does_not_exist_anywhere\n", encoding="utf-8")
    with pytest.raises(PluginError) as info:
        PluginSet.load(entry_points=False, rubrics_dirs=[tmp_path])
    message = str(info.value)
    assert "broken" in message and str(tmp_path / "broken.py") in message
    assert "ModuleNotFoundError" in message and "does_not_exist_anywhere" in message


def test_broken_module_plugin_names_module():
    with pytest.raises(PluginError, match=r"no_such_plugin_module.*ModuleNotFoundError"):
        PluginSet.load(entry_points=False, modules=["no_such_plugin_module"])


def test_rubrics_dir_and_dash_p(tmp_path, monkeypatch):
    folder = tmp_path / "local"
    folder.mkdir()
    (folder / "numbers.py").write_text(
        PLUGIN_SOURCE.format(version="0.0.1", rule_id="LOC-DOC-001"), encoding="utf-8"
    )
    plugins = PluginSet.load(entry_points=False, rubrics_dirs=[folder])
    assert "LOC-DOC-001" in plugins.rules
    assert plugins.rules["LOC-DOC-001"].plugin == "numbers"
    assert [(p.name, p.version) for p in plugins.plugins] == [("numbers", "0.0.1")]

    pkg = tmp_path / "site"
    pkg.mkdir()
    (pkg / "dash_p_rubric.py").write_text(
        PLUGIN_SOURCE.format(version="1.2.3", rule_id="DSP-DOC-001"), encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(pkg))
    plugins = PluginSet.load(entry_points=False, modules=["dash_p_rubric"])
    case = make_case("penalty", {"case_number": None})
    result = Evaluator("default-penalty", plugins=plugins).evaluate(case)
    assert result.findings_for("DSP-DOC-001")[0].outcome == "fail"
    assert ("dash_p_rubric", "1.2.3") in result.produced_by.plugins


@pytest.mark.slow
def test_installed_package_discovered_by_entry_point(tmp_path, monkeypatch):
    src = tmp_path / "tiny_pkg"
    (src / "tiny_rubric").mkdir(parents=True)
    (src / "tiny_rubric" / "__init__.py").write_text(
        PLUGIN_SOURCE.format(version="0.3.0", rule_id="TINY-DOC-001"), encoding="utf-8"
    )
    (src / "pyproject.toml").write_text(
        textwrap.dedent(
            """
            [build-system]
            requires = ["setuptools>=61"]
            build-backend = "setuptools.build_meta"

            [project]
            name = "tiny-rubric"
            version = "0.3.0"

            [project.entry-points.casefile_eval]
            tiny = "tiny_rubric"
            """
        ),
        encoding="utf-8",
    )
    target = tmp_path / "target"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(src),
        ],
        check=True,
    )
    monkeypatch.syspath_prepend(str(target))
    plugins = PluginSet.load()
    assert "tiny" in [p.name for p in plugins.plugins]
    info = next(p for p in plugins.plugins if p.name == "tiny")
    assert info.version == "0.3.0" and "entry point casefile_eval:tiny" in info.origin
    result = Evaluator(plugins=plugins).evaluate(make_case("penalty", {"case_number": None}))
    assert result.findings_for("TINY-DOC-001")[0].outcome == "fail"
    with pytest.raises(PluginError, match="TINY-DOC-001"):
        PluginSet.load(objects={"copy": _module("copy", plugins.rules["TINY-DOC-001"])})


def test_applies_to_skips_rule_before_calling_check():
    calls = []

    def check(case, ctx):
        calls.append(case.case_id)
        return ctx.passed()

    only_licensing = _rule("XX-DEMO-020", check, applies_to=AppliesTo(kinds={"licensing"}))
    only_revocation = _rule(
        "XX-DEMO-021", check, applies_to=AppliesTo(penalty_types={"revoke_licence"})
    )
    plugins = PluginSet.load(
        entry_points=False, objects={"demo": _module("demo", only_licensing, only_revocation)}
    )
    result = Evaluator(plugins=plugins).evaluate(make_case("penalty"))
    assert calls == [] and result.rules_run == 0


def test_parameters_declared_and_overridden(tmp_path):
    from casefile_eval.plugins import Parameter
    from casefile_eval.standard import StandardError, load_standard, resolve

    def reads(case, ctx):
        limit = ctx.param("demo.limit")
        return ctx.fail(f"上限{limit}") if limit < 10 else ctx.passed()

    mod = types.SimpleNamespace(
        casefile_eval_rules=hookimpl(
            lambda: [_rule("XX-DEMO-030", reads, parameters=["demo.limit"])]
        ),
        casefile_eval_parameters=hookimpl(
            lambda: [Parameter("demo.limit", 20, {"type": "integer", "minimum": 0}, "演示参数")]
        ),
    )
    plugins = PluginSet.load(entry_points=False, objects={"demo": mod})
    base = load_standard("default-penalty")
    assert resolve(base, plugins).parameters["demo.limit"] == 20
    std = tmp_path / "s.toml"
    std.write_text(
        '[standard]\nextends = "default-penalty"\nid = "x"\n[parameters]\n"demo.limit" = 5\n',
        encoding="utf-8",
    )
    result = Evaluator(std, plugins=plugins).evaluate(make_case())
    assert result.findings_for("XX-DEMO-030")[0].message == "上限5"
    std.write_text(
        '[standard]\nextends = "default-penalty"\nid = "x"\n[parameters]\n"demo.limit" = -1\n',
        encoding="utf-8",
    )
    with pytest.raises(StandardError, match=r"parameters\.demo\.limit"):
        Evaluator(std, plugins=plugins)


def test_prepare_runs_once_per_batch_with_the_standards_parameters(tmp_path):
    from casefile_eval.plugins import Parameter

    prepared = []

    def prepare(ctx):
        prepared.append(ctx.param("demo.types"))
        return frozenset(ctx.param("demo.types"))

    def check(case, ctx):
        missing = ctx.prepared - {d.type for d in case.documents}
        return ctx.fail("缺少" + "、".join(sorted(missing))) if missing else ctx.passed()

    mod = types.SimpleNamespace(
        casefile_eval_rules=hookimpl(
            lambda: [_rule("XX-DEMO-040", check, parameters=["demo.types"], prepare=prepare)]
        ),
        casefile_eval_parameters=hookimpl(
            lambda: [Parameter("demo.types", ["penalty_decision"], {"type": "array"}, "演示参数")]
        ),
    )
    plugins = PluginSet.load(entry_points=False, objects={"demo": mod})
    std = tmp_path / "s.toml"
    std.write_text(
        '[standard]\nextends = "default-penalty"\nid = "x"\n'
        '[parameters]\n"demo.types" = ["penalty_decision", "no_such_type"]\n',
        encoding="utf-8",
    )
    evaluator = Evaluator(std, plugins=plugins)
    results = [evaluator.evaluate(make_case()) for _ in range(3)]
    assert prepared == [["penalty_decision", "no_such_type"]]  # once, not once per case
    assert {r.findings_for("XX-DEMO-040")[0].message for r in results} == {"缺少no_such_type"}
    assert outcome(run_rule(plugins.rules["XX-DEMO-040"], make_case(), plugins=plugins)) == "pass"


def test_raising_prepare_names_the_rule_and_plugin():
    def prepare(ctx):
        raise ValueError("bad table")

    plugins = PluginSet.load(
        entry_points=False,
        objects={
            "demo": _module("demo", _rule("XX-DEMO-041", lambda c, x: x.passed(), prepare=prepare))
        },
    )
    with pytest.raises(PluginError, match=r"XX-DEMO-041 \(plugin demo\).*bad table"):
        Evaluator(plugins=plugins)


def test_evolved_context_prepares_again():
    # A context copied with another law registry or parameters must not keep what was prepared
    # from the old ones.
    import attrs

    from casefile_eval.testing import context_for

    prepared_rule = _rule(
        "XX-DEMO-042", lambda c, x: x.passed(), prepare=lambda ctx: ctx.as_of.year
    )
    ctx = context_for(prepared_rule, plugins=PluginSet.load(entry_points=False, objects={}))
    assert ctx.prepared == 2026
    assert attrs.evolve(ctx, as_of=ctx.as_of.replace(year=2030)).prepared == 2030


def test_raising_prepare_is_a_command_error_that_says_what_to_do(tmp_path, capsys):
    from casefile_eval.cli import main

    (tmp_path / "broken_prepare.py").write_text(
        textwrap.dedent(
            """
            from casefile_eval.plugins import hookimpl, rule

            def prepare(ctx):
                raise ValueError("bad table")

            @rule(id="XX-DEMO-043", title="测试", category="procedure", dimension="quality",
                  basis=["《中华人民共和国行政处罚法》第六十条"], deduction=1,
                  recommendation="按规定办理。", prepare=prepare)
            def check(case, ctx):
                return ctx.passed()

            @hookimpl
            def casefile_eval_rules():
                return [check]
            """
        ),
        encoding="utf-8",
    )
    code = main(
        [
            "score",
            str(Path(__file__).parent.parent / "sample_cases"),
            "--rubrics-dir",
            str(tmp_path),
            "--workers",
            "1",
        ]
    )
    err = capsys.readouterr().err
    assert code != 0 and "XX-DEMO-043" in err and "--disable-plugin" in err
    assert "Traceback" not in err
