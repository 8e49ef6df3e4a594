"""Rubric plugin `discretion` — 裁量 in administrative penalty decisions.

Whether the decision explains the discretion it used, grounds a lighter, reduced or no penalty in
law, applies the mitigating circumstances the law makes mandatory, keeps 从轻 within and 减轻
below the statutory range, meets the conditions of 不予处罚 / 首违不罚 and educates the party,
cites the agency's discretion benchmark — and, as a manual rule, whether the discretion was
appropriate. Category ``discretion`` (案件是否成立, 8 points in the default standard).

Whether the fine lies within the statutory range is the legal_basis plugin's business and is not
checked here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from casefile_eval.citations import Citation, canonical_law_title, parse_citations
from casefile_eval.model import CaseFile, Decision, Party
from casefile_eval.model.vocab import (
    CIRCUMSTANCE_ZH,
    DISCRETION_LEVEL_ZH,
    OUTCOME_ZH,
    PENALTY_TYPE_ZH,
    SECTOR_ZH,
)
from casefile_eval.plugins import AppliesTo, CheckContext, Finding, Parameter, hookimpl, rule

CATEGORY = "discretion"
PL = "《中华人民共和国行政处罚法》"
PL_2017 = "《中华人民共和国行政处罚法》（2017年修正）"
PL_TITLE = canonical_law_title("行政处罚法")
PL_2021 = "2021-07-15"
#: Used only when the law registry in use has no 2021 edition of the Penalty Law.
PL_2021_DATE = dt.date(2021, 7, 15)
BENCHMARK_27 = (
    "《国务院办公厅关于进一步规范行政裁量权基准制定和管理工作的意见》（国办发〔2022〕27号）"
)
#: Date of 国办发〔2022〕27号: issued and in effect 2022-07-29 (published in August 2022).
BENCHMARK_27_FROM = "2022-07-29"

BENCHMARK_REQUIRED = "discretion.benchmark_required"

#: 第三十二条 (and 第三十条 for minors): the agency *shall* give a lighter or reduced penalty.
SHALL_MITIGATE: frozenset[str] = frozenset(
    {
        "eliminated_harm",
        "coerced_or_deceived",
        "voluntary_confession",
        "meritorious_service",
        "minor_14_18",
        "other_mitigating",
    }
)
#: The same under the 2017 text (第二十五条, 第二十七条第一款): no deception, no confession.
#: ``coerced_or_deceived`` is handled apart: the code cannot tell coercion (mandatory in 2017)
#: from deception (not mentioned before 2021).
SHALL_MITIGATE_2017: frozenset[str] = frozenset(
    {"eliminated_harm", "meritorious_service", "minor_14_18", "other_mitigating"}
)
#: Article behind each mandatory circumstance, per version of the Law (for the message).
MITIGATION_ARTICLE_2021: dict[str, str] = {
    "eliminated_harm": "第三十二条第（一）项",
    "coerced_or_deceived": "第三十二条第（二）项",
    "voluntary_confession": "第三十二条第（三）项",
    "meritorious_service": "第三十二条第（四）项",
    "other_mitigating": "第三十二条第（五）项",
    "minor_14_18": "第三十条",
}
MITIGATION_ARTICLE_2017: dict[str, str] = {
    "eliminated_harm": "第二十七条第一款第（一）项",
    "coerced_or_deceived": "第二十七条第一款第（二）项",
    "meritorious_service": "第二十七条第一款第（三）项",
    "other_mitigating": "第二十七条第一款第（四）项",
    "minor_14_18": "第二十五条",
}
AGGRAVATING: frozenset[str] = frozenset({"aggravating", "repeat_offence"})
#: Penalty Law articles (2021 numbering) that ground each kind of outcome.
LIGHTER_GROUNDS: frozenset[int] = frozenset({30, 31, 32})
NONE_GROUNDS: frozenset[int] = frozenset({30, 31, 33, 36})
MITIGATED_LEVELS: frozenset[str] = frozenset({"lighter", "reduced"})
#: Titles of documents that record educating the party (第三十三条第三款).
EDUCATION_WORDS: tuple[str, ...] = ("教育", "告诫", "行政指导", "提醒", "约谈")
PARAM_SCHEMA: dict[str, Any] = {
    "oneOf": [
        {"type": "boolean"},
        {
            "type": "object",
            "propertyNames": {"enum": ["default", *sorted(SECTOR_ZH)]},
            "additionalProperties": {"type": "boolean"},
            "required": ["default"],
        },
    ]
}


_FINE_KEY = "discretion.fine"
_UNSET = object()


@lru_cache(maxsize=4096)
def _cited(text: str) -> tuple[Citation, ...]:
    """Citations with an article in a ground or provision string; the same strings recur across
    an agency's files, so parsing is cached."""
    return tuple(c for c in parse_citations(text) if c.article is not None)


def _yuan(amount: float) -> str:
    text = str(int(amount)) if amount == int(amount) else f"{amount:.2f}".rstrip("0")
    return text + "元"


def _fine(decision: Decision) -> float | None:
    """Total of the fines imposed, or None when there is none or an amount is missing."""
    amounts: list[float] = []
    for p in decision.penalties:
        if p.type == "fine":
            if p.amount is None:
                return None
            amounts.append(p.amount)
    if not amounts:
        return None
    return float(sum(amounts))


