"""Rubric plugin `subject` — 执法主体 of administrative penalty files.

Who may punish (power, jurisdiction, township transfer, entrustment), who acted (at least two
officers, each holding a valid enforcement certificate, showing it) and against whom (the party
punished is identified; whether it is the right party is a reviewer's call). Category
``subject`` (案件是否成立, 10 points in the default standard), except PEN-SUBJ-008 (showing
certificates), which domain-standards §3.1 scores under 执法程序 (category ``procedure``).

Recusal (回避, 行政处罚法第四十三条) is checked as far as the file records it: each
recusal on file decided by the agency head, and a recused officer not acting afterwards. Whether
an officer *should* have withdrawn (an undisclosed relationship to the party) is beyond the file.

Messages name documents by their printed title and 卷内页码, officers by name: the ids of the
data file (D03, O1, E2) mean nothing to the agency reading the notice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, NamedTuple

from casefile_eval.citations import Citation, parse_citations
from casefile_eval.model import Agency, CaseFile, Document, Officer, Party
from casefile_eval.model.vocab import (
    DOCUMENT_TYPE_ZH,
    MEASURE_TYPE_ZH,
    PARTY_ROLE_ZH,
    PARTY_TYPE_ZH,
    RECORD_TYPES,
    SECTOR_ZH,
)
from casefile_eval.plugins import AppliesTo, CheckContext, Finding, Parameter, hookimpl, rule

CATEGORY = "subject"
PENALTY = AppliesTo(kinds={"penalty"})
PL = "《中华人民共和国行政处罚法》"
PL_2017 = "《中华人民共和国行政处罚法》（2017年修正）"
PL_2021 = "2021-07-15"
#: Used only when the law registry in use has no 2021 edition of the Penalty Law.
PL_2021_FALLBACK = dt.date(2021, 7, 15)

SINGLE_OFFICER_SECTORS = "subject.single_officer_sectors"

#: Records of investigative acts in the narrow sense (调查、检查): 第五十五条 requires the officers
#: to show their certificates here. Statement and hearing records are made after the notice and
#: are not "investigation or inspection".
INVESTIGATIVE_TYPES: frozenset[str] = frozenset(
    {
        "inquiry_record",
        "inspection_record",
        "on_site_record",
        "sampling_record",
        "survey_record",
        "verification_record",
    }
)
#: Acts that need two officers: every 笔录 (vocab.RECORD_TYPES) except the hearing record, and the
#: on-the-spot decision (第四十二条 makes "two officers" a general rule in 2021, simple procedure
#: included). A hearing is presided over by a non-investigator the agency designates and recorded
#: by a clerk (第六十四条第（四）项、第（八）项); no provision asks two enforcement officers of it.
TWO_OFFICER_DOC_TYPES: frozenset[str] = (RECORD_TYPES - {"hearing_record"}) | {
    "on_the_spot_decision"
}
#: Before the 2021 Law only investigation and inspection needed two officers (2017
#: 第三十七条第一款); 2017 第三十四条 asked nothing of the kind for on-the-spot decisions, and a
#: statement record is not an investigation.
NOT_TWO_OFFICER_BEFORE_2021: frozenset[str] = frozenset(
    {"on_the_spot_decision", "statement_record"}
)
#: Documents PEN-SUBJ-008 checks: investigative records and on-the-spot decisions.
_SHOWN_TYPES: frozenset[str] = INVESTIGATIVE_TYPES | {"on_the_spot_decision"}
#: Acts whose officers must hold a certificate: the same acts (the hearing's presiding officer and
#: recorder are the agency's staff but not necessarily enforcement officers).
CERTIFIED_DOC_TYPES: frozenset[str] = TWO_OFFICER_DOC_TYPES
TOWNSHIP_NAME_ENDINGS: tuple[str, ...] = ("街道办事处", "乡人民政府", "镇人民政府")
COERCIVE_MEASURES: frozenset[str] = frozenset({"seal_up", "impound"})
SECTOR_CODES: list[str] = sorted(SECTOR_ZH)
#: Documents that only record the agency's own steps: the party they name is the addressee, not
#: evidence of who acted, so PEN-SUBJ-011 does not compare it.
_OWN_STEP_TYPES: frozenset[str] = frozenset({"file_cover", "file_index", "file_remarks"})


class _Act(NamedTuple):
    """One act done by officers, as the officer rules see it."""

    date: dt.date | None
    officers: tuple[str, ...]
    doc_type: str | None  # document type, None for measures, evidence and filing
    item: Any  # the Document or CompulsoryMeasure
    section: str  # of item, for the pointer
    fixed_label: str | None  # a measure's label; a document's is built only when reported


def _doc_name(doc: Document) -> str:
    """How a reviewer finds a document: its printed title (or type) and its page in the file."""
    name = doc.title or DOCUMENT_TYPE_ZH.get(doc.type, doc.type)
    return f"{name}（卷内第{doc.page_from}页）" if doc.page_from is not None else name


def _act_label(act: _Act) -> str:
    """询问笔录（卷内第4页）."""
    return act.fixed_label if act.fixed_label is not None else _doc_name(act.item)


def _act_pointer(case: CaseFile, act: _Act) -> str:
    """Pointer of the act's officers list."""
    return case.pointer(act.section, act.item.id, "officers")


def _acts(case: CaseFile) -> tuple[_Act, ...]:
    """Every act the officer rules look at, computed once per case. Labels and pointers are
    left to the failing path: most acts pass."""
    cached = case.derived.get("subject.acts")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    acts: list[_Act] = []
    for d in case.documents:
        if d.type in TWO_OFFICER_DOC_TYPES:
            day = d.date or (d.start_time.date() if d.start_time else None)
            acts.append(_Act(day, d.officers, d.type, d, "documents", None))
    for m in case.compulsory_measures:
        day = m.date or (m.time.date() if m.time else None)
        acts.append(_Act(day, m.officers, None, m, "compulsory_measures", MEASURE_TYPE_ZH[m.type]))
    result = tuple(acts)
    case.derived["subject.acts"] = result
    return result


