"""Each rule with a file that breaks it and one that satisfies it, using casefile-eval's kit."""

from casefile_eval_food_safety import (
    confiscation_required,
    fine_within_statutory_band,
    goods_value_established,
)

from casefile_eval.testing import assert_outcome, make_case, run_rule

FOOD_CASE = "penalty"  # the kit's base penalty case is a food-safety case (第一百二十四条)


def test_confiscation_required():
    assert_outcome(run_rule(confiscation_required, make_case(FOOD_CASE)), "pass")
    only_fine = make_case(FOOD_CASE, {"decision.penalties": [{"type": "fine", "amount": 50000}]})
    assert_outcome(
        run_rule(confiscation_required, only_fine), "fail", contains="违法生产经营的食品"
    )


def test_fine_band():
    assert_outcome(run_rule(fine_within_statutory_band, make_case(FOOD_CASE)), "pass")
    low = make_case(
        FOOD_CASE,
        {"decision.penalties.2.amount": 30000, "decision.discretion.level": "lighter"},
    )
    assert_outcome(
        run_rule(fine_within_statutory_band, low), "fail", contains="法定罚款幅度50000至100000元"
    )
    big_value = make_case(FOOD_CASE, {"violation.goods_value": 20000})
    assert_outcome(
        run_rule(fine_within_statutory_band, big_value), "fail", contains="200000至400000"
    )
    reduced = make_case(
        FOOD_CASE,
        {"decision.penalties.2.amount": 30000, "decision.discretion.level": "reduced"},
    )
    assert_outcome(run_rule(fine_within_statutory_band, reduced), "pass")
    strict = {"food_safety.allow_reduced_below_floor": False}
    assert_outcome(run_rule(fine_within_statutory_band, reduced, parameters=strict), "fail")


def test_goods_value_established():
    assert_outcome(run_rule(goods_value_established, make_case(FOOD_CASE)), "pass")
    from casefile_eval.testing import DELETE

    unknown = make_case(FOOD_CASE, {"violation.goods_value": DELETE})
    assert_outcome(run_rule(goods_value_established, unknown), "fail", contains="货值金额")


def test_not_applicable_outside_article_124():
    other_law = make_case(
        FOOD_CASE, {"decision.penalty_provisions": ["《中华人民共和国广告法》第五十八条第一款"]}
    )
    assert_outcome(run_rule(goods_value_established, other_law), "not_applicable")


def test_rules_fire_through_the_engine():
    from casefile_eval.testing import evaluator

    result = evaluator(standard="food-safety-penalty").evaluate(
        make_case(FOOD_CASE, {"decision.penalties": [{"type": "fine", "amount": 50000}]})
    )
    assert result.produced_by.standard_id == "food-safety-penalty"
    failed = {i.rule_id for i in result.failed_items}
    assert "FS-LAW-001" in failed