def _case_fine(case: CaseFile, decision: Decision) -> float | None:
    """:func:`_fine` of the case's decision, computed once per case (three rules read it)."""
    fine = case.derived.get(_FINE_KEY, _UNSET)
    if fine is _UNSET:
        fine = case.derived[_FINE_KEY] = _fine(decision)
    return fine  # type: ignore[no-any-return]


def _range(decision: Decision) -> str:
    lo, hi = decision.penalty_range_min, decision.penalty_range_max
    if lo is None and hi is None:
        return "未记载"
    return (
        f"{_yuan(lo) if lo is not None else '未记载'}至{_yuan(hi) if hi is not None else '未记载'}"
    )


def _circumstances(codes: tuple[str, ...]) -> str:
    return "、".join(CIRCUMSTANCE_ZH[c] for c in codes)


def _by_sector(value: bool | Mapping[str, bool], sector: str | None) -> bool:
    if isinstance(value, Mapping):
        return bool(value.get(sector or "default", value["default"]))
    return bool(value)


def _benchmark_required(ctx: CheckContext) -> tuple[Mapping[str, bool] | None, bool]:
    """PEN-DISC-007's parameter, read once per batch: (per-sector table, unused) or
    (None, the flag)."""
    value = ctx.param(BENCHMARK_REQUIRED)
    if isinstance(value, Mapping):
        return value, False
    return None, bool(value)


def _new_law_from(ctx: CheckContext) -> dt.date:
    """First day of the 2021 Penalty Law per the context's law registry."""
    return ctx.laws.edition_start("行政处罚法", 2021) or PL_2021_DATE


def _new_law(ctx: CheckContext, day: dt.date | None) -> bool:
    """Whether the 2021 Penalty Law governs a decision of ``day`` (unknown day: assume yes)."""
    return day is None or day >= _new_law_from(ctx)


def _penalty_articles(citations: list[Citation]) -> tuple[set[int], bool]:
    """Articles of the Penalty Law cited, and whether anything else (another law) is cited."""
    articles = {c.article for c in citations if c.law == PL_TITLE and c.article is not None}
    other = any(c.law != PL_TITLE for c in citations)
    return articles, other


# ---------------------------------------------------------------------------------------------
# Reasons and grounds
# ---------------------------------------------------------------------------------------------


@rule(
    id="PEN-DISC-001",
    title="处罚决定说明裁量理由",
    category=CATEGORY,
    dimension="merits",
    basis=[f"{PL}第五条第二款", f"{PL}第三十四条", BENCHMARK_27],
    deduction=2,
    recommendation="罚款不是法定幅度最低额，或者案件存在从轻、减轻、从重等裁量情节的，应当在行政处罚"
    "决定书中说明认定的裁量情节、适用的裁量阶次和确定处罚数额的理由。",
    applies_to=AppliesTo(kinds={"penalty"}, outcomes={"penalty"}),
    example="处罚依据规定罚款5万元以上10万元以下，决定罚款8万元，决定书未说明裁量理由。",
    notes="Reasons are required when (a) the fine exceeds the range minimum the case records "
    "(decision.penalty_range_min), (b) circumstances are recorded, or (c) the level is 从轻, 减轻 "
    "or 从重. A fine at the minimum with no circumstances, a warning, or a fine with no recorded "
    "range (the fixed small fine of the simple procedure) needs no reasons: not applicable. "
    "Only the presence of reasons (discretion.reasons, non-blank) is checked; whether they are "
    "convincing is PEN-DISC-008. The duty to state reasons in the decision is drawn from "
    "过罚相当 (第五条第二款), 第三十四条 and 国办发〔2022〕27号, whose wording on stating the "
    "application of the benchmark in the decision document could not be verified in the "
    "sources available (unverified). Deduction 2 is a proposal [R]; domain-standards §5.4 lists "
    "'裁量不当 / 理由未说明' among common defects without a figure. A decision that states neither "
    "reasons nor benchmark fails this rule and PEN-DISC-007: intended, the two are different "
    "omissions (see PEN-DISC-007).",
)
def reasons_stated(case: CaseFile, ctx: CheckContext) -> Finding:
    """The decision states discretion reasons when the fine is not the range minimum, or
    circumstances or a non-ordinary level are recorded."""
    decision = case.decision
    assert decision is not None  # applies_to guarantees a decision with outcome penalty
    discretion = decision.discretion
    fine = _case_fine(case, decision)
    lo = decision.penalty_range_min
    above = fine is not None and lo is not None and fine > lo
    circumstances = discretion.circumstances if discretion is not None else ()
    level = discretion.level if discretion is not None else None
    leveled = level in ("lighter", "reduced", "heavier")
    if not above and not circumstances and not leveled:
        return ctx.not_applicable("罚款为幅度下限或未记载处罚幅度，且未记载裁量情节和阶次")
    if discretion is not None and discretion.reasons and discretion.reasons.strip():
        return ctx.passed()
    # The reasons were required and are missing: say why they were required.
    why: list[str] = []
    if fine is not None and lo is not None and fine > lo:
        why.append(f"罚款{_yuan(fine)}高于处罚依据规定的下限{_yuan(lo)}")
    if circumstances:
        why.append(f"案卷记载裁量情节（{_circumstances(circumstances)}）")
    if level in ("lighter", "reduced", "heavier"):
        why.append(f"裁量阶次为{DISCRETION_LEVEL_ZH[level]}")
    return ctx.fail(
        "；".join(why) + "，但处罚决定书未说明裁量理由",
        "/decision/discretion/reasons",
        "/decision/penalties",
        values={
            "处罚幅度": _range(decision),
            "罚款": _yuan(fine) if fine is not None else "无",
            "裁量情节": _circumstances(discretion.circumstances) if discretion else "未记载",
            "裁量理由": "未记载",
        },
    )


