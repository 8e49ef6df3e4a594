"""Rubric plugin ``evidence``: 事实认定与证据 (facts and evidence) of penalty files.

Rules ``PEN-EVID-001`` … check what the file records about each item of evidence and each
record of an investigative act (笔录): provenance, signatures, timing, copies, expert opinions,
electronic-monitoring evidence, lawfulness and the party's identity proof. Whether the facts
are clear and the evidence sufficient (``PEN-EVID-011``) is a reviewer's call: the machine only
lists the gaps it can see.

Split with the ``subject`` plugin: ``subject`` checks that at least two qualified officers took
part in each act (it counts the officers on each record) and showed their certificates; this
plugin checks the signatures on each record itself: the party's (or a recorded refusal), the
person questioned page by page, and the officers who did the act.

Messages and values speak the reviewer's language: documents by printed title, date and
卷内页码, evidence by its name, officers by name, yes/no as 是/否 — never the data file's ids
(D03, E2, O1) or field names.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from casefile_eval.model import CaseFile, Document, Evidence
from casefile_eval.model.vocab import DOCUMENT_TYPE_ZH, RECORD_TYPES
from casefile_eval.plugins import AppliesTo, CheckContext, Finding, Parameter, hookimpl, rule

CATEGORY = "facts_evidence"
PENALTY = AppliesTo(kinds={"penalty"})

# Records of investigative acts are evidence in their own right (勘验笔录、现场笔录, 当事人的陈述,
# 证人证言). Statement and hearing records document the party's procedural rights and are
# checked here only when an evidence item relies on them.
INVESTIGATIVE_RECORD_TYPES: frozenset[str] = RECORD_TYPES - {
    "statement_record",
    "hearing_record",
    "verification_record",
}
IDENTITY_DOCUMENT_TYPES: frozenset[str] = frozenset({"identity_proof", "business_licence"})
# Names under which identity proof is listed when it is an evidence item, not a document.
IDENTITY_EVIDENCE_WORDS: tuple[str, ...] = ("身份证", "身份证明", "营业执照", "护照", "户口")
# Evidence produced before the violation was "found" by design: the sampling and the test
# report whose result is the clue, and records of electronic monitoring devices.
PRE_CLUE_DOCUMENT_TYPES: frozenset[str] = frozenset({"sampling_record", "test_report"})

PARAM_REFUSAL_WITNESS = "evidence.refusal_witness_required"
PARAM_PAGE_SIGNED_TYPES = "evidence.page_signed_record_types"

_MAX_LISTED = 8  # items named in one message; the rest are counted
_YES_NO: dict[bool | None, str] = {True: "是", False: "否", None: "未记载"}


def _doc_label(doc: Document) -> str:
    """Title (or type), date and page: how a reviewer finds the document in the volume."""
    name = doc.title or DOCUMENT_TYPE_ZH.get(doc.type, doc.type)
    parts = [doc.date.isoformat()] if doc.date else []
    if doc.page_from is not None:
        parts.append(f"卷内第{doc.page_from}页")
    return f"{name}（{'，'.join(parts)}）" if parts else name


def _ev_label(ev: Evidence) -> str:
    return f"“{ev.name}”"


def _yes_no(value: bool | None) -> str:
    return _YES_NO[value]


def _page_signer(doc: Document) -> str:
    return "被询问人" if doc.type == "inquiry_record" else "当事人"


def _signatory(doc: Document) -> str:
    # Only an inquiry record has a person questioned (被询问人); other records are signed by the
    # party or the person present.
    return "当事人（被询问人）" if doc.type == "inquiry_record" else "当事人"


def _names(case: CaseFile, officer_ids: Iterable[str]) -> list[str]:
    return [_officer_name(case, o) for o in officer_ids]


def _join(labels: list[str]) -> str:
    if len(labels) <= _MAX_LISTED:
        return "；".join(labels)
    return "；".join(labels[:_MAX_LISTED]) + f"等{len(labels)}项"


def _evidence_records(case: CaseFile) -> tuple[Document, ...]:
    """Records (笔录) whose signatures matter as evidence, in file order; computed once per case
    (PEN-EVID-002 and PEN-EVID-004 both walk them)."""
    records = case.derived.get("evidence.records")
    if records is not None:
        return records  # type: ignore[no-any-return]
    referenced = case.derived.get("evidence.referenced_docs")
    if referenced is None:
        referenced = frozenset(ev.document for ev in case.evidence if ev.document)
        case.derived["evidence.referenced_docs"] = referenced
    found: list[Document] = []
    for doc in case.documents:
        # INVESTIGATIVE_RECORD_TYPES is a subset of RECORD_TYPES: one lookup rules most out.
        if doc.type in RECORD_TYPES and (
            doc.type in INVESTIGATIVE_RECORD_TYPES or doc.id in referenced
        ):
            found.append(doc)
    records = tuple(found)
    case.derived["evidence.records"] = records
    return records


def _refused(doc: Document) -> bool:
    return doc.party_refused is True or (doc.party_signed is False and doc.refusal_noted is True)


# ---------------------------------------------------------------------------------------------
# PEN-EVID-001 provenance of each item
# ---------------------------------------------------------------------------------------------


@rule(
    id="PEN-EVID-001",
    title="证据载明来源、收集时间和收集人",
    category=CATEGORY,
    dimension="merits",
    basis=[
        "《中华人民共和国行政处罚法》第四十六条第二款",
        "《中华人民共和国行政处罚法》第五十四条第一款",
        "《最高人民法院关于行政诉讼证据若干问题的规定》第十条第一款",
        "《市场监督管理行政处罚程序规定》第二十四条",
    ],
    deduction=1,
    recommendation="每份证据应当载明来源、收集（提取）时间和收集人，收集人应为本案执法人员，"
    "做到证据来源清楚、取证主体合法、取证过程可追溯。",
    applies_to=PENALTY,
    example="证据清单中“进货票据复印件”未注明由谁、于何时、从何处取得。",
    notes="Each evidence item must carry source, collected_date and at least one collector; "
    "that collector ids name officers of the case is enforced by the loader (a file citing an "
    "unknown officer id is rejected before any rule runs). One finding per "
    "defective item (count = items). The number of collectors is not checked here: that two "
    "officers took part is the subject plugin's rule. Deduction −1 per item follows 株洲 "
    "(evidence gathered outside lawful procedure, −1 each; domain-standards §1.4). Basis "
    "(legal review §1.10, text of 证据规定 re-read): 第十条第一款 (documentary evidence: "
    "originals or checked copies, 第（二）项 copies note their source) replaces "
    "第十二条第（二）项, which concerns audio-visual material only; 市场监管程序规定"
    "第二十四条 (copies note date and source, statutory-rules SR-03). SAMR 第二十三条 was dropped: "
    "its text could not be re-read "
    "and nothing shows it concerns provenance.",
)
def evidence_provenance(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Every evidence item records its source, collection date and identified collectors."""
    if not case.evidence:
        return ctx.not_applicable("案卷未列明证据")
    out: list[Finding] = []
    for ev in case.evidence:
        missing = []
        if not ev.source:
            missing.append("来源")
        if ev.collected_date is None:
            missing.append("收集日期")
        if not ev.collectors:
            missing.append("收集人")
        if missing:
            out.append(
                ctx.fail(
                    f"证据{_ev_label(ev)}未载明{'、'.join(missing)}",
                    case.pointer("evidence", ev.id),
                    values={"证据": ev.name, "缺少项目": missing},
                )
            )
    return out or ctx.passed()


