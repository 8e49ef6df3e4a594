"""Food-safety rules for market-regulation penalty files (食品安全法第一百二十四条).

An example third-party plugin: it uses only casefile-eval's public plugin API.
"""

from __future__ import annotations

from pathlib import Path

from casefile_eval.citations import parse_citations
from casefile_eval.plugins import AppliesTo, Parameter, hookimpl, rule

__version__ = "0.1.0"

FOOD_SAFETY_LAW = "中华人民共和国食品安全法"
ARTICLE = 124
#: Below this goods value the fine is a fixed band; at or above it, a multiple of the value.
GOODS_VALUE_LINE = 10_000

_SCOPE = AppliesTo(kinds={"penalty"}, sectors={"market_regulation"}, outcomes={"penalty"})


def _cites_article_124(case) -> bool:
    # Parsed once per case and kept on the case: three rules ask the same question.
    cached = case.derived.get("food_safety.art124")
    if cached is None:
        cached = any(
            c.law == FOOD_SAFETY_LAW and c.article == ARTICLE
            for text in case.decision.penalty_provisions
            for c in parse_citations(text)
        )
        case.derived["food_safety.art124"] = cached
    return cached


@rule(
    id="FS-LAW-001",
    title="依食品安全法第一百二十四条处罚的，应当没收违法所得和违法生产经营的食品",
    category="legal_basis",
    dimension="merits",
    basis=["《中华人民共和国食品安全法》第一百二十四条第一款"],
    deduction=4,
    recommendation="依照《中华人民共和国食品安全法》第一百二十四条第一款处罚的，应当一并没收违法所得"
    "和违法生产经营的食品、食品添加剂，不得遗漏法定的并处罚种。",
    applies_to=_SCOPE,
    example="以第一百二十四条第一款第（五）项处罚，只罚款，未没收超过保质期的食品。",
)
def confiscation_required(case, ctx):
    """Article 124(1) penalties must confiscate the illegal gains and the goods."""
    if not _cites_article_124(case):
        return ctx.not_applicable("处罚依据未引用食品安全法第一百二十四条")
    types = {p.type for p in case.decision.penalties}
    missing = []
    if "confiscate_illegal_property" not in types:
        missing.append("违法生产经营的食品")
    gains = case.violation.illegal_gains if case.violation else None
    if gains and "confiscate_illegal_gains" not in types:
        missing.append(f"违法所得{gains:g}元")
    if missing:
        return ctx.fail(
            "依第一百二十四条处罚，未没收" + "、".join(missing),
            "/decision/penalties",
            values={"处罚种类": "、".join(sorted(types))},
        )
    return ctx.passed()


@rule(
    id="FS-LAW-002",
    title="罚款数额在食品安全法第一百二十四条规定的幅度内",
    category="legal_basis",
    dimension="merits",
    basis=["《中华人民共和国食品安全法》第一百二十四条第一款"],
    deduction=6,
    recommendation="按货值金额确定罚款幅度：货值不足一万元的，处五万元以上十万元以下罚款；"
    "一万元以上的，处货值金额十倍以上二十倍以下罚款。减轻处罚的，应载明法定依据。",
    applies_to=_SCOPE,
    parameters=["food_safety.allow_reduced_below_floor"],
    example="货值480元，罚款3万元，且未认定减轻处罚情节。",
)
def fine_within_statutory_band(case, ctx):
    """The fine lies in the band article 124(1) sets from the goods value."""
    if not _cites_article_124(case):
        return ctx.not_applicable("处罚依据未引用食品安全法第一百二十四条")
    value = case.violation.goods_value if case.violation else None
    fines = [p.amount for p in case.decision.penalties if p.type == "fine" and p.amount is not None]
    if value is None or not fines:
        return ctx.not_applicable("案卷未记载货值金额或罚款数额")
    low, high = (50_000, 100_000) if value < GOODS_VALUE_LINE else (value * 10, value * 20)
    fine = sum(fines)
    discretion = case.decision.discretion
    reduced = discretion is not None and discretion.level == "reduced" and discretion.ground
    if fine < low and reduced and ctx.param("food_safety.allow_reduced_below_floor"):
        return ctx.passed("依法减轻处罚，罚款低于法定下限", "/decision/discretion")
    if low <= fine <= high:
        return ctx.passed()
    return ctx.fail(
        f"货值{value:g}元，法定罚款幅度{low:g}至{high:g}元，实际罚款{fine:g}元",
        "/decision/penalties",
        "/violation/goods_value",
        values={"货值金额": value, "法定下限": low, "法定上限": high, "罚款": fine},
    )


@rule(
    id="FS-EVID-001",
    title="食品安全案件应当查明货值金额",
    category="facts_evidence",
    dimension="merits",
    basis=[
        "《中华人民共和国食品安全法》第一百二十四条第一款",
        "《中华人民共和国行政处罚法》第四十条",
    ],
    deduction=3,
    recommendation="罚款幅度以货值金额为计算基础，应当调查取证并在案卷中载明货值金额及其计算依据。",
    applies_to=_SCOPE,
)
def goods_value_established(case, ctx):
    """The goods value, which the fine is computed from, is recorded."""
    if not _cites_article_124(case):
        return ctx.not_applicable("处罚依据未引用食品安全法第一百二十四条")
    if case.violation is None or case.violation.goods_value is None:
        return ctx.fail("未查明货值金额，罚款数额缺少计算基础", "/violation/goods_value")
    return ctx.passed()


@hookimpl
def casefile_eval_rules():
    return [confiscation_required, fine_within_statutory_band, goods_value_established]


@hookimpl
def casefile_eval_parameters():
    return [
        Parameter(
            name="food_safety.allow_reduced_below_floor",
            default=True,
            schema={"type": "boolean"},
            description="依法减轻处罚（行政处罚法第三十二条）时，允许罚款低于第一百二十四条规定的下限",
            basis="《中华人民共和国行政处罚法》第三十二条",
        )
    ]


@hookimpl
def casefile_eval_standards():
    return [Path(__file__).with_name("food-safety-penalty.toml")]