@rule(
    id="PEN-DISC-002",
    title="从轻、减轻或不予处罚援引法定依据",
    category=CATEGORY,
    dimension="merits",
    basis=[f"{PL}第三十条", f"{PL}第三十一条", f"{PL}第三十二条", f"{PL}第三十三条"],
    deduction=2,
    recommendation="决定从轻、减轻处罚或者不予处罚的，应当在决定书中援引所依据的法律条文（如行政"
    "处罚法第三十二条第（一）项、第三十三条第一款），并与认定的情节相对应。",
    applies_to=AppliesTo(kinds={"penalty"}, outcomes={"penalty", "no_penalty"}),
    example="决定书载明“依法从轻处罚”，未援引从轻处罚的法律依据。",
    notes="Triggers: discretion.level 从轻 / 减轻 / 不予处罚, or outcome no_penalty. The ground is "
    "discretion.ground; for a no-penalty decision without one, the penalty provisions are read "
    "instead (such decisions often put 第三十三条 there). Fails when no citation with an article "
    "is found. For decisions from 2021-07-15 it also compares the Penalty Law articles cited "
    "with the outcome: 从轻 / 减轻 fits 第三十条、第三十一条、第三十二条; 不予处罚 fits 第三十条、"
    "第三十一条、第三十三条 and 第三十六条 (limitation). Citing only the other kind's article "
    "(从轻 with 第三十三条, 不予处罚 with 第三十二条) fails; citing only unrelated Penalty Law "
    "articles goes to a person; citing any other instrument passes (第三十二条第（五）项 lets "
    "laws, regulations and rules add grounds). Before 2021-07-15 the articles were numbered "
    "differently (2017 第二十五条–第二十七条), so only the presence of a ground is checked.",
)
def ground_cited(case: CaseFile, ctx: CheckContext) -> Finding:
    """A lighter, reduced or no penalty cites its legal ground, matching the outcome."""
    decision = case.decision
    assert decision is not None
    discretion = decision.discretion
    level = discretion.level if discretion else None
    none = decision.outcome == "no_penalty" or level == "none"
    if not none and level not in MITIGATED_LEVELS:
        return ctx.not_applicable("未从轻、减轻处罚，也未决定不予处罚")
    label = "不予处罚" if none else DISCRETION_LEVEL_ZH[level or "ordinary"]
    texts: list[str] = []
    pointer = "/decision/discretion/ground"
    if discretion is not None and discretion.ground:
        texts.append(discretion.ground)
        citations = list(_cited(discretion.ground))
    elif none and decision.penalty_provisions:
        # Only the Penalty Law's own articles count here: the sector law's penalty article in
        # the same list is not a ground for not penalising.
        texts.extend(decision.penalty_provisions)
        pointer = "/decision/penalty_provisions"
        citations = [c for text in texts for c in _cited(text) if c.law == PL_TITLE]
    else:
        citations = []
    if not citations:
        return ctx.fail(
            f"决定{label}，但未援引{label}的法律依据"
            + (f"（所载“{'；'.join(texts)}”未引用到具体条文）" if texts else ""),
            pointer,
            values={"裁量结果": label, "依据": "；".join(texts) or "未记载"},
        )
    if not _new_law(ctx, decision.date):
        return ctx.passed()
    articles, other = _penalty_articles(citations)
    if other or not articles:
        return ctx.passed()
    fits, wrong = (NONE_GROUNDS, {32}) if none else (LIGHTER_GROUNDS, {33, 36})
    if articles & fits:
        return ctx.passed()
    cited = "、".join(c.format() for c in citations)
    values = {"裁量结果": label, "援引依据": cited}
    if articles <= wrong:
        return ctx.fail(
            f"决定{label}，但援引的{cited}规定的是"
            + ("从轻、减轻处罚" if none else "不予处罚")
            + "，依据与裁量结果不对应",
            pointer,
            values=values,
        )
    return ctx.needs_review(
        f"决定{label}，援引的{cited}不是从轻、减轻或不予处罚的条款，请人工核实依据",
        pointer,
        values=values,
    )


# ---------------------------------------------------------------------------------------------
# Mandatory mitigation
# ---------------------------------------------------------------------------------------------


def _age_on(birth: dt.date, day: dt.date) -> int:
    """Full years of age on ``day``; the birthday itself does not yet count (已满 N 周岁 starts
    the day after the N-th birthday)."""
    years = day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
    if (day.month, day.day) == (birth.month, birth.day):
        years -= 1
    return years