# ---------------------------------------------------------------------------------------------
# PEN-EVID-002 … 004 signatures on records
# ---------------------------------------------------------------------------------------------


@rule(
    id="PEN-EVID-002",
    title="笔录由当事人签名或盖章，拒绝签名的注明情况",
    category=CATEGORY,
    dimension="merits",
    basis=[
        "《中华人民共和国行政处罚法》第五十五条第二款",
        "《最高人民法院关于行政诉讼证据若干问题的规定》第十条第一款第（四）项",
        "《最高人民法院关于行政诉讼证据若干问题的规定》第十五条",
        "《市场监督管理行政处罚程序规定》第二十八条",
        "《市场监督管理行政处罚程序规定》第二十九条",
    ],
    deduction=2,
    recommendation="询问笔录应当交被询问人、检查笔录和现场笔录应当交当事人核对后签名或者盖章；"
    "当事人拒绝签名、盖章或者不到场的，应当在笔录中注明原因，并邀请见证人签名或者以录音录像"
    "记录。",
    applies_to=PENALTY,
    parameters=[PARAM_REFUSAL_WITNESS],
    example="现场检查笔录无当事人签名，也未注明当事人拒绝签名的情况。",
    notes="Records checked: documents whose type is in RECORD_TYPES minus statement, hearing and "
    "licensing verification records, plus any record an evidence item references. Signed "
    "(party_signed) passes. A refusal must be noted (refusal_noted); the witness is decided "
    "as follows: 证据规定第十五条 only says another person present *may* sign, and the SAMR "
    "rule accepts audio-video recording of the refusal, so by default a refusal noted with a "
    "witness or with an audio-video record of that act (recordings[].document) passes and a "
    "refusal noted with neither is needs_review. A standard that wants a witness every time "
    "sets evidence.refusal_witness_required = true (then no witness → fail). party_signed "
    "unknown (None) with no refusal recorded → needs_review. 证据规定第十五条 was read (“有其他人在"
    "现场的，可由其他人签名”); the exact wording of SAMR 第二十八条 on witnesses could not be "
    "re-read during development (unverified).",
)
def record_party_signature(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Each record is signed or sealed by the party, or the refusal is noted (with a witness)."""
    witness_required = bool(ctx.param(PARAM_REFUSAL_WITNESS))
    out: list[Finding] = []
    seen = False
    recorded: set[str] | None = None
    for doc in _evidence_records(case):
        seen = True
        if doc.party_signed is True:
            continue
        ptr = case.pointer("documents", doc.id)
        if _refused(doc):
            if doc.refusal_noted is not True:
                out.append(
                    ctx.fail(
                        f"{_doc_label(doc)}当事人拒绝签名，笔录未注明拒签情况",
                        ptr,
                        values={
                            "文书": _doc_label(doc),
                            "注明拒签情况": _yes_no(doc.refusal_noted),
                        },
                    )
                )
                continue
            if doc.witness:
                continue
            if recorded is None:
                recorded = {r.document for r in case.recordings if r.document}
            has_video = doc.id in recorded
            if witness_required:
                out.append(
                    ctx.fail(
                        f"{_doc_label(doc)}当事人拒绝签名，已注明拒签情况但无见证人签名",
                        ptr,
                        values={
                            "文书": _doc_label(doc),
                            "见证人": "无",
                            "音像记录": _yes_no(has_video),
                        },
                    )
                )
            elif not has_video:
                out.append(
                    ctx.needs_review(
                        f"{_doc_label(doc)}当事人拒绝签名，已注明拒签情况，但案卷未载明见证人，"
                        "也未见该环节的音像记录，请核实拒签过程是否有见证或记录",
                        ptr,
                        values={"文书": _doc_label(doc), "见证人": "无", "音像记录": "否"},
                    )
                )
            continue
        if doc.party_signed is False:
            out.append(
                ctx.fail(
                    f"{_doc_label(doc)}无{_signatory(doc)}签名或盖章，也未注明拒绝签名的情况",
                    ptr,
                    values={"文书": _doc_label(doc), "当事人签名或盖章": "否"},
                )
            )
        else:
            out.append(
                ctx.needs_review(
                    f"案卷未载明{_doc_label(doc)}是否有{_signatory(doc)}签名或盖章",
                    ptr,
                    values={"文书": _doc_label(doc), "当事人签名或盖章": "未记载"},
                )
            )
    if not seen:
        return ctx.not_applicable("案卷无调查取证笔录")
    return out or ctx.passed()


@rule(
    id="PEN-EVID-003",
    title="询问笔录由被询问人逐页签名",
    category=CATEGORY,
    dimension="merits",
    basis=["《市场监督管理行政处罚程序规定》第二十九条"],
    deduction=1,
    recommendation="询问笔录经被询问人核对无误后，应当由被询问人逐页签名、盖章或者以其他方式"
    "确认；修改处应当由被询问人确认。",
    applies_to=PENALTY,
    parameters=[PARAM_PAGE_SIGNED_TYPES],
    example="三页的询问笔录仅在末页有被询问人签名。",
    notes="Applies to the record types in evidence.page_signed_record_types (default: inquiry "
    "records only, as SAMR 第二十九条 requires page-by-page signature of the person questioned; "
    "several provincial sheets ask it of every 笔录 — add the types in the standard). One-page "
    "records pass; records whose party refused to sign are left to PEN-EVID-002. "
    "every_page_signed unknown on a multi-page record → needs_review.",
)
def record_every_page_signed(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Multi-page inquiry records are signed on every page by the person questioned."""
    types = frozenset(ctx.param(PARAM_PAGE_SIGNED_TYPES))
    out: list[Finding] = []
    seen = False
    for doc in case.documents:
        if doc.type not in types:
            continue
        seen = True
        if doc.every_page_signed is True or doc.pages == 1 or _refused(doc):
            continue
        ptr = case.pointer("documents", doc.id, "every_page_signed")
        pages = f"共{doc.pages}页，" if doc.pages else ""
        if doc.every_page_signed is False:
            out.append(
                ctx.fail(
                    f"{_doc_label(doc)}{pages}{_page_signer(doc)}未逐页签名",
                    ptr,
                    values={"文书": _doc_label(doc), "页数": doc.pages, "逐页签名": "否"},
                )
            )
        else:
            out.append(
                ctx.needs_review(
                    f"案卷未载明{_doc_label(doc)}{pages}是否由{_page_signer(doc)}逐页签名",
                    ptr,
                    values={"文书": _doc_label(doc), "页数": doc.pages, "逐页签名": "未记载"},
                )
            )
    if not seen:
        return ctx.not_applicable("案卷无需要逐页签名的笔录")
    return out or ctx.passed()


@rule(
    id="PEN-EVID-004",
    title="笔录由实施调查取证的执法人员签名",
    category=CATEGORY,
    dimension="merits",
    basis=[
        "《最高人民法院关于行政诉讼证据若干问题的规定》第十条第一款第（四）项",
        "《最高人民法院关于行政诉讼证据若干问题的规定》第十五条",
        "《市场监督管理行政处罚程序规定》第二十九条",
    ],
    deduction=2,
    recommendation="询问、检查、现场笔录应当由实施调查取证的执法人员本人在笔录上签名，"
    "不得漏签、代签或事后补签。",
    applies_to=PENALTY,
    example="证据清单载明现场检查笔录由陈晓东、刘婷、王建国收集，笔录上仅有陈晓东、刘婷签名。",
    notes="Split with the subject plugin: PEN-SUBJ-006 counts the officers on each record "
    "(documents[].officers, which the model defines as the officers who signed) and fails a "
    "record with fewer than two — the '不少于两人' rule, a default veto. This rule therefore "
    "judges only records signed by at least two distinct officers (legal review §3.1: a record "
    "signed by one officer while the evidence lists two collectors was scored by both rules); "
    "it checks the signatures against the officers who did the act: for every such record an "
    "evidence item relies on, each collector of that item (evidence[].collectors) must appear "
    "among the record's signing officers. Records no evidence item links to, or whose items "
    "name no collectors, are not judged (PEN-EVID-001 reports missing collectors). Deduction "
    "−2 follows the 四川建设 sheet (missing officer signature −2, domain-standards §1.9).",
)
def record_signed_by_collectors(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Every officer who collected the evidence a record holds signed that record (records with
    fewer than two signing officers are PEN-SUBJ-006's)."""
    actors: dict[str, dict[str, None]] = {}
    for ev in case.evidence:
        if ev.document and ev.collectors:
            bucket = actors.setdefault(ev.document, {})
            for officer_id in ev.collectors:
                bucket.setdefault(officer_id, None)
    out: list[Finding] = []
    seen = False
    for doc in _evidence_records(case):
        who = actors.get(doc.id)
        if not who:
            continue
        signed = set(doc.officers)
        if len(signed) < 2:
            continue  # PEN-SUBJ-006 fails (or asks about) it; one defect, one deduction
        seen = True
        if signed.issuperset(who):
            continue
        missing = [o for o in who if o not in signed]
        collectors = _names(case, who)
        absent = _names(case, missing)
        out.append(
            ctx.fail(
                f"{_doc_label(doc)}由{'、'.join(collectors)}实施调查取证，"
                f"{'、'.join(absent)}未在笔录上签名",
                case.pointer("documents", doc.id, "officers"),
                values={
                    "文书": _doc_label(doc),
                    "收集人": collectors,
                    "签名执法人员": _names(case, dict.fromkeys(doc.officers)),
                    "未签名": absent,
                },
            )
        )
    if not seen:
        return ctx.not_applicable(
            "案卷无载明收集人且有两名以上执法人员签名的调查取证笔录（签名不足两人的由执法主体规则评查）"
        )
    return out or ctx.passed()


def _officer_name(case: CaseFile, officer_id: str) -> str:
    officer = case.officer(officer_id)
    return officer.name if officer is not None else officer_id


# ---------------------------------------------------------------------------------------------
# PEN-EVID-005 timing
# ---------------------------------------------------------------------------------------------


@rule(
    id="PEN-EVID-005",
    title="证据在发现违法行为后、作出决定前收集",
    category=CATEGORY,
    dimension="merits",
    basis=[
        "《中华人民共和国行政处罚法》第五十四条第一款",
        "《中华人民共和国行政处罚法》第五十七条第一款",
        "《最高人民法院关于行政诉讼证据若干问题的规定》第六十条第（一）项",
    ],
    deduction=1,
    recommendation="应当先取证、后决定；作出行政处罚决定后收集的证据不能作为认定违法事实的根据。"
    "证据收集时间应与案件来源、立案、调查的时间顺序相符。",
    applies_to=PENALTY,
    example="决定书作出日为2025-04-02，证据清单中的询问笔录收集日期为2025-04-05。",
    notes="Upper bound: decision.date (same day allowed) — collected later → fail. Lower bound: "
    "clue.found_date. Items from electronic monitoring devices and sampling records / test "
    "reports are exempt from the lower bound: the sampling or the device record legitimately "
    "precedes the clue it produces. An item collected before the clue date but not before the "
    "violation began (violation.start_date) goes to a person, as PEN-PROC-003 treats documents "
    "(legal review §2.5): it may be an earlier act on the same matter — an inspection or a "
    "责令限期改正 whose 复查 found the violation uncorrected, which then became the clue. Before "
    "the violation began (or before the clue with no start date recorded) → fail. Evidence "
    "collected between the clue and the filing is not flagged: evidence obtained during 立案前"
    "核查 may be used. Items with no collection date are left to PEN-EVID-001. 证据规定第六十条"
    "第（一）项 bars evidence the agency gathered after the act.",
)
def evidence_within_timeline(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Evidence is collected after the clue was found and not after the decision; an item
    between the start of the violation and the clue goes to a person."""
    decided = case.decision.date if case.decision else None
    found = case.clue.found_date if case.clue else None
    if decided is None and found is None:
        return ctx.not_applicable("案卷未记载线索发现日期和决定日期")
    if not case.evidence:
        return ctx.not_applicable("案卷未列明证据")
    began = case.violation.start_date if case.violation else None
    out: list[Finding] = []
    earlier: list[str] = []
    earlier_pointers: list[str] = []
    for ev in case.evidence:
        day = ev.collected_date
        if day is None:
            continue
        if decided is not None and day > decided:
            out.append(
                ctx.fail(
                    f"证据{_ev_label(ev)}收集日期{day.isoformat()}晚于处罚决定日期"
                    f"{decided.isoformat()}，属于作出决定后收集的证据",
                    case.pointer("evidence", ev.id, "collected_date"),
                    "/decision/date",
                    values={"证据": ev.name, "收集日期": day, "决定日期": decided},
                )
            )
        elif found is not None and day < found and not _may_precede_clue(case, ev):
            ptr = case.pointer("evidence", ev.id, "collected_date")
            if began is not None and began <= day:
                earlier.append(f"证据{_ev_label(ev)}收集日期{day.isoformat()}")
                earlier_pointers.append(ptr)
                continue
            out.append(
                ctx.fail(
                    f"证据{_ev_label(ev)}收集日期{day.isoformat()}早于发现违法线索日期"
                    f"{found.isoformat()}"
                    + (f"和违法行为发生日期{began.isoformat()}" if began is not None else "")
                    + "，证据收集时间与案件来源不符",
                    ptr,
                    "/clue/found_date",
                    values={"证据": ev.name, "收集日期": day, "发现线索日期": found},
                )
            )
    if earlier:
        assert found is not None and began is not None
        out.append(
            ctx.needs_review(
                "；".join(earlier) + f"，早于发现违法线索日期{found.isoformat()}，但不早于违法行为"
                f"发生日期{began.isoformat()}，请核对是否为本案此前的检查、责令改正等执法活动"
                "取得的证据",
                *earlier_pointers,
                "/clue/found_date",
                values={
                    "发现线索日期": found,
                    "违法行为发生日期": began,
                    "证据": earlier,
                },
            )
        )
    return out or ctx.passed()


def _may_precede_clue(case: CaseFile, ev: Evidence) -> bool:
    if ev.monitoring_device is not None:
        return True
    doc = case.document(ev.document)
    return doc is not None and doc.type in PRE_CLUE_DOCUMENT_TYPES


# ---------------------------------------------------------------------------------------------
# PEN-EVID-006 … 009 particular kinds of evidence
# ---------------------------------------------------------------------------------------------


@rule(
    id="PEN-EVID-006",
    title="复制件经核对并由提供人确认",
    category=CATEGORY,
    dimension="merits",
    basis=[
        "《市场监督管理行政处罚程序规定》第二十四条",
        "《最高人民法院关于行政诉讼证据若干问题的规定》第十条第一款第（一）项",
        "《最高人民法院关于行政诉讼证据若干问题的规定》第七十一条第（五）项",
    ],
    deduction=1,
    recommendation="收集书证、物证的复制件、复制品的，应当注明“与原件（物）核对无误”，"
    "注明出证日期、证据出处，并由证据提供人签名或者盖章。",
    applies_to=PENALTY,
    example="营业执照复印件未注明“与原件核对无误”，无当事人签章。",
    notes="Applies to every item with is_copy = true: copy_confirmed false → fail, unknown → "
    "needs_review. A copy that cannot be checked against the original cannot alone prove a "
    "fact (证据规定第七十一条第（五）项); PEN-EVID-011 lists facts resting only on such copies.",
)
def copies_confirmed(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Copies (复制件) are marked as checked against the original and confirmed by the source."""
    out: list[Finding] = []
    seen = False
    for ev in case.evidence:
        if ev.is_copy is not True:
            continue
        seen = True
        if ev.copy_confirmed is True:
            continue
        ptr = case.pointer("evidence", ev.id, "copy_confirmed")
        if ev.copy_confirmed is False:
            out.append(
                ctx.fail(
                    f"证据{_ev_label(ev)}为复制件，"
                    f"未经核对确认（未注明与原件核对无误并由提供人签章）",
                    ptr,
                    values={"证据": ev.name, "复制件经核对确认": "否"},
                )
            )
        else:
            out.append(
                ctx.needs_review(
                    f"证据{_ev_label(ev)}为复制件，案卷未载明是否经核对并由提供人确认",
                    ptr,
                    values={"证据": ev.name, "复制件经核对确认": "未记载"},
                )
            )
    if not seen:
        return ctx.not_applicable("案卷无复制件证据")
    return out or ctx.passed()


@rule(
    id="PEN-EVID-007",
    title="鉴定意见、检验检测报告的机构资质和结果告知",
    category=CATEGORY,
    dimension="merits",
    basis=[
        "《中华人民共和国行政处罚法》第四十六条第一款",
        "《最高人民法院关于行政诉讼证据若干问题的规定》第十四条",
        "《市场监督管理行政处罚程序规定》第三十二条",
    ],
    deduction=1,
    recommendation="检测、检验、检疫、鉴定应当委托具有法定资质的机构进行，鉴定意见应载明鉴定"
    "机构和鉴定人的资质；检测、检验、检疫、鉴定结果应当告知当事人。",
    applies_to=PENALTY,
    example="检验报告由不具备资质认定的机构出具，检验结果未告知当事人。",
    notes="Items of type expert_opinion, and items whose document is a test_report. Explicit "
    "false on examiner_qualified or result_told_to_party → fail; unknown, or no examiner named "
    "→ needs_review. Telling the party the result is the SAMR rule (default sector profile) "
    "and is applied to every sector; other sectors' rules were not checked for an equivalent. "
    "No period for telling the result is checked.",
)
def expert_opinions(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Expert opinions and test reports name a qualified examiner and were told to the party."""
    out: list[Finding] = []
    seen = False
    for ev in case.evidence:
        if ev.type != "expert_opinion":
            doc = case.document(ev.document)
            if doc is None or doc.type != "test_report":
                continue
        seen = True
        ptr = case.pointer("evidence", ev.id)
        failed = []
        unknown = []
        if ev.examiner_qualified is False:
            failed.append(f"鉴定、检测机构{ev.examiner or ''}不具备法定资质")
        elif ev.examiner_qualified is None or not ev.examiner:
            unknown.append("鉴定、检测机构及其资质")
        if ev.result_told_to_party is False:
            failed.append("鉴定、检测结果未告知当事人")
        elif ev.result_told_to_party is None:
            unknown.append("结果是否告知当事人")
        if failed:
            out.append(
                ctx.fail(
                    f"证据{_ev_label(ev)}：{'；'.join(failed)}",
                    ptr,
                    values={
                        "证据": ev.name,
                        "鉴定、检测机构": ev.examiner or "未记载",
                        "机构具备资质": _yes_no(ev.examiner_qualified),
                        "结果告知当事人": _yes_no(ev.result_told_to_party),
                    },
                )
            )
        elif unknown:
            out.append(
                ctx.needs_review(
                    f"证据{_ev_label(ev)}：案卷未载明{'、'.join(unknown)}",
                    ptr,
                    values={"证据": ev.name, "缺少信息": unknown},
                )
            )
    if not seen:
        return ctx.not_applicable("案卷无鉴定意见或检验检测报告")
    return out or ctx.passed()


_DEVICE_CHECKS: tuple[tuple[str, str, str], ...] = (
    ("legally_reviewed", "设备是否经法制和技术审核", "设备未经法制和技术审核"),
    ("location_published", "设备设置地点是否向社会公布", "设备设置地点未向社会公布"),
    ("record_reviewed", "记录内容是否经审核", "记录内容未经审核"),
)


@rule(
    id="PEN-EVID-008",
    title="电子技术监控设备取得的证据经审核并告知当事人",
    category=CATEGORY,
    dimension="merits",
    basis=[
        "《中华人民共和国行政处罚法》第四十一条第一款",
        "《中华人民共和国行政处罚法》第四十一条第二款",
        "《中华人民共和国行政处罚法》第四十一条第三款",
    ],
    deduction=2,
    recommendation="利用电子技术监控设备收集、固定违法事实的，设备应当经过法制和技术审核，"
    "设置地点应当向社会公布；记录内容应当经过审核，未经审核或者经审核不符合要求的不得作为"
    "证据；应当及时告知当事人违法事实，并采取信息化手段或者其他措施，为当事人查询、陈述和申辩"
    "提供便利。",
    applies_to=PENALTY,
    in_force_from="2021-07-15",
    example="超限运输案件以电子监控抓拍记录为主要证据，案卷无设备法制和技术审核记录，"
    "未告知当事人。",
    notes="Article 41 is new in the 2021 Penalty Law: the rule runs on decisions from "
    "2021-07-15. For each item with monitoring_device: legally_reviewed, location_published "
    "and record_reviewed must be true (false → fail, unknown → needs_review); the party must "
    "have been notified (party_notified_date) before the decision; the record review must "
    "not post-date the decision. If the case came from electronic monitoring (clue.source = "
    "monitoring) and no evidence item carries device data → needs_review. Whether a law or "
    "administrative regulation authorises the device's use (第四十一条第一款) is not checked.",
)
def monitoring_evidence(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Evidence from electronic monitoring devices meets 行政处罚法第四十一条."""
    decided = case.decision.date if case.decision else None
    out: list[Finding] = []
    seen = False
    for ev in case.evidence:
        device = ev.monitoring_device
        if device is None:
            continue
        seen = True
        failed: list[str] = []
        unknown: list[str] = []
        for value, label, defect in _DEVICE_CHECKS:
            if getattr(device, value) is False:
                failed.append(defect)
            elif getattr(device, value) is None:
                unknown.append(label)
        notified = device.party_notified_date
        if notified is None:
            unknown.append("告知当事人违法事实的日期")
        elif decided is not None and notified > decided:
            failed.append(f"告知当事人日期{notified.isoformat()}晚于决定日期{decided.isoformat()}")
        reviewed = device.record_reviewed_date
        if reviewed is not None and decided is not None and reviewed > decided:
            failed.append(f"记录审核日期{reviewed.isoformat()}晚于决定日期{decided.isoformat()}")
        ptr = case.pointer("evidence", ev.id, "monitoring_device")
        values: dict[str, Any] = {"证据": ev.name, "设备编号": device.device_id or "未记载"}
        if failed:
            out.append(
                ctx.fail(
                    f"电子技术监控证据{_ev_label(ev)}：{'；'.join(failed)}",
                    ptr,
                    values={**values, "问题": failed},
                )
            )
        elif unknown:
            out.append(
                ctx.needs_review(
                    f"电子技术监控证据{_ev_label(ev)}：案卷未载明{'、'.join(unknown)}",
                    ptr,
                    values={**values, "缺少信息": unknown},
                )
            )
    if not seen:
        if case.clue is not None and case.clue.source == "monitoring":
            return ctx.needs_review(
                "案件来源为电子技术监控，但证据未载明监控设备及其审核、公布、告知情况",
                "/clue/source",
                "/evidence",
            )
        return ctx.not_applicable("案卷无电子技术监控设备取得的证据")
    return out or ctx.passed()


@rule(
    id="PEN-EVID-009",
    title="以非法手段取得的证据不得作为定案依据",
    category=CATEGORY,
    dimension="merits",
    basis=[
        "《中华人民共和国行政处罚法》第四十六条第三款",
        "《最高人民法院关于行政诉讼证据若干问题的规定》第五十七条",
        "《最高人民法院关于行政诉讼证据若干问题的规定》第五十八条",
    ],
    deduction=2,
    recommendation="以非法手段取得的证据，不得作为认定案件事实的根据；应当依法重新调查取证，"
    "不能补正的证据予以排除。",
    applies_to=PENALTY,
    example="以偷拍、利诱等手段取得的视听资料被用于证明当事人违法事实。",
    notes="Fires on evidence items the file marks lawfully_obtained = false: used to prove a "
    "fact (proves not empty) → fail; listed without any linked fact → needs_review (the "
    "reviewer decides whether the decision relied on it). Unknown lawfulness is not reported: "
    "the file says nothing against the item. Deduction −2 (not −1 as for formal defects): "
    "the item is excluded by law, not merely defective in form.",
)
def unlawful_evidence_not_used(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """No item marked as unlawfully obtained is relied on to prove a fact."""
    out: list[Finding] = []
    for ev in case.evidence:
        if ev.lawfully_obtained is not False:
            continue
        ptr = case.pointer("evidence", ev.id, "lawfully_obtained")
        if ev.proves:
            facts = [f"“{_excerpt(_fact_text(case, f))}”" for f in ev.proves]
            out.append(
                ctx.fail(
                    f"证据{_ev_label(ev)}系以非法手段取得，仍被用于证明事实{'、'.join(facts)}",
                    ptr,
                    values={"证据": ev.name, "证明事项": facts},
                )
            )
        else:
            out.append(
                ctx.needs_review(
                    f"证据{_ev_label(ev)}载明系非法取得，未载明其证明事项，请核实是否作为定案依据",
                    ptr,
                    values={"证据": ev.name},
                )
            )
    return out or ctx.passed()


# ---------------------------------------------------------------------------------------------
# PEN-EVID-010 identity proof
# ---------------------------------------------------------------------------------------------


@rule(
    id="PEN-EVID-010",
    title="收集当事人身份证明",
    category=CATEGORY,
    dimension="merits",
    basis=[
        "《中华人民共和国行政处罚法》第五十四条第一款",
        "《中华人民共和国行政处罚法》第五十九条第一款第（一）项",
    ],
    deduction=1,
    recommendation="应当收集当事人的身份证明材料（自然人的居民身份证复印件，法人、其他组织和"
    "个体工商户的营业执照复印件等），准确认定处罚对象。",
    applies_to=PENALTY,
    example="对个体工商户作出处罚，案卷中无营业执照或经营者身份证复印件。",
    notes="For every party with role 'party': passes when identity_verified is true, or the "
    "file holds an identity_proof / business_licence document for that party (or with no "
    "party named), or an evidence item whose name mentions 身份证/营业执照/护照/户口. "
    "identity_verified = false with none of these → fail; unknown → needs_review. −1 per "
    "party follows 株洲 (ID, business licence not collected −1 each).",
)
def identity_proof_collected(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """The identity proof of each party punished is in the file."""
    parties = [p for p in case.parties if p.role == "party"]
    if not parties:
        return ctx.not_applicable("案卷未列明当事人")
    out: list[Finding] = []
    evidence_has_proof: bool | None = None
    for party in parties:
        if party.identity_verified is True:
            continue
        if evidence_has_proof is None:
            evidence_has_proof = any(
                word in ev.name for ev in case.evidence for word in IDENTITY_EVIDENCE_WORDS
            )
        if evidence_has_proof:
            continue
        if any(
            d.type in IDENTITY_DOCUMENT_TYPES and d.party in (party.id, None)
            for d in case.documents
        ):
            continue
        ptr = case.pointer("parties", party.id, "identity_verified")
        if party.identity_verified is False:
            out.append(
                ctx.fail(
                    f"案卷未收集当事人{party.name}的身份证明材料",
                    ptr,
                    values={"当事人": party.name, "身份证明已收集": "否"},
                )
            )
        else:
            out.append(
                ctx.needs_review(
                    f"案卷未见当事人{party.name}的身份证明材料（身份证、营业执照等），"
                    "也未载明是否已收集",
                    ptr,
                    values={"当事人": party.name, "身份证明已收集": "未记载"},
                )
            )
    return out or ctx.passed()


# ---------------------------------------------------------------------------------------------
# PEN-EVID-011 facts clear and evidence sufficient (manual)
# ---------------------------------------------------------------------------------------------


def _no_gap_finding(ctx: CheckContext) -> Finding:
    """PEN-EVID-011's finding when the machine sees no gap."""
    return ctx.needs_review(
        "机器核对未发现主要事实缺少证据支持；事实是否清楚、证据是否确凿、是否形成完整证据链，"
        "须由评查人员认定",
        "/facts",
        "/evidence",
    )


@rule(
    id="PEN-EVID-011",
    title="事实清楚、证据确凿（人工认定）",
    category=CATEGORY,
    dimension="merits",
    basis=[
        "《中华人民共和国行政处罚法》第四十条",
        "《中华人民共和国行政处罚法》第四十六条第二款",
        "《中华人民共和国行政诉讼法》第七十条第（一）项",
        "《最高人民法院关于行政诉讼证据若干问题的规定》第六十三条第（九）项",
        "《最高人民法院关于行政诉讼证据若干问题的规定》第七十一条",
    ],
    deduction=10,
    veto=True,
    manual=True,
    recommendation="行政处罚应当以事实为依据，违法事实不清、证据不足的，不得给予行政处罚。"
    "每一项主要事实都应当有查证属实的证据证明，当事人陈述应当有其他证据印证，形成完整的证据链。",
    applies_to=AppliesTo(kinds={"penalty"}, outcomes={"penalty", "no_penalty"}),
    example="认定的违法所得数额仅有当事人陈述，无进货、销售凭证等其他证据印证。",
    notes="Manual rule: always needs_review; a reviewer's judgement decides, and a confirmed "
    "fail is a veto (domain-standards §3.1: main facts unclear / main evidence insufficient). "
    "The machine lists what it can see: no facts listed; a main fact (facts[].main) with no "
    "evidence item whose proves names it; a main fact supported only by the party's own "
    "statements (corroboration: a party's statement needs other evidence); only by copies "
    "not confirmed against the original (证据规定第七十一条第（五）项); evidence marked as "
    "unlawfully obtained is not counted as support (第四十六条第三款). Simple procedure: "
    "on_the_spot.facts_certain = false is listed too. Deduction 10 is used only by standards "
    "whose veto mode keeps points.",
)
def facts_supported(case: CaseFile, ctx: CheckContext) -> Finding:
    """Lists, for a reviewer, the main facts the evidence does not (fully) support."""
    if not case.facts:
        return ctx.needs_review(
            "案卷未列明认定的违法事实，无法核对事实与证据的对应关系，请人工认定事实是否清楚、"
            "证据是否确凿",
            "/facts",
        )
    # The loader guarantees that every proves entry names a listed fact.
    support: dict[str, list[Evidence]] = {f.id: [] for f in case.facts}
    for ev in case.evidence:
        if ev.lawfully_obtained is not False:
            for fact_id in ev.proves:
                support[fact_id].append(ev)
    unsupported: list[str] = []
    statement_only: list[str] = []
    copies_only: list[str] = []
    pointers: list[str] = []
    for fact in case.facts:
        if not fact.main:
            continue
        gap = _support_gap(support[fact.id], unsupported, statement_only, copies_only)
        if gap is None:
            continue
        gap.append(f"“{_excerpt(fact.text)}”")
        pointers.append(case.pointer("facts", fact.id))
    gaps: list[str] = []
    if unsupported:
        gaps.append("主要事实无证据证明：" + _join(unsupported))
    if statement_only:
        gaps.append("主要事实仅有当事人陈述，缺少其他证据印证：" + _join(statement_only))
    if copies_only:
        gaps.append("主要事实仅有未经核对确认的复制件证明：" + _join(copies_only))
    spot = case.on_the_spot
    if spot is not None and spot.facts_certain is False:
        gaps.append("当场处罚记载违法事实不确凿")
        pointers.append("/on_the_spot/facts_certain")
    if not gaps:
        return _no_gap_finding(ctx)
    return ctx.needs_review(
        "；".join(gaps) + "。请评查人员认定事实是否清楚、证据是否确凿（主要证据不足属一票否决）",
        *pointers,
        "/evidence",
        values={
            "无证据的主要事实": unsupported,
            "仅有当事人陈述的主要事实": statement_only,
            "仅有未核对复制件的主要事实": copies_only,
        },
    )


def _support_gap(
    items: list[Evidence], unsupported: list[str], statement_only: list[str], copies_only: list[str]
) -> list[str] | None:
    """Which of PEN-EVID-011's lists a main fact with these supporting items belongs to, if any."""
    if not items:
        return unsupported
    for ev in items:
        if ev.type != "party_statement":
            break
    else:
        return statement_only
    for ev in items:
        if not (ev.is_copy is True and ev.copy_confirmed is False):
            return None
    return copies_only


def _fact_text(case: CaseFile, fact_id: str) -> str:
    # The loader guarantees that every proves entry names a listed fact.
    for fact in case.facts:
        if fact.id == fact_id:
            return fact.text
    return fact_id


def _excerpt(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


# ---------------------------------------------------------------------------------------------
# Registration
# ---------------------------------------------------------------------------------------------

RULES = (
    evidence_provenance,
    record_party_signature,
    record_every_page_signed,
    record_signed_by_collectors,
    evidence_within_timeline,
    copies_confirmed,
    expert_opinions,
    monitoring_evidence,
    unlawful_evidence_not_used,
    identity_proof_collected,
    facts_supported,
)


@hookimpl
def casefile_eval_rules() -> tuple[Any, ...]:
    return RULES


@hookimpl
def casefile_eval_parameters() -> list[Parameter]:
    return [
        Parameter(
            name=PARAM_REFUSAL_WITNESS,
            default=False,
            schema={"type": "boolean"},
            description="当事人拒绝在笔录上签名时，是否必须有见证人签名（false：见证人或音像记录均可，"
            "二者皆无的交人工复核；true：无见证人即不符合）",
            basis="《最高人民法院关于行政诉讼证据若干问题的规定》第十五条；"
            "《市场监督管理行政处罚程序规定》第二十八条",
        ),
        Parameter(
            name=PARAM_PAGE_SIGNED_TYPES,
            default=["inquiry_record"],
            schema={
                "type": "array",
                "items": {"type": "string", "enum": sorted(RECORD_TYPES)},
                "uniqueItems": True,
            },
            description="须由被询问人（当事人）逐页签名的笔录种类",
            basis="《市场监督管理行政处罚程序规定》第二十九条",
        ),
    ]