@lru_cache(maxsize=4096)
def _articles(text: str) -> tuple[Citation, ...]:
    """Citations with an article in a power-basis string; agencies repeat the same strings in
    every file, so parsing is cached."""
    return tuple(c for c in parse_citations(text) if c.article is not None)


@lru_cache(maxsize=4096)
def _cited_laws(power_basis: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(citation as printed, its instrument) for each article a power basis cites; agencies
    repeat the same few power bases in every file."""
    return tuple((c.format(), c.law) for text in power_basis for c in _articles(text))


def _new_law_from(ctx: CheckContext) -> dt.date:
    """First day of the 2021 Penalty Law per the context's law registry."""
    return ctx.laws.edition_start("行政处罚法", 2021) or PL_2021_FALLBACK


def _officer_label(case: CaseFile, officer_id: str) -> str:
    officer = case.officer(officer_id)
    return officer.name if officer else "（未列入执法人员名单）"


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else "日期未记载"


# ---------------------------------------------------------------------------------------------
# Power, jurisdiction, township transfer
# ---------------------------------------------------------------------------------------------


@rule(
    id="PEN-SUBJ-001",
    title="执法机关具有法定行政处罚职权",
    category=CATEGORY,
    dimension="merits",
    basis=[
        f"{PL}第十七条",
        f"{PL}第十八条",
        f"{PL}第十九条",
        f"{PL}第三十八条第一款",
    ],
    deduction=10,
    veto=True,
    recommendation="作出行政处罚的机关应当在法定职权范围内实施处罚，并在案卷中载明其职权依据；"
    "不具有行政主体资格或者超越职权作出的行政处罚无效，应当依法撤销或者确认无效。",
    applies_to=PENALTY,
    example="案卷未载明执法机关的职权依据，无法确认其对该违法行为具有行政处罚权。",
    notes="A machine cannot decide whether a cited provision really confers the power, so the "
    "rule passes when the file states a power basis that parses to a provision and the cited "
    "instrument was in force on the decision date, and otherwise asks a person (needs_review). "
    "It never fails on its own; a reviewer's 'fail' is a veto (domain-standards §3.1: no penalty "
    "power / beyond powers is a veto in Henan, Zhejiang, 株洲, 测绘). Township power is "
    "PEN-SUBJ-003, entrustment PEN-SUBJ-004.",
)
def agency_has_power(case: CaseFile, ctx: CheckContext) -> Finding:
    """The file states the provisions giving the agency its penalty power (agency.power_basis),
    they cite at least an article, and the cited instruments were in force on the decision
    date."""
    agency = case.agency
    if not agency.power_basis:
        return ctx.needs_review(
            f"案卷未载明{agency.name}的职权依据，请人工核实该机关对本案违法行为是否具有行政处罚权",
            "/agency/power_basis",
            values={"执法机关": agency.name},
        )
    specific = _cited_laws(tuple(agency.power_basis))  # a key for the cache
    if not specific:
        return ctx.needs_review(
            f"职权依据“{'；'.join(agency.power_basis)}”未引用到具体条文，请人工核实职权",
            "/agency/power_basis",
            values={"职权依据": list(agency.power_basis)},
        )
    day = case.decision.date if case.decision else None
    if day is not None:
        lapsed = sorted(
            {text for text, law in specific if ctx.laws.was_in_force(law, day) is False}
        )
        if lapsed:
            return ctx.needs_review(
                f"职权依据{'、'.join(lapsed)}所属法律规范在决定日{day.isoformat()}"
                "不在施行期内，请人工核实作出处罚时的职权依据",
                "/agency/power_basis",
                "/decision/date",
                values={"职权依据": lapsed, "决定日": day},
            )
    return ctx.passed()


@rule(
    id="PEN-SUBJ-002",
    title="案件属于本机关管辖",
    category=CATEGORY,
    dimension="merits",
    basis=[f"{PL}第二十二条", f"{PL}第二十三条", f"{PL}第二十五条"],
    deduction=10,
    veto=True,
    recommendation="立案前应当审查地域管辖和级别管辖；不属于本机关管辖的，应当移送有管辖权的机关，"
    "并在案卷中载明确定管辖的事实（违法行为发生地、指定管辖文书等）。",
    applies_to=PENALTY,
    example="案卷未载明违法行为发生地与执法机关辖区的关系，无法确认地域管辖。",
    notes="Jurisdiction turns on facts a machine cannot weigh (place of the act or of its "
    "result, designation by a higher agency, level rules of the sector). The rule passes only "
    "when the file records what establishes jurisdiction (agency.jurisdiction_confirmed = true) "
    "and otherwise asks a person, showing the place of the violation and the agency's region. "
    "It never fails on its own; a reviewer's 'fail' is a veto (domain-standards §3.1).",
)
def jurisdiction_established(case: CaseFile, ctx: CheckContext) -> Finding:
    """The file records what establishes territorial and level jurisdiction
    (agency.jurisdiction_confirmed); otherwise a person decides."""
    agency = case.agency
    if agency.jurisdiction_confirmed:
        return ctx.passed()
    place = case.violation.place if case.violation else None
    values = {
        "执法机关": agency.name,
        "执法机关所在行政区划": agency.region or "未记载",
        "违法行为发生地": place or "未记载",
    }
    said = (
        "案卷未载明确定管辖的事实" if agency.jurisdiction_confirmed is False else "案卷未说明管辖"
    )
    return ctx.needs_review(
        f"{said}（违法行为发生地：{values['违法行为发生地']}；"
        f"执法机关辖区：{values['执法机关所在行政区划']}），请人工核实地域管辖和级别管辖",
        "/agency/jurisdiction_confirmed",
        "/violation/place",
        values=values,
    )


def _is_township(agency: Agency) -> bool:
    if agency.level is not None:
        return agency.level == "township"
    return agency.name.endswith(TOWNSHIP_NAME_ENDINGS)


@rule(
    id="PEN-SUBJ-003",
    title="乡镇人民政府、街道办事处实施行政处罚有赋权依据",
    category=CATEGORY,
    dimension="merits",
    basis=[f"{PL}第二十四条第一款", f"{PL}第三十八条第一款"],
    deduction=10,
    veto=True,
    recommendation="乡镇人民政府、街道办事处只能行使省、自治区、直辖市依法决定交由其行使并已公布的"
    "行政处罚权（或者法律直接赋予的处罚权），案卷应当载明赋权决定的名称和文号。",
    applies_to=PENALTY,
    in_force_from=PL_2021,
    example="某街道办事处以自己名义作出罚款决定，案卷未载明省级赋权决定，也未载明法律依据。",
    notes="Township = agency.level 'township', or, when the level is not recorded, a name ending "
    "in 街道办事处 / 乡人民政府 / 镇人民政府. A township with no transfer decision but with a "
    "stated power basis goes to a person: some laws give townships penalty power directly (e.g. "
    "《中华人民共和国城乡规划法》第六十五条), which the machine cannot tell from other citations. "
    "With neither, the file shows no power at all: fail, veto. Whether the transfer decision was "
    "published is taken from the field's definition (a published decision); the model has no "
    "separate flag. 第二十四条 is new in the 2021 Law (in_force_from 2021-07-15).",
)
def township_has_transfer(case: CaseFile, ctx: CheckContext) -> Finding:
    """A township or street office that punished holds a published provincial transfer decision
    (agency.township_transfer_decision) or a stated power basis (then a person checks it)."""
    agency = case.agency
    if not _is_township(agency):
        return ctx.not_applicable("执法机关不是乡镇人民政府或街道办事处")
    if agency.township_transfer_decision:
        return ctx.passed()
    if agency.power_basis:
        return ctx.needs_review(
            f"{agency.name}为乡镇、街道，案卷未载明省级赋权决定；所引职权依据"
            f"“{'；'.join(agency.power_basis)}”是否直接赋予乡镇、街道处罚权，请人工核实",
            "/agency/township_transfer_decision",
            "/agency/power_basis",
            values={"执法机关": agency.name, "职权依据": list(agency.power_basis)},
        )
    return ctx.fail(
        f"{agency.name}为乡镇、街道，案卷既未载明省、自治区、直辖市交由其行使行政处罚权的决定，"
        "也未载明其他职权依据",
        "/agency/township_transfer_decision",
        "/agency/power_basis",
        values={"执法机关": agency.name, "赋权决定": "未记载", "职权依据": "未记载"},
    )


# ---------------------------------------------------------------------------------------------
# Entrustment
# ---------------------------------------------------------------------------------------------


def _same_name(a: str, b: str) -> bool:
    # Names are compared as printed; only whitespace is ignored.
    return "".join(a.split()) == "".join(b.split())


@rule(
    id="PEN-SUBJ-004",
    title="受委托组织依法受托并以委托机关名义实施行政处罚",
    category=CATEGORY,
    dimension="merits",
    basis=[
        f"{PL}第二十条第一款",
        f"{PL}第二十条第四款",
        f"{PL}第七十六条第一款第（四）项",
        "《中华人民共和国行政强制法》第十七条第一款",
    ],
    deduction=10,
    veto=True,
    recommendation="受委托组织应当在书面委托的范围和期限内，以委托行政机关的名义实施行政处罚，"
    "处罚决定书应当以委托机关名义作出并加盖委托机关印章；行政强制措施权不得委托。",
    applies_to=PENALTY,
    example="某执法大队受区市场监管局委托执法，处罚决定书却以执法大队名义作出。",
    notes="Applies only when agency.subject_type is 'entrusted'. Fails (veto: unlawful "
    "entrustment / not acting in the entrusting agency's name is a veto in Henan, Zhejiang and "
    "株洲, domain-standards §1.2–1.4, §3.1) when there is no written entrustment (no 委托书 "
    "number and no entrustment_letter document), when the decision is issued in a name other "
    "than the entrusting agency's, when the filing or decision date lies outside the entrustment "
    "term, or when the entrusted body sealed up or impounded property (行政强制法第十七条第一款: "
    "the power of coercive measures may not be entrusted; 先行登记保存 is an evidence measure "
    "of the Penalty Law and is not counted). Missing entrusting agency, issuing name or term: "
    "needs review. Whether the case falls within the entrusted matters is free text and left to a "
    "person. Publication and contents of the 委托书 are PEN-SUBJ-005 (a deduction, not a veto). "
    "Basis (text of the 2021 Law re-read): 第二十条第一款 (written entrustment within the organ's "
    "powers), 第二十条第四款 (the entrusted body acts within the entrustment and in the "
    "entrusting organ's name), 第七十六条第一款第（四）项 (breaching 第二十条 on entrustment is a "
    "liability ground). 第二十条第三款 (the entrusting organ supervises and answers for the "
    "result) was cited before by mistake and is dropped: it states no duty a file can break. "
    "Before 2021-07-15 the same rules were 2017 第十八条 (written form new in 2021).",
)
def entrusted_acts_in_entrusting_name(case: CaseFile, ctx: CheckContext) -> Finding:
    """An entrusted organisation acted under a written entrustment, within its term, in the
    entrusting agency's name, and imposed no coercive measure."""
    agency = case.agency
    if agency.subject_type != "entrusted":
        return ctx.not_applicable("执法主体不是受委托组织")
    entrustment = agency.entrustment
    letters = case.documents_of("entrustment_letter")
    if entrustment is None:
        if letters:
            return ctx.needs_review(
                "案卷附有行政执法委托书，但未录入委托机关、委托期限等内容，请人工核对",
                case.pointer("documents", letters[0].id),
                "/agency/entrustment",
            )
        return ctx.fail(
            f"{agency.name}为受委托组织，案卷未附书面委托书，无法证明依法受托",
            "/agency/entrustment",
            values={"受委托组织": agency.name, "委托书": "未见"},
        )
    problems: list[str] = []
    unknown: list[str] = []
    pointers: list[str] = ["/agency/entrustment"]
    values: dict[str, object] = {"受委托组织": agency.name}
    if not entrustment.document_no and not letters:
        problems.append("未见书面委托书（无委托书文号，卷内无委托书）")
    entrusting = entrustment.entrusting_agency
    values["委托机关"] = entrusting or "未记载"
    decision = case.decision
    issuer = decision.issuing_agency_name if decision else None
    values["决定书署名机关"] = issuer or "未记载"
    if issuer is None:
        unknown.append("决定书署名机关未记载")
    elif _same_name(issuer, agency.name) or (entrusting and not _same_name(issuer, entrusting)):
        problems.append(
            f"处罚决定书以“{issuer}”名义作出，未以委托机关“{entrusting or '（未记载）'}”名义作出"
        )
        pointers.append("/decision/issuing_agency_name")
    elif entrusting is None:
        unknown.append("委托书未记载委托机关")
    start, end = entrustment.term_start, entrustment.term_end
    first = case.filing.date if case.filing and case.filing.date else None
    last = decision.date if decision else None
    values["委托期限"] = f"{_day(start)}至{_day(end)}"
    if start is None and end is None:
        unknown.append("委托书未记载委托期限")
    else:
        if start is not None and first is not None and first < start:
            problems.append(f"立案日{first.isoformat()}早于委托期限起始日{start.isoformat()}")
            pointers.append("/filing/date")
        if end is not None and last is not None and last > end:
            problems.append(f"决定日{last.isoformat()}晚于委托期限届满日{end.isoformat()}")
            pointers.append("/decision/date")
    coercive = [m for m in case.compulsory_measures if m.type in COERCIVE_MEASURES]
    if coercive:
        names = "、".join(f"{MEASURE_TYPE_ZH[m.type]}（{_day(m.date)}）" for m in coercive)
        problems.append(f"受委托组织实施了{names}，行政强制措施权不得委托")
        pointers.extend(case.pointer("compulsory_measures", m.id) for m in coercive)
    if problems:
        return ctx.fail(
            "受委托组织实施处罚不合法：" + "；".join(problems), *pointers, values=values
        )
    if unknown:
        return ctx.needs_review(
            "；".join(unknown) + "，无法确认受委托组织是否在委托期限内以委托机关名义实施处罚",
            *pointers,
            values=values,
        )
    return ctx.passed()


@rule(
    id="PEN-SUBJ-005",
    title="委托书载明委托事项、权限和期限并向社会公布",
    category=CATEGORY,
    dimension="merits",
    basis=[f"{PL}第二十条第二款"],
    deduction=2,
    recommendation="委托书应当载明委托的具体事项、权限、期限等内容，委托行政机关和受托组织应当将"
    "委托书向社会公布。",
    applies_to=PENALTY,
    in_force_from=PL_2021,
    example="委托书未载明委托期限，也无向社会公布的记录。",
    notes="Publication and contents of the 委托书 are new in the 2021 Law (第二十条第二款; "
    "in_force_from 2021-07-15). No source scores this defect; the deduction of 2 is a proposal "
    "[R] and it is deliberately not a veto: the entrustment itself stays lawful "
    "(PEN-SUBJ-004 decides that). published = null → needs review.",
)
def entrustment_published(case: CaseFile, ctx: CheckContext) -> Finding:
    """The entrustment states the matters, powers and term and was published."""
    agency = case.agency
    if agency.subject_type != "entrusted":
        return ctx.not_applicable("执法主体不是受委托组织")
    entrustment = agency.entrustment
    if entrustment is None:
        return ctx.not_applicable("案卷未录入委托书内容（由PEN-SUBJ-004判断委托是否合法）")
    problems: list[str] = []
    if not entrustment.matters:
        problems.append("未载明委托事项和权限")
    if entrustment.term_start is None and entrustment.term_end is None:
        problems.append("未载明委托期限")
    if entrustment.published is False:
        problems.append("未向社会公布")
    values = {
        "委托书文号": entrustment.document_no or "未记载",
        "委托事项和权限": entrustment.matters or "未记载",
        "是否公布": {True: "是", False: "否", None: "未记载"}[entrustment.published],
    }
    if problems:
        return ctx.fail("委托书" + "、".join(problems), "/agency/entrustment", values=values)
    if entrustment.published is None:
        return ctx.needs_review(
            "案卷未记载委托书是否向社会公布", "/agency/entrustment/published", values=values
        )
    return ctx.passed()


# ---------------------------------------------------------------------------------------------
# Officers
# ---------------------------------------------------------------------------------------------


@rule(
    id="PEN-SUBJ-006",
    title="调查取证等执法活动执法人员不少于两人",
    category=CATEGORY,
    dimension="merits",
    basis=[
        f"{PL}第四十二条第一款",
        f"{PL}第五十五条第一款",
        f"{PL_2017}第三十七条第一款",
        "《中华人民共和国行政强制法》第十八条第（二）项",
    ],
    deduction=2,
    veto=True,
    recommendation="调查取证、检查、实施先行登记保存或查封扣押以及当场作出处罚时，执法人员不得少于两人，"
    "笔录应当由两名以上执法人员签名；法律另有规定的除外。",
    applies_to=PENALTY,
    parameters=[SINGLE_OFFICER_SECTORS],
    example="询问笔录（卷内第4页）仅有一名执法人员签名。",
    notes="Acts checked: every record of the types in vocab.RECORD_TYPES except the hearing "
    "record (询问、检查、现场、抽样、勘验、核查笔录 and the 陈述申辩笔录), every on-the-spot "
    "decision, and every compulsory measure (先行登记保存, 查封, 扣押). The hearing record is "
    "left out: "
    "第六十四条 has the hearing presided over by a non-investigator the agency designates and "
    "recorded in a 笔录 the party signs, with no two-officer rule (legal review §2.4). Before the "
    "2021 Law's in-force date (read from ctx.laws, as the procedure plugin does; fallback "
    "2021-07-15) only investigation and inspection needed two officers (2017 第三十七条第一款; "
    "2017 第三十四条 on on-the-spot decisions has no such rule), so on-the-spot decisions and "
    "statement records dated earlier are not judged (the act's own date, else the decision "
    "date; no date at all: judged by the 2021 Law). One fail per act with fewer than two "
    "distinct officers; an act whose officer list is empty is 'not recorded' (the model cannot "
    "tell an absent list from an empty one) and goes to a person. Veto by default: "
    "domain-standards §3.1 lists 'fewer than two officers' as a default veto (测绘); 四川建设 "
    "deducts 2 for a missing second signature, which is the deduction a standard gets when it "
    "sets veto = false for this rule. On-the-spot decisions in the sectors of the parameter "
    "subject.single_officer_sectors (default: public security, where traffic police may act "
    "alone under 《中华人民共和国道路交通安全法》第一百零七条 and its implementing rules — "
    "第四十二条 '法律另有规定的除外') go to a person instead of failing. PEN-EVID-004 leaves "
    "records with fewer than two signing officers to this rule, so the defect is scored once.",
)
def two_officers(case: CaseFile, ctx: CheckContext) -> list[Finding]:
    """Every investigative act and record, on-the-spot decision and compulsory measure was done by
    at least two officers (on-the-spot decisions and statement records only under the 2021
    Law)."""
    findings: list[Finding] = []
    unrecorded: list[_Act] = []
    lenient_sectors = ctx.param(SINGLE_OFFICER_SECTORS)
    decided = case.decision.date if case.decision else None
    for act in _acts(case):
        count = len(set(act.officers))
        if count >= 2:
            continue
        if act.doc_type in NOT_TWO_OFFICER_BEFORE_2021:
            day = act.date or decided
            if day is not None and day < _new_law_from(ctx):
                continue
        if count == 0:
            unrecorded.append(act)
            continue
        who = _officer_label(case, act.officers[0])
        label = _act_label(act)
        if act.doc_type == "on_the_spot_decision" and case.sector in lenient_sectors:
            findings.append(
                ctx.needs_review(
                    f"{label}（{_day(act.date)}）仅有执法人员{who}一人；"
                    f"{SECTOR_ZH.get(case.sector or '', case.sector)}领域法律允许一人当场处罚的，"
                    "请人工核实所依据的法律规定",
                    _act_pointer(case, act),
                    values={"执法活动": label, "执法人员": [who]},
                )
            )
            continue
        findings.append(
            ctx.fail(
                f"{label}（{_day(act.date)}）仅有执法人员{who}一人，执法人员不得少于两人",
                _act_pointer(case, act),
                values={"执法活动": label, "日期": _day(act.date), "执法人员": [who]},
            )
        )
    if unrecorded:
        labels = [_act_label(a) for a in unrecorded]
        findings.append(
            ctx.needs_review(
                f"{'、'.join(labels)}未记载执法人员，无法核实是否不少于两人",
                *(_act_pointer(case, a) for a in unrecorded),
                values={"未记载执法人员的执法活动": labels},
            )
        )
    if not findings:
        if not _acts(case):
            return [ctx.not_applicable("案卷无笔录、当场处罚决定书或强制措施记录")]
        return [ctx.passed()]
    return findings


def _certified_acts(case: CaseFile) -> dict[str, list[tuple[str, dt.date | None]]]:
    """Officer id -> (act label, act date) for every act that needs a certified officer."""
    by_officer: dict[str, list[tuple[str, dt.date | None]]] = {}

    def add(ids: Iterable[str], label: str, day: dt.date | None) -> None:
        for officer_id in dict.fromkeys(ids):
            by_officer.setdefault(officer_id, []).append((label, day))

    for act in _acts(case):
        if act.doc_type is None or act.doc_type in CERTIFIED_DOC_TYPES:
            add(act.officers, _act_label(act), act.date)
    for e in case.evidence:
        if e.collectors:
            add(e.collectors, f"收集证据“{e.name}”", e.collected_date)
    if case.filing and case.filing.assigned_officers:
        add(case.filing.assigned_officers, "立案指定办案人员", case.filing.date)
    return by_officer


def _all_certified(case: CaseFile) -> bool:
    """A sufficient test that PEN-SUBJ-007 passes, without the labels of :func:`_certified_acts`:
    some officer acted, every act with officers is dated, and every acting officer has a
    certificate number and a recorded validity covering the span from the earliest to the latest
    act of the case. False does not mean a defect: the rule then runs in full."""
    officer_ids: set[str] = set()
    days: list[dt.date] = []
    for act in _acts(case):
        if act.officers and (act.doc_type is None or act.doc_type in CERTIFIED_DOC_TYPES):
            if act.date is None:
                return False
            officer_ids.update(act.officers)
            days.append(act.date)
    for e in case.evidence:
        if e.collectors:
            if e.collected_date is None:
                return False
            officer_ids.update(e.collectors)
            days.append(e.collected_date)
    filing = case.filing
    if filing and filing.assigned_officers:
        if filing.date is None:
            return False
        officer_ids.update(filing.assigned_officers)
        days.append(filing.date)
    if not officer_ids:
        return False
    first, last = min(days), max(days)
    for officer_id in officer_ids:
        officer = case.officer(officer_id)
        if officer is None or not officer.certificate_no:
            return False
        start, end = officer.certificate_valid_from, officer.certificate_valid_until
        if start is None and end is None:
            return False
        if (start is not None and first < start) or (end is not None and end < last):
            return False
    return True


def _valid_on(officer: Officer, day: dt.date) -> bool:
    start, end = officer.certificate_valid_from, officer.certificate_valid_until
    return (start is None or start <= day) and (end is None or day <= end)


@rule(
    id="PEN-SUBJ-007",
    title="执法人员具有行政执法资格且执法证件在有效期内",
    category=CATEGORY,
    dimension="merits",
    basis=[
        f"{PL}第四十二条第一款",
        f"{PL}第五十五条第一款",
        f"{PL}第七十六条第一款第（五）项",
    ],
    deduction=2,
    veto=True,
    recommendation="行政处罚应当由具有行政执法资格的执法人员实施；执法人员应当持有有效的行政执法证件，"
    "笔录和文书应当载明执法证件号码，证件过期或被注销的人员不得从事执法活动。",
    applies_to=PENALTY,
    example="执法人员刘婷的执法证有效期至2024-12-31，2025-03-03仍参与现场检查。",
    notes="Officers who acted: those on the records and on-the-spot decisions of PEN-SUBJ-006 "
    "(hearing records excepted: the presiding officer and recorder need not be enforcement "
    "officers), on compulsory measures, the collectors of evidence and the officers designated "
    "at filing. Legal reviewers, agency heads and members of the collective discussion are not "
    "'acting officers' and are not checked. Fail when an acting officer has no certificate "
    "number, or when an act date falls outside the recorded validity. Validity not recorded at "
    "all, or an undated act by an officer whose certificate has a bounded validity: needs "
    "review. Veto by default (domain-standards §3.5 officer_without_certificate = veto: Henan, "
    "Zhejiang, 测绘). 株洲 deducts 2 instead; a standard following 株洲 selects this rule with "
    "veto = false — the rule's deduction of 2 then applies. That switch is a standard item "
    "setting, not a plugin parameter, because it changes scoring, not what the check finds.",
)
def officers_certified(case: CaseFile, ctx: CheckContext) -> list[Finding]:
    """Every officer who acted has an enforcement certificate number, valid on each act's date."""
    if _all_certified(case):
        return [ctx.passed()]
    acts = _certified_acts(case)
    if not acts:
        return [ctx.not_applicable("案卷未记载参与执法活动的执法人员")]
    findings: list[Finding] = []
    review: list[str] = []
    review_pointers: list[str] = []
    for officer_id, done in acts.items():
        officer = case.officer(officer_id)
        if officer is None:  # the loader rejects dangling ids; kept for dict-built cases
            review.append("有签名的执法人员未列入案卷执法人员名单")
            continue
        start, end = officer.certificate_valid_from, officer.certificate_valid_until
        if (
            officer.certificate_no
            and (start is not None or end is not None)
            and all(day is not None and _valid_on(officer, day) for _, day in done)
        ):
            continue  # the common case: build no message
        who = officer.name
        pointer = case.pointer("officers", officer_id)
        if not officer.certificate_no:
            first = "、".join(f"{label}（{_day(day)}）" for label, day in done[:3])
            more = f"等{len(done)}项执法活动" if len(done) > 3 else ""
            findings.append(
                ctx.fail(
                    f"执法人员{who}未记载执法证件号码，无法证明具有行政执法资格，"
                    f"其参与了{first}{more}",
                    pointer + "/certificate_no",
                    values={"执法人员": who, "执法证号": "未记载", "参与的执法活动": len(done)},
                )
            )
            continue
        if start is None and end is None:
            review.append(f"{who}（执法证号{officer.certificate_no}）的证件有效期未记载")
            review_pointers.append(pointer)
            continue
        outside = [
            (label, day) for label, day in done if day is not None and not _valid_on(officer, day)
        ]
        if outside:
            listed = "、".join(f"{label}（{day.isoformat()}）" for label, day in outside[:3])
            findings.append(
                ctx.fail(
                    f"执法人员{who}的执法证（{officer.certificate_no}）有效期为{_day(start)}至"
                    f"{_day(end)}，{listed}{'等' if len(outside) > 3 else ''}不在有效期内",
                    pointer + "/certificate_valid_until",
                    values={
                        "执法人员": who,
                        "执法证号": officer.certificate_no,
                        "有效期起": _day(start),
                        "有效期止": _day(end),
                        "有效期外的执法活动": [
                            f"{label} {day.isoformat()}" for label, day in outside
                        ],
                    },
                )
            )
            continue
        undated = [label for label, day in done if day is None]
        if undated:
            review.append(f"{who}参与的{'、'.join(undated)}未记载日期，无法核对证件有效期")
            review_pointers.append(pointer)
    if review:
        findings.append(
            ctx.needs_review(
                "；".join(review) + "，请核对行政执法证件管理系统",
                *review_pointers,
                values={"待核实": review},
            )
        )
    return findings or [ctx.passed()]


@rule(
    id="PEN-SUBJ-008",
    title="调查检查和当场处罚时出示执法证件",
    category="procedure",
    dimension="quality",
    basis=[f"{PL}第五十二条第一款", f"{PL}第五十五条第一款"],
    deduction=1,
    recommendation="执法人员在调查、检查和当场作出处罚时应当主动向当事人或者有关人员出示执法证件，"
    "并在笔录中记明出示情况。",
    applies_to=PENALTY,
    example="现场检查笔录（卷内第2页）记载执法人员未出示执法证件。",
    notes="Scored under 执法程序 (category procedure, dimension quality): domain-standards §3.1 "
    "lists '2 officers, credentials shown' under 执法程序, and showing the certificate is a step "
    "of the procedure, not a condition of the agency's power (legal review §1.7). The id keeps "
    "its PEN-SUBJ prefix because ids are permanent; the procedure plugin does not check "
    "certificates_shown, so nothing is scored twice. Checked on the records of investigation "
    "and inspection (询问、检查、现场、抽样、勘验、核查笔录) and on on-the-spot decisions. "
    "certificates_shown = false fails (one finding per record). "
    "An on-the-spot decision that does not say is accepted when a record of the same day says "
    "the certificates were shown (the decision is made at the end of that act); a record that "
    "does not say goes to a person. Not a veto: the Law lets the party refuse an investigation "
    "without certificates, but no standard found treats the omission as a veto; 内蒙古 lists "
    "未亮证 among typical defects (domain-standards §5.4). The deduction of 1 is a proposal [R].",
)
def certificates_shown(case: CaseFile, ctx: CheckContext) -> list[Finding]:
    """Officers showed their certificates on every investigative record and on-the-spot
    decision (documents[].certificates_shown)."""
    relevant = [d for d in case.documents if d.type in _SHOWN_TYPES]
    if not relevant:
        return [ctx.not_applicable("案卷无调查、检查笔录或当场处罚决定书")]
    shown_days: set[dt.date] | None = None  # only an undocumented on-the-spot decision asks
    findings: list[Finding] = []
    unknown: list[str] = []
    unknown_pointers: list[str] = []
    for d in relevant:
        shown = d.certificates_shown
        if shown is False:
            label = _doc_name(d)
            findings.append(
                ctx.fail(
                    f"{label}（{_day(d.date)}）记载执法人员未出示执法证件",
                    case.pointer("documents", d.id, "certificates_shown"),
                    values={"文书": label, "日期": _day(d.date), "出示执法证件": "否"},
                )
            )
        elif shown is None:
            if d.type == "on_the_spot_decision":
                if shown_days is None:
                    shown_days = {
                        r.date
                        for r in relevant
                        if r.certificates_shown
                        and r.type in INVESTIGATIVE_TYPES
                        and r.date is not None
                    }
                if d.date in shown_days:
                    continue
            unknown.append(_doc_name(d))
            unknown_pointers.append(case.pointer("documents", d.id, "certificates_shown"))
    if unknown:
        findings.append(
            ctx.needs_review(
                f"{'、'.join(unknown)}未记载执法人员是否出示执法证件",
                *unknown_pointers,
                values={"未记载出示情况的文书": unknown},
            )
        )
    return findings or [ctx.passed()]


# ---------------------------------------------------------------------------------------------
# The party punished
# ---------------------------------------------------------------------------------------------


def _identifier(party: Party) -> str | None:
    if party.type == "natural_person":
        return party.id_number
    return party.credit_code or party.id_number


@rule(
    id="PEN-SUBJ-009",
    title="被处罚当事人身份明确",
    category=CATEGORY,
    dimension="merits",
    basis=[
        f"{PL}第四十条",
        f"{PL}第五十九条第一款第（一）项",
    ],
    deduction=1,
    recommendation="应当核实当事人身份，在案卷和决定书中载明当事人的姓名或名称及公民身份号码、"
    "统一社会信用代码等身份信息，确保处罚对象准确。",
    applies_to=PENALTY,
    example="当事人为法人，案卷未记载统一社会信用代码。",
    notes="A machine cannot tell a wrong party (a veto in Henan, Zhejiang, 株洲) from a right one "
    "— that is the manual rule PEN-SUBJ-011; this rule checks only that each party punished "
    "(role 'party') is identified by an identifier (resident ID number for natural persons, "
    "unified social credit code — or another registration number — for organisations). "
    "Whether the identity proof was collected is the "
    "evidence rule PEN-EVID-010 (株洲 scores it under 证据), so it is not deducted twice. Zhejiang "
    "deducts 10 for a mis-identified party whose outcome is unaffected, which needs a person. "
    "Not a veto.",
)
def party_identified(case: CaseFile, ctx: CheckContext) -> list[Finding]:
    """Each party punished is identified by an ID number or registration code."""
    punished = [p for p in case.parties if p.role == "party"]
    if not punished:
        return [ctx.not_applicable("案卷未列明被处罚当事人")]
    findings: list[Finding] = []
    for party in punished:
        if _identifier(party) is not None:
            continue
        missing = (
            "未记载身份证件号码"
            if party.type == "natural_person"
            else "未记载统一社会信用代码或登记证号"
        )
        findings.append(
            ctx.fail(
                f"当事人{party.name}（{PARTY_TYPE_ZH[party.type]}）{missing}",
                case.pointer("parties", party.id),
                values={"当事人": party.name, "当事人类型": PARTY_TYPE_ZH[party.type]},
            )
        )
    return findings or [ctx.passed()]


@rule(
    id="PEN-SUBJ-010",
    title="回避申请由行政机关负责人决定，决定回避的执法人员不再参与办案",
    category=CATEGORY,
    dimension="merits",
    basis=[f"{PL}第四十三条第一款至第三款"],
    deduction=2,
    recommendation="当事人申请回避或执法人员自行回避的，应当由行政机关负责人及时作出决定并记录在案；"
    "决定回避的执法人员不得继续参与调查取证等办案活动。",
    applies_to=PENALTY,
    in_force_from=PL_2021,
    example="当事人申请执法人员张某回避，案卷无负责人决定；张某此后仍参与询问并在笔录上签名。",
    notes="Only recusals recorded in the file are checked. Before 2021-07-15 the Law had no "
    "application procedure (2017 第三十七条第三款), hence in_force_from. A recusal decided by an "
    "officer not marked as agency head (is_agency_head or role agency_head) fails.",
)
def recusal_handled(case: CaseFile, ctx: CheckContext) -> list[Finding] | Finding:
    """Each recusal on file was decided by the agency head, and an officer whose recusal was
    granted signed no record or document dated after the decision."""
    if not case.recusals:
        return ctx.not_applicable("案卷未记载回避申请")
    findings: list[Finding] = []
    for i, recusal in enumerate(case.recusals):
        officer = case.officer(recusal.officer)
        name = officer.name if officer else recusal.officer
        head = case.officer(recusal.decided_by)
        is_head = head is not None and (head.is_agency_head or "agency_head" in head.roles)
        if recusal.decision_date is None or not is_head:
            findings.append(
                ctx.fail(
                    f"对执法人员{name}的回避申请未见行政机关负责人作出的决定",
                    f"/recusals/{i}/decided_by",
                    f"/recusals/{i}/decision_date",
                )
            )
            continue
        if not recusal.granted:
            continue
        later = [
            d
            for d in case.documents
            if recusal.officer in d.officers and d.date and d.date > recusal.decision_date
        ]
        if later:
            labels = "、".join(f"{_doc_name(d)}（{d.date}）" for d in later)
            findings.append(
                ctx.fail(
                    f"执法人员{name}于{recusal.decision_date}被决定回避，此后仍参与：{labels}",
                    *(case.pointer("documents", d.id, "officers") for d in later),
                    values={"回避决定日": str(recusal.decision_date)},
                    count=len(later),
                )
            )
    return findings or ctx.passed()


# ---------------------------------------------------------------------------------------------
# The right party (manual)
# ---------------------------------------------------------------------------------------------


def _party_line(party: Party) -> str:
    """A punished party as the reviewer needs to see it; a person's ID number is not repeated."""
    kind = PARTY_TYPE_ZH[party.type]
    if party.type == "natural_person":
        ident = "身份证件号码已记载" if party.id_number else "未记载身份证件号码"
    else:
        code = party.credit_code or party.id_number
        ident = f"统一社会信用代码{code}" if code else "未记载统一社会信用代码"
    extra = ""
    if party.legal_representative is not None:
        extra = f"，法定代表人（负责人）{party.legal_representative.name}"
    return f"{party.name}（{kind}，{ident}{extra}）"


@rule(
    id="PEN-SUBJ-011",
    title="处罚对象（当事人）认定正确（人工认定）",
    category=CATEGORY,
    dimension="merits",
    basis=[
        f"{PL}第四条",
        f"{PL}第四十条",
        f"{PL}第五十九条第一款第（一）项",
        "《中华人民共和国行政诉讼法》第七十条第（一）项",
    ],
    deduction=10,
    veto=True,
    manual=True,
    recommendation="应当查明实施违法行为、依法应当承担责任的主体，准确区分法人与其法定代表人、"
    "个体工商户与经营者、挂靠单位与实际经营者等，以违法行为人为当事人作出处罚；当事人认定错误的，"
    "应当依法撤销或者纠正。",
    applies_to=AppliesTo(kinds={"penalty"}, outcomes={"penalty"}),
    example="违法行为由某餐饮管理有限公司实施，决定书却以其法定代表人个人为当事人给予罚款。",
    notes="Manual rule (legal review §4.5; domain-standards §3.1 default veto 'wrong person or "
    "entity punished': Henan, Zhejiang, 株洲): always needs_review; a reviewer's judgement "
    "decides, and a confirmed fail is a veto. Who committed the violation is a finding of fact "
    "and law the model does not hold, so the machine only lists what it can see: each party "
    "punished with its type, identifier (a natural person's ID number is reported as recorded "
    "or not, not repeated) and legal representative; documents whose named party "
    "(documents[].party) is a person other than the parties punished (an agent or witness "
    "excepted), e.g. a prior notice or decision addressed to someone else; and a punished party "
    "without an identifier. Deduction 10 = the category's points and Zhejiang's −10 for a "
    "mis-identified party whose outcome is unaffected (domain-standards §1.3, §1.10); it is "
    "used only by standards whose veto mode keeps points. Outcome penalty only: a no-penalty "
    "decision punishes nobody. Basis: 第四条 (the person who violated the order is punished), "
    "第四十条 (facts established first), 第五十九条第一款第（一）项 (the decision names the "
    "party); a wrong party means the main evidence does not support the decision "
    "(行政诉讼法第七十条第（一）项).",
)
def right_party(case: CaseFile, ctx: CheckContext) -> Finding:
    """Manual: was the right person or entity punished? Lists the parties punished and any
    document that names someone else."""
    punished = [p for p in case.parties if p.role == "party"]
    if not punished:
        return ctx.needs_review(
            "案卷未列明被处罚当事人，请评查人员认定处罚对象是否正确（当事人认定错误属一票否决）",
            "/parties",
        )
    punished_ids = {p.id for p in punished}
    lines = [_party_line(p) for p in punished]
    others: list[str] = []
    pointers: list[str] = ["/parties"]
    for d in case.documents:
        if d.party is None or d.party in punished_ids or d.type in _OWN_STEP_TYPES:
            continue
        named = case.party(d.party)
        if named is None or named.role in ("agent", "witness"):
            continue
        others.append(f"{_doc_name(d)}所列相对人为{named.name}（{PARTY_ROLE_ZH[named.role]}）")
        pointers.append(case.pointer("documents", d.id, "party"))
    unidentified = [p.name for p in punished if _identifier(p) is None]
    seen = "被处罚当事人：" + "；".join(lines)
    gaps: list[str] = []
    if others:
        gaps.append("与被处罚当事人不一致的文书：" + "；".join(others))
    if unidentified:
        gaps.append("未记载身份证件号码或统一社会信用代码的当事人：" + "、".join(unidentified))
    values: dict[str, Any] = {
        "被处罚当事人": lines,
        "相对人与被处罚当事人不一致的文书": others,
        "身份信息未记载的当事人": unidentified,
    }
    if not gaps:
        return ctx.needs_review(
            f"{seen}。机器核对未发现案卷文书所列相对人与被处罚当事人不一致；处罚对象是否为违法"
            "行为人、是否依法应当承担责任，须由评查人员认定（当事人认定错误属一票否决）",
            *pointers,
            values=values,
        )
    return ctx.needs_review(
        f"{seen}。{'；'.join(gaps)}。请评查人员认定处罚对象是否正确（当事人认定错误属一票否决）",
        *pointers,
        values=values,
    )


RULES = [
    agency_has_power,
    jurisdiction_established,
    township_has_transfer,
    entrusted_acts_in_entrusting_name,
    entrustment_published,
    two_officers,
    officers_certified,
    certificates_shown,
    party_identified,
    recusal_handled,
    right_party,
]


@hookimpl
def casefile_eval_rules() -> list:
    return RULES


@hookimpl
def casefile_eval_parameters() -> list[Parameter]:
    return [
        Parameter(
            name=SINGLE_OFFICER_SECTORS,
            default=["public_security"],
            schema={
                "type": "array",
                "items": {"type": "string", "enum": SECTOR_CODES},
                "uniqueItems": True,
            },
            description="法律允许一名执法人员当场作出处罚决定的执法领域；这些领域的当场处罚决定书"
            "仅有一名执法人员时转人工复核，而不判定为不符合",
            basis=f"{PL}第四十二条第一款（法律另有规定的除外）；"
            "《中华人民共和国道路交通安全法》第一百零七条",
        )
    ]