def _minor_parties(case: CaseFile) -> list[tuple[Party, int, str]]:
    """Natural persons punished who were under 18 when they acted: (party, age, date basis)."""
    violation = case.violation
    acted = (violation.start_date or violation.end_date) if violation else None
    basis = "违法行为发生日"
    if acted is None and case.decision is not None and case.decision.date is not None:
        # Age only grows: under 18 on the decision date means under 18 when acting.
        acted, basis = case.decision.date, "决定日（违法行为日期未记载）"
    if acted is None:
        return []
    found = []
    for party in case.parties:
        if party.role == "party" and party.type == "natural_person" and party.birth_date:
            age = _age_on(party.birth_date, acted)
            if age < 18:
                found.append((party, age, f"{basis}{acted.isoformat()}"))
    return found


@rule(
    id="PEN-DISC-003",
    title="法定应当从轻、减轻或不予处罚的情节依法适用",
    category=CATEGORY,
    dimension="merits",
    basis=[
        f"{PL}第三十条",
        f"{PL}第三十二条",
        f"{PL}第三十三条第一款",
        f"{PL}第三十三条第二款",
        f"{PL_2017}第二十五条",
        f"{PL_2017}第二十七条第一款",
        f"{PL_2017}第二十七条第二款",
    ],
    deduction=3,
    recommendation="案卷认定的情节属于行政处罚法规定应当从轻、减轻处罚（第三十条、第三十二条）或者应当"
    "不予处罚（第三十条、第三十三条）情形的，应当依法适用，并在决定书中说明。",
    applies_to=AppliesTo(kinds={"penalty"}, outcomes={"penalty"}),
    example="当事人违法时16周岁，决定书按一般情节处罚，未依法从轻或者减轻。",
    notes="Deduction 3 follows 株洲 (proven statutory mitigating circumstance not applied: −3; "
    "domain-standards §1.4). Mandatory ('shall') lighter/reduced circumstances: 第三十二条第"
    "（一）至（五）项 (eliminated_harm, coerced_or_deceived, voluntary_confession, "
    "meritorious_service, other_mitigating) and age 14–18 (第三十条), the latter also computed "
    "from party.birth_date and the violation date (start date, else end date; when neither is "
    "recorded the decision date bounds the age from above). 已满N周岁 counts from the day after "
    "the birthday (the convention of criminal and administrative practice). Applied means level "
    "从轻 or 减轻. Level 一般 / 从重 fails, unless aggravating circumstances are also recorded "
    "(then a person weighs them); no level recorded goes to a person. 'Shall not penalise' "
    "circumstances with a penalty imposed fail: under 14 (第三十条) and minor_and_corrected "
    "(第三十三条第一款前段). no_fault (第三十三条第二款) goes to a person, because laws and "
    "administrative regulations may provide otherwise. 'May' circumstances (limited_capacity, "
    "first_offence) are not checked. Version of the Law (legal review §4.1): no in_force_from "
    "any more — decisions before the 2021 Law's in-force date (read from ctx.laws; fallback "
    "2021-07-15) are judged by the 2017 text, which had the same duties in 第二十五条 (under 14: "
    "no penalty; 14–18: lighter or reduced) and 第二十七条 (第一款: harm eliminated, coerced, "
    "meritorious service, other statutory grounds; 第二款: minor and corrected → no penalty) "
    "but neither deception nor voluntary confession nor the no-fault rule: voluntary_confession "
    "and no_fault are not judged for those decisions, and coerced_or_deceived alone goes to a "
    "person (the code cannot tell coercion, mandatory in 2017, from deception). The decision "
    "date picks the version: a decision from the 2021 Law's in-force date applies the 2021 "
    "mitigation rules even to an earlier act, because they are lighter (第三十七条). The "
    "finding's values name the article applied (法律依据). Texts of both versions re-read.",
)
def mandatory_mitigation_applied(case: CaseFile, ctx: CheckContext) -> Finding:
    """Circumstances that by law require a lighter/reduced penalty, or no penalty, were applied
    (2021 Law, or the 2017 text for earlier decisions)."""
    decision = case.decision
    assert decision is not None
    day = decision.date
    new_law = _new_law(ctx, day)
    law = PL if new_law else PL_2017
    articles = MITIGATION_ARTICLE_2021 if new_law else MITIGATION_ARTICLE_2017
    discretion = decision.discretion
    recorded = discretion.circumstances if discretion else ()
    level = discretion.level if discretion else None
    minors = _minor_parties(case)
    under_14 = [(p, age, basis) for p, age, basis in minors if age < 14]
    if under_14:
        party, age, basis = under_14[0]
        return ctx.fail(
            f"当事人{party.name}（出生日期{party.birth_date}）{basis}时{age}周岁，不满十四周岁，"
            "依法不予行政处罚，但决定给予处罚",
            case.pointer("parties", party.id, "birth_date"),
            "/decision/outcome",
            values={
                "当事人": party.name,
                "出生日期": party.birth_date,
                "年龄": age,
                "法律依据": law + ("第三十条" if new_law else "第二十五条"),
            },
        )
    if "minor_and_corrected" in recorded:
        return ctx.fail(
            "案卷认定“违法行为轻微并及时改正，没有造成危害后果”，依法应当不予行政处罚，"
            "但决定给予处罚",
            "/decision/discretion/circumstances",
            "/decision/outcome",
            values={
                "裁量情节": _circumstances(recorded),
                "决定结果": OUTCOME_ZH["penalty"],
                "法律依据": law + ("第三十三条第一款" if new_law else "第二十七条第二款"),
            },
        )
    shall_codes = SHALL_MITIGATE if new_law else SHALL_MITIGATE_2017
    shall = [c for c in recorded if c in shall_codes]
    minor = minors[0] if minors and "minor_14_18" not in shall else None
    if not shall and minor is None:
        if not new_law and "coerced_or_deceived" in recorded and level not in MITIGATED_LEVELS:
            return ctx.needs_review(
                f"案卷认定“{CIRCUMSTANCE_ZH['coerced_or_deceived']}”，决定日{decision.date}适用"
                f"{PL_2017}：其第二十七条第一款第（二）项规定受他人胁迫的应当从轻或者减轻处罚，"
                "受诱骗不在其列；裁量阶次为"
                + (DISCRETION_LEVEL_ZH[level] if level else "未记载")
                + "，请核实属于胁迫还是诱骗",
                "/decision/discretion/circumstances",
                "/decision/discretion/level",
                values={
                    "裁量情节": _circumstances(recorded),
                    "裁量阶次": DISCRETION_LEVEL_ZH[level] if level else "未记载",
                    "法律依据": law + articles["coerced_or_deceived"],
                },
            )
        if new_law and "no_fault" in recorded:
            return ctx.needs_review(
                "案卷记载当事人有证据足以证明没有主观过错，依法不予处罚（法律、行政法规另有规定的"
                "除外），但决定给予处罚，请人工核实是否存在另有规定",
                "/decision/discretion/circumstances",
                values={"裁量情节": _circumstances(recorded), "法律依据": law + "第三十三条第二款"},
            )
        return ctx.not_applicable("案卷未记载应当从轻、减轻或不予处罚的法定情节")
    if level in MITIGATED_LEVELS:
        return ctx.passed()
    reasons = [CIRCUMSTANCE_ZH[c] for c in shall]
    grounds = [law + articles[c] for c in shall]
    pointers = ["/decision/discretion/circumstances"] if shall else []
    if minor is not None:
        party, age, basis = minor
        reasons.append(f"当事人{party.name}{basis}时{age}周岁（已满十四周岁不满十八周岁）")
        grounds.append(law + articles["minor_14_18"])
        pointers.append(case.pointer("parties", party.id, "birth_date"))
    values = {
        "法定情节": reasons,
        "法律依据": list(dict.fromkeys(grounds)),
        "裁量阶次": DISCRETION_LEVEL_ZH[level] if level else "未记载",
        "处罚幅度": _range(decision),
    }
    stated = "；".join(reasons)
    if level is None:
        return ctx.needs_review(
            f"案卷认定{stated}，依法应当从轻或者减轻处罚，但未记载裁量阶次，"
            f"请人工核实是否已从轻或减轻",
            *pointers,
            "/decision/discretion/level",
            values=values,
        )
    aggravating = [c for c in recorded if c in AGGRAVATING]
    if aggravating:
        return ctx.needs_review(
            f"案卷认定{stated}，同时认定{_circumstances(tuple(aggravating))}，"
            f"裁量阶次为{DISCRETION_LEVEL_ZH[level]}，请人工核实从轻、从重情节的综合裁量",
            *pointers,
            "/decision/discretion/level",
            values=values,
        )
    return ctx.fail(
        f"案卷认定{stated}，依法应当从轻或者减轻处罚（{'、'.join(values['法律依据'])}），"
        f"但裁量阶次为{DISCRETION_LEVEL_ZH[level]}",
        *pointers,
        "/decision/discretion/level",
        values=values,
    )


