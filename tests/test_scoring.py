"""Scoring invariants (hypothesis) and the veto modes."""

from __future__ import annotations

import types

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile_eval.plugins import Finding, PluginSet, hookimpl, rule
from casefile_eval.scoring import score_case
from casefile_eval.standard import Category, Grade, Item, Standard, resolve

CATEGORIES = (
    Category("subject", "执法主体", 10, "merits"),
    Category("facts_evidence", "事实认定与证据", 40, "merits"),
    Category("procedure", "执法程序", 30, "quality"),
    Category("documents", "执法文书", 20, "quality"),
)
GRADES = (
    Grade("优秀", 90, True),
    Grade("良好", 80, True),
    Grade("合格", 60, True),
    Grade("不合格", 0, False),
)


def _rules(n: int):
    rules = []
    for i in range(n):
        cat = CATEGORIES[i % len(CATEGORIES)]
        rules.append(
            rule(
                id=f"XX-SCORE-{i:03d}",
                title=f"规则{i}",
                category=cat.key,
                dimension=cat.dimension,
                basis=["《中华人民共和国行政处罚法》第六十条"],
                deduction=float(1 + i % 7),
                recommendation="-",
                veto=(i % 11 == 5),
            )(lambda case, ctx: ctx.passed())
        )
    return rules


RULES = _rules(30)
PLUGINS = PluginSet.load(
    entry_points=False,
    objects={"s": types.SimpleNamespace(casefile_eval_rules=hookimpl(lambda: RULES))},
)


def standard(veto_mode="zero", breaks=True, select=("XX-SCORE-*",), per_occurrence=True):
    return Standard(
        id="t",
        version="1",
        title="测试标准",
        kind="penalty",
        grades=GRADES,
        categories=CATEGORIES,
        items=(Item(select=tuple(select)),),
        veto_mode=veto_mode,
        procedural_veto_breaks_merits=breaks,
        per_occurrence=per_occurrence,
    )


findings_st = st.dictionaries(
    st.sampled_from([r.id for r in RULES]),
    st.lists(
        st.builds(
            lambda outcome, count: (outcome, count),
            st.sampled_from(["fail", "pass", "needs_review", "error", "not_applicable"]),
            st.integers(1, 4),
        ),
        min_size=1,
        max_size=3,
    ),
)


def as_findings(raw):
    return {
        rid: tuple(Finding(rid, outcome, "x", count=count) for outcome, count in items)
        for rid, items in raw.items()
    }


@settings(max_examples=300)
@given(findings_st, st.sampled_from(["zero", "fail_label", "no_excellent"]), st.booleans())
def test_total_in_range_and_deterministic(raw, mode, breaks):
    resolved = resolve(standard(mode, breaks), PLUGINS)
    score = score_case(as_findings(raw), resolved)
    assert 0 <= score.total <= 100
    assert all(0 <= c.score <= c.points for c in score.categories)
    assert score == score_case(as_findings(raw), resolved)
    assert score.to_dict() == score_case(as_findings(raw), resolved).to_dict()


@settings(max_examples=300)
@given(findings_st, st.sampled_from([r.id for r in RULES]), st.integers(1, 3))
def test_adding_a_fail_never_raises_the_total(raw, rule_id, count):
    resolved = resolve(standard(), PLUGINS)
    before = score_case(as_findings(raw), resolved)
    more = dict(raw)
    more[rule_id] = [*raw.get(rule_id, []), ("fail", count)]
    after = score_case(as_findings(more), resolved)
    assert after.total <= before.total
    assert after.points_before_veto <= before.points_before_veto


@settings(max_examples=300)
@given(findings_st, st.sampled_from(["zero", "fail_label"]))
def test_any_veto_means_fail_grade(raw, mode):
    score = score_case(as_findings(raw), resolve(standard(mode), PLUGINS))
    if score.vetoes:
        assert score.grade == "不合格" and not score.passing
        if mode == "zero":
            assert score.total == 0
        else:
            assert score.total == score.points_before_veto


@settings(max_examples=200)
@given(findings_st)
def test_no_excellent_mode_keeps_points_but_caps_grade(raw):
    score = score_case(as_findings(raw), resolve(standard("no_excellent"), PLUGINS))
    if score.vetoes:
        assert score.grade != "优秀" and score.total == score.points_before_veto


@settings(max_examples=300)
@given(findings_st, st.sampled_from([r.id for r in RULES]))
def test_removing_a_rule_never_lowers_the_total(raw, removed):
    full = resolve(standard(), PLUGINS)
    fewer = resolve(
        attrs.evolve(
            standard(), items=(Item(select=("XX-SCORE-*",)), Item(select=(removed,), exclude=True))
        ),
        PLUGINS,
    )
    assert removed not in fewer.items
    assert score_case(as_findings(raw), fewer).total >= score_case(as_findings(raw), full).total


@settings(max_examples=200)
@given(findings_st)
def test_stands_follows_vetoes_and_switch(raw):
    for breaks in (True, False):
        score = score_case(as_findings(raw), resolve(standard(breaks=breaks), PLUGINS))
        merits = any(v.dimension == "merits" for v in score.vetoes)
        expected = not (merits or (breaks and score.vetoes))
        assert score.stands == expected


def test_deduction_per_occurrence_capped_by_category():
    resolved = resolve(standard(), PLUGINS)
    rid = "XX-SCORE-001"  # facts_evidence, 40 points, deduction 2
    score = score_case({rid: (Finding(rid, "fail", "a", count=3),)}, resolved)
    item = score.items[0]
    assert item.deduction == 6 and score.total == 94
    once = resolve(standard(per_occurrence=False), PLUGINS)
    assert score_case({rid: (Finding(rid, "fail", "a", count=3),)}, once).total == 98
    many = {
        r.id: (Finding(r.id, "fail", "x", count=50),)
        for r in RULES
        if r.category == "subject" and not r.veto
    }
    score = score_case(many, resolved)
    subject = next(c for c in score.categories if c.key == "subject")
    assert subject.score == 0 and subject.deduction == 10


def test_needs_review_and_error_do_not_deduct_but_are_listed():
    resolved = resolve(standard(), PLUGINS)
    score = score_case(
        {
            "XX-SCORE-002": (Finding("XX-SCORE-002", "needs_review", "?"),),
            "XX-SCORE-003": (Finding("XX-SCORE-003", "error", "!"),),
        },
        resolved,
    )
    assert score.total == 100
    assert score.pending == ("XX-SCORE-002",) and score.errors == ("XX-SCORE-003",)
    assert not score.complete


def test_manual_finding_overrides_machine():
    resolved = resolve(standard(), PLUGINS)
    machine = Finding("XX-SCORE-004", "fail", "机器认为不符合")
    manual = Finding(
        "XX-SCORE-004", "fail", "复评", source="manual", deduction=0.5, original=(machine,)
    )
    score = score_case({"XX-SCORE-004": (manual,)}, resolved)
    assert score.items[0].source == "manual" and score.items[0].deduction == 0.5
    assert score.manual_deduction == 0.5 and score.machine_deduction == 0