@rule(
    id="PEN-DISC-004",
    title="减轻处罚低于法定最低限、从轻处罚在法定幅度内",
    category=CATEGORY,
    dimension="merits",
    basis=[f"{PL}第三十二条"],
    deduction=2,
    recommendation="从轻处罚应当在法定处罚种类和幅度内选择较轻的处罚；减轻处罚应当在法定最低限以下"
    "（或者选择较轻的处罚种类），裁量阶次的表述应当与实际处罚相符。",
    applies_to=AppliesTo(kinds={"penalty"}, outcomes={"penalty"}),
    example="决定书称减轻处罚，处罚依据规定罚款5万元以上，实际罚款6万元。",
    notes="Compares the total of the fines with decision.penalty_range_min. 从轻 below the minimum "
    "is a fine outside the statutory range, scored once by the legal_basis rule PEN-LAW-008 (a "
    "veto); this rule then reports not_applicable rather than deducting twice. 减轻 above the "
    "minimum: fail; 减轻 at exactly "
    "the minimum, or a range whose minimum is 0, goes to a person (the reduction may lie in the "
    "kind of penalty, e.g. a licence not revoked). 从轻 above the range maximum is a fine outside "
    "the range: the legal_basis plugin's business, not repeated here. Whether 从轻 stays in the "
    "lower part of the range depends on each benchmark and is left to PEN-DISC-008. Not limited "
    "to the 2021 Law: the 2017 Law (第二十七条) used 从轻 / 减轻 in the same sense.",
)
def reduction_matches_level(case: CaseFile, ctx: CheckContext) -> Finding:
    """A 减轻 fine lies below the statutory minimum; a 从轻 fine does not."""
    decision = case.decision
    assert decision is not None
    discretion = decision.discretion
    level = discretion.level if discretion else None
    if level not in MITIGATED_LEVELS:
        return ctx.not_applicable("裁量阶次不是从轻或减轻")
    fine = _case_fine(case, decision)
    lo = decision.penalty_range_min
    if fine is None:
        return ctx.not_applicable("未处罚款或罚款数额未记载，本规则只核对罚款数额")
    if lo is None:
        return ctx.not_applicable("案卷未记载处罚依据规定的罚款下限")
    values = {
        "裁量阶次": DISCRETION_LEVEL_ZH[level],
        "处罚幅度": _range(decision),
        "罚款": _yuan(fine),
    }
    pointers = ("/decision/discretion/level", "/decision/penalties", "/decision/penalty_range_min")
    if level == "lighter":
        if fine < lo:
            return ctx.not_applicable(
                f"从轻处罚罚款{_yuan(fine)}低于法定下限{_yuan(lo)}，属罚款超出法定幅度，"
                "由法律适用规则（PEN-LAW-008）评查"
            )
        return ctx.passed()
    if lo == 0 or fine == lo:
        return ctx.needs_review(
            f"裁量阶次为减轻处罚，罚款{_yuan(fine)}，处罚依据规定的下限为{_yuan(lo)}；"
            "请人工核实减轻是否体现在处罚种类上",
            *pointers,
            values=values,
        )
    if fine > lo:
        return ctx.fail(
            f"裁量阶次为减轻处罚，但罚款{_yuan(fine)}高于处罚依据规定的下限{_yuan(lo)}；"
            "减轻处罚应当在法定最低限以下",
            *pointers,
            values=values,
        )
    return ctx.passed()


# ---------------------------------------------------------------------------------------------
# No penalty
# ---------------------------------------------------------------------------------------------


@rule(
    id="PEN-DISC-005",
    title="首违不罚、轻微不罚符合法定条件",
    category=CATEGORY,
    dimension="merits",
    basis=[f"{PL}第三十三条第一款"],
    deduction=2,
    recommendation="依据行政处罚法第三十三条第一款不予处罚的，案卷应当载明并证明初次违法（或违法行为"
    "轻微）、危害后果轻微（或没有造成危害后果）、及时改正等全部法定条件。",
    applies_to=AppliesTo(kinds={"penalty"}, outcomes={"no_penalty"}),
    in_force_from=PL_2021,
    example="以首违不罚为由不予处罚，但当事人此前已有2次同类违法记录。",
    notes="Triggered by the circumstances first_offence or minor_and_corrected, or by a ground "
    "citing 第三十三条第一款 (then both alternatives are tried). 首违不罚 (后段): prior_violations "
    "= 0, harm slight (harmful_consequences = false passes; true → a person judges 'slight'), "
    "corrected = true. 轻微不罚 (前段): corrected = true and harmful_consequences = false; "
    "'minor' itself is a judgement left to a person. 及时改正 is read as corrected on or before "
    "the decision date. Passes when one alternative is met; fails when every alternative "
    "tried fails on recorded facts; missing facts go to a person. 首违不罚 is new in 2021 "
    "(in_force_from 2021-07-15).",
)
def no_penalty_conditions(case: CaseFile, ctx: CheckContext) -> Finding:
    """A no-penalty decision on 第三十三条第一款 records its statutory conditions."""
    decision = case.decision
    assert decision is not None
    discretion = decision.discretion
    recorded = set(discretion.circumstances) if discretion else set()
    texts = [discretion.ground] if discretion and discretion.ground else []
    texts.extend(decision.penalty_provisions)
    cites_33 = any(
        c.law == PL_TITLE and c.article == 33 and c.paragraph in (None, 1)
        for text in texts
        for c in _cited(text)
    )
    alternatives = [c for c in ("first_offence", "minor_and_corrected") if c in recorded]
    if not alternatives:
        if not cites_33:
            return ctx.not_applicable("不予处罚并非依据行政处罚法第三十三条第一款")
        alternatives = ["first_offence", "minor_and_corrected"]
    violation = case.violation
    prior = violation.prior_violations if violation else None
    harm = violation.harmful_consequences if violation else None
    corrected = violation.corrected if violation else None
    corrected_on = violation.corrected_date if violation else None
    late = corrected_on is not None and decision.date is not None and corrected_on > decision.date
    outcomes: list[tuple[str, list[str], list[str]]] = []
    for alt in alternatives:
        unmet: list[str] = []
        unknown: list[str] = []
        if alt == "first_offence":
            if prior is None:
                unknown.append("是否初次违法（此前同类违法次数未记载）")
            elif prior > 0:
                unmet.append(f"此前已有{prior}次同类违法，不属于初次违法")
            if harm is None:
                unknown.append("危害后果是否轻微")
            elif harm:
                unknown.append("已有的危害后果是否轻微")
        else:
            if harm is None:
                unknown.append("是否造成危害后果")
            elif harm:
                unmet.append("已造成危害后果")
        if corrected is False:
            unmet.append("未改正")
        elif corrected is None:
            unknown.append("是否及时改正")
        elif late:
            unmet.append(f"改正日期{corrected_on}晚于决定日{decision.date}，不属于及时改正")
        outcomes.append((alt, unmet, unknown))
    if any(not unmet and not unknown for _, unmet, unknown in outcomes):
        return ctx.passed()
    values = {
        "此前同类违法次数": prior if prior is not None else "未记载",
        "有危害后果": {True: "是", False: "否", None: "未记载"}[harm],
        "已改正": {True: "是", False: "否", None: "未记载"}[corrected],
        "改正日期": corrected_on or "未记载",
    }
    pointers = ("/violation", "/decision/discretion/circumstances")
    if all(unmet for _, unmet, _ in outcomes):
        detail = "；".join(
            f"{CIRCUMSTANCE_ZH[alt]}：{'、'.join(unmet)}" for alt, unmet, _ in outcomes
        )
        return ctx.fail(
            f"依据行政处罚法第三十三条第一款不予处罚，但不符合法定条件（{detail}）",
            *pointers,
            values=values,
        )
    missing = "；".join(
        f"{CIRCUMSTANCE_ZH[alt]}：{'、'.join(unknown)}"
        for alt, unmet, unknown in outcomes
        if not unmet
    )
    return ctx.needs_review(
        f"依据行政处罚法第三十三条第一款不予处罚，案卷未载明{missing}，请人工核实",
        *pointers,
        values=values,
    )


@rule(
    id="PEN-DISC-006",
    title="不予处罚的对当事人进行教育",
    category=CATEGORY,
    dimension="merits",
    basis=[f"{PL}第三十三条第三款"],
    deduction=1,
    recommendation="依法不予行政处罚的，应当对当事人进行教育，并将教育告诫、行政指导等情况记录在案。",
    applies_to=AppliesTo(kinds={"penalty"}, outcomes={"no_penalty"}),
    in_force_from=PL_2021,
    example="首违不罚案件，案卷无教育告诫书或其他教育记录。",
    notes="decision.education_recorded decides when the file gives it (true: pass; false: "
    "fail). When it is absent, the rule looks for a document whose title contains 教育, 告诫, "
    "行政指导, 提醒 or 约谈 (pass), else asks a reviewer — the education may be written into the "
    "no-penalty decision itself, which the model does not hold as text.",
)
def education_recorded(case: CaseFile, ctx: CheckContext) -> Finding:
    """A no-penalty case records educating the party (decision.education_recorded, or a
    document titled 教育告诫书 etc.)."""
    recorded = case.decision.education_recorded if case.decision else None
    if recorded is True:
        return ctx.passed()
    if recorded is False:
        return ctx.fail(
            "决定不予行政处罚，未对当事人进行教育",
            "/decision/education_recorded",
            values={"决定结果": OUTCOME_ZH["no_penalty"]},
        )
    for d in case.documents:
        title = d.title
        if title:
            for word in EDUCATION_WORDS:
                if word in title:
                    return ctx.passed()
    return ctx.needs_review(
        "决定不予行政处罚，案卷未见对当事人进行教育的记录（如教育告诫书、行政指导书），"
        "请核对不予行政处罚决定书是否载明教育内容",
        "/documents",
        values={"决定结果": OUTCOME_ZH["no_penalty"]},
    )


# ---------------------------------------------------------------------------------------------
# Benchmark and appropriateness
# ---------------------------------------------------------------------------------------------


@rule(
    id="PEN-DISC-007",
    title="援引行政处罚裁量基准",
    category=CATEGORY,
    dimension="merits",
    basis=[f"{PL}第三十四条", BENCHMARK_27],
    deduction=1,
    recommendation="行使行政处罚裁量权应当适用本机关（或上级机关）公布的行政处罚裁量基准，"
    "并在调查终结报告和处罚决定书中载明所适用的基准名称和条目。",
    applies_to=AppliesTo(kinds={"penalty"}, outcomes={"penalty"}),
    in_force_from=BENCHMARK_27_FROM,
    parameters=[BENCHMARK_REQUIRED],
    prepare=_benchmark_required,
    example="处罚依据规定罚款5万元以上10万元以下，决定书未载明适用的裁量基准。",
    notes="In force from 2022-07-29, the date of 国办发〔2022〕27号 (legal review §1.9): 行政处罚法"
    "第三十四条 only says agencies 可以 set benchmarks, so the duty to apply and state a "
    "benchmark comes from 27号, not from the Law. The date was checked second-hand (an "
    "annotated translation gives 'Date Issued 07-29-2022, Effective Date 07-29-2022'; "
    "summaries date its publication to August 2022); the official gov.cn page was not "
    "reachable. Its wording on stating the benchmark in the decision document could not be "
    "read (only summaries): unverified. Decisions before that date are not judged by this "
    "rule. Double deduction with PEN-DISC-001 is intended (legal review §3.9): 001 asks why "
    "this penalty (the reasons for the amount and level), 007 asks which published benchmark "
    "was applied — different omissions; either can be present without the other, and the two "
    "together (−3) stay well inside the category's 8 points. A decision that states both in "
    "one sentence (“依据《…裁量基准》第十二项从轻处罚，因…”) is entered with both fields "
    "filled. Applies when the decision exercised discretion: a fine with a recorded range whose "
    "minimum is below its maximum, or a recorded level or circumstances; a warning or the fixed "
    "small fine of the simple procedure with no range is not applicable. The parameter "
    "discretion.benchmark_required (default true; a boolean or a per-sector table with a "
    "'default' key) lets a standard drop the requirement where no benchmark has been published. "
    "Only the citation of a benchmark is checked (discretion.benchmark non-blank), not whether "
    "it is the right one or was followed (PEN-DISC-008). 国办发〔2022〕27号 asked every region "
    "and department to have benchmarks by the end of 2023; where none was published a standard "
    "turns the parameter off. Deduction 1 [R].",
)
def benchmark_cited(case: CaseFile, ctx: CheckContext) -> Finding:
    """Where the standard requires it, a decision that exercised discretion cites the agency's
    discretion benchmark (decision.discretion.benchmark)."""
    decision = case.decision
    assert decision is not None
    discretion = decision.discretion
    lo, hi = decision.penalty_range_min, decision.penalty_range_max
    fine = _case_fine(case, decision)
    ranged = fine is not None and lo is not None and hi is not None and lo < hi
    exercised = ranged or (
        discretion is not None and (discretion.level is not None or bool(discretion.circumstances))
    )
    if not exercised:
        return ctx.not_applicable("未记载处罚幅度、裁量阶次或情节，不涉及裁量基准的适用")
    table, required = ctx.prepared
    if table is not None:
        required = _by_sector(table, case.sector)
    if not required:
        return ctx.not_applicable("本评查标准不要求援引裁量基准")
    if discretion is not None and discretion.benchmark and discretion.benchmark.strip():
        return ctx.passed()
    return ctx.fail(
        f"处罚依据规定的罚款幅度为{_range(decision)}，"
        f"{'罚款' + _yuan(fine) + '，' if fine is not None else ''}决定书未载明适用的裁量基准",
        "/decision/discretion/benchmark",
        values={"处罚幅度": _range(decision), "裁量基准": "未记载"},
    )


@rule(
    id="PEN-DISC-008",
    title="裁量适当、过罚相当",
    category=CATEGORY,
    dimension="merits",
    basis=[f"{PL}第五条第二款", f"{PL}第三十四条"],
    deduction=2,
    manual=True,
    recommendation="行政处罚应当与违法行为的事实、性质、情节以及社会危害程度相当，同类案件裁量尺度"
    "应当一致，避免畸轻畸重。",
    applies_to=AppliesTo(
        kinds={"penalty"}, procedures={"general"}, outcomes={"penalty", "no_penalty"}
    ),
    example="违法所得320元、已当场改正，决定顶格罚款10万元，未说明理由。",
    notes="Manual rule (domain-standards §4.4: merits judgements need a person; the reviewer's "
    "judgement replaces the machine's needs_review). The finding lists what the machine saw: "
    "outcome, penalties, range, level, circumstances, benchmark, reasons, illegal gains and "
    "goods value, so that the reviewer can judge proportionality without reopening the file. "
    "Limited to the general procedure: simple-procedure penalties are warnings or small fixed "
    "fines (≤200 / ≤3,000 yuan) where review standards do not weigh discretion. Deduction 2 "
    "is only the default when a reviewer marks 'fail' without a figure.",
)
def discretion_appropriate(case: CaseFile, ctx: CheckContext) -> Finding:
    """Manual: is the penalty proportionate? Shows what the machine saw."""
    decision = case.decision
    assert decision is not None
    discretion = decision.discretion
    violation = case.violation
    parts = []
    for p in decision.penalties:
        name = PENALTY_TYPE_ZH[p.type]
        parts.append(name + _yuan(p.amount) if p.amount is not None else name)
    if discretion is None:
        level = circumstances = benchmark = reasons = "未记载"
    else:
        level = DISCRETION_LEVEL_ZH[discretion.level] if discretion.level else "未记载"
        circumstances = (
            _circumstances(discretion.circumstances) if discretion.circumstances else "未记载"
        )
        benchmark = discretion.benchmark or "未记载"
        reasons = (discretion.reasons or "未记载").rstrip("。")
    outcome = OUTCOME_ZH.get(decision.outcome or "", "未记载")
    penalties = "、".join(parts) or "无"
    range_ = _range(decision)
    values: dict[str, Any] = {
        "决定结果": outcome,
        "处罚内容": penalties,
        "处罚幅度": range_,
        "裁量阶次": level,
        "裁量情节": circumstances,
        "裁量基准": benchmark,
        "裁量理由": reasons,
    }
    if violation is not None:
        if violation.illegal_gains is not None:
            values["违法所得"] = _yuan(violation.illegal_gains)
        if violation.goods_value is not None:
            values["货值金额"] = _yuan(violation.goods_value)
    summary = "；".join(f"{k}：{v}" for k, v in values.items())
    return ctx.needs_review(
        f"裁量是否适当、过罚相当需人工判断。机器所见——{summary}",
        "/decision/discretion",
        "/decision/penalties",
        values=values,
    )


RULES = [
    reasons_stated,
    ground_cited,
    mandatory_mitigation_applied,
    reduction_matches_level,
    no_penalty_conditions,
    education_recorded,
    benchmark_cited,
    discretion_appropriate,
]


@hookimpl
def casefile_eval_rules() -> list:
    return RULES


@hookimpl
def casefile_eval_parameters() -> list[Parameter]:
    return [
        Parameter(
            name=BENCHMARK_REQUIRED,
            default=True,
            schema=PARAM_SCHEMA,
            description="行使裁量权的处罚决定是否必须载明所适用的行政处罚裁量基准；可按执法领域分别设置"
            "（以default为默认值）",
            basis=f"{PL}第三十四条；{BENCHMARK_27}",
        )
    ]
