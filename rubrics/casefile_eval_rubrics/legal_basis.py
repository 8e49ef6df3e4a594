"""Rubric plugin ``legal_basis``: 法律适用 (application of law) in penalty decisions.

Rules ``PEN-LAW-001`` … read the decision's 定性依据 (``decision.violated_provisions``) and
处罚依据 (``decision.penalty_provisions``): that both are cited, specifically and in the
regular form; that the instruments cited were in force for the act (law registry); that the
penalty kinds are those of 行政处罚法第九条; that the fine lies within the range the file records.

The citations are parsed once per distinct pair of lists (memoised, and kept in
``case.derived``). A list entry that only says ``同法第X条`` is resolved to the instrument named
in the entries before it (violated provisions first, then penalty provisions), as a reader of
the decision would.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any, NamedTuple

from casefile_eval.citations import (
    LAW_ALIASES,
    MISSING_ARTICLE,
    PRC_PREFIX,
    Citation,
    canonical_law_title,
    missing_parts,
    parse_citations,
)
from casefile_eval.laws import LawRegistry, LawVersion
from casefile_eval.model import CaseFile
from casefile_eval.model.vocab import DISCRETION_LEVEL_ZH, OUTCOME_ZH, PENALTY_TYPE_ZH
from casefile_eval.plugins import AppliesTo, CheckContext, Finding, hookimpl, rule

CATEGORY = "legal_basis"
PENALTY_LAW = canonical_law_title("行政处罚法")
ON_PENALTY = AppliesTo(kinds={"penalty"}, outcomes={"penalty"})
ON_DECISION = AppliesTo(kinds={"penalty"}, outcomes={"penalty", "no_penalty"})

_DERIVED_KEY = "legal_basis.basis"
_SECTIONS = ("violated_provisions", "penalty_provisions")
_SECTION_ZH = {"violated_provisions": "定性依据", "penalty_provisions": "处罚依据"}
_ARABIC = frozenset("0123456789０１２３４５６７８９")
# Measures 行政处罚法第二十八条 and practice treat as corrective, not as penalties.
_NON_PENALTY_WORDS: tuple[str, ...] = (
    "责令改正",
    "限期改正",
    "责令限期改正",
    "责令停止",
    "责令整改",
    "责令退还",
    "责令赔偿",
    "批评教育",
    "约谈",
)
# Titles known to the citation module that end in 条例 are State Council regulations.
_NATIONAL_TITLES: frozenset[str] = frozenset(LAW_ALIASES.values())


class _Entry(NamedTuple):
    """One string of violated_provisions / penalty_provisions and what it parses to."""

    section: str
    index: int
    text: str
    citations: tuple[Citation, ...]
    kind: str  # named | reference (同法…) | bare (article with no title) | unparsed


class _Basis:
    """The two lists of a decision parsed, with the facts several rules read from them.

    Depends only on the two lists' texts, which recur across an agency's files: built once per
    distinct pair (see :func:`_basis_of`) and shared, so it must not be changed after building.
    """

    __slots__ = (
        "by_instrument",
        "cited",
        "entries",
        "irregular",
        "irregular_pointers",
        "main",
        "penalised",
        "penalty_cited",
        "penalty_laws",
        "penalty_text",
        "unparsed",
        "unspecific",
        "unspecific_pointers",
        "violated_cited",
        "violated_laws",
        "violated_text",
    )

    def __init__(self, violated: tuple[str, ...], penalty: tuple[str, ...]) -> None:
        entries: list[_Entry] = []
        context: str | None = None
        for section, texts in zip(_SECTIONS, (violated, penalty), strict=True):
            for index, text in enumerate(texts):
                found = parse_citations(text)
                kind = "named"
                if not found and context is not None:
                    # A later entry may say only 同法第X条: read it against the last title named.
                    found = parse_citations(text, default_law=context)
                    if found:
                        kind = "reference" if found[0].raw[:1] in "同该本" else "bare"
                if not found:
                    kind = "unparsed"
                else:
                    context = found[-1].law
                entries.append(_Entry(section, index, text, tuple(found), kind))
        self.entries = tuple(entries)
        self.cited = any(e.citations for e in entries)
        self.violated_cited = any(e.section == _SECTIONS[0] and e.citations for e in entries)
        self.penalty_cited = any(e.section == _SECTIONS[1] and e.citations for e in entries)
        self.violated_laws = _laws_of(entries, _SECTIONS[0])
        self.penalty_laws = _laws_of(entries, _SECTIONS[1])
        self.penalised = tuple(law for law in self.penalty_laws if law != PENALTY_LAW)
        self.unparsed = tuple(e.text for e in entries if e.kind == "unparsed")
        self.violated_text = "；".join(violated) if violated else "未载明"
        self.penalty_text = "；".join(penalty) if penalty else "未载明"
        # PEN-LAW-005: each (instrument, edition) cited, with the first entry citing it.
        cited: dict[tuple[str, int | None], str] = {}
        for e in entries:
            for c in e.citations:
                cited.setdefault((c.law, c.edition), _pointer(e))
        self.by_instrument = tuple(cited.items())
        # PEN-LAW-003: the entries' own defects; the main citation is judged per case.
        problems: list[str] = []
        pointers: list[str] = []
        for e in entries:
            label = _SECTION_ZH[e.section]
            if e.kind == "unparsed":
                problems.append(f"{label}“{e.text}”未能识别为具体的法律规范条文")
            elif e.kind == "bare":
                problems.append(f"{label}“{e.text}”未写明所引法律规范的名称")
            else:
                for c in e.citations:
                    if c.article is None:
                        problems.append(f"{label}“{c.raw or e.text}”{MISSING_ARTICLE}")
                        break
                else:
                    continue
            pointers.append(_pointer(e))
        self.unspecific = tuple(problems)
        self.unspecific_pointers = tuple(pointers)
        self.main = _main_penalty_citation(self.entries)
        # PEN-LAW-004.
        problems = []
        pointers = []
        for e in entries:
            seen: set[str] = set()
            for c in e.citations:
                if c.raw in seen:
                    continue
                seen.add(c.raw)
                issues = _irregularities(c)
                if issues:
                    problems.append(f"{_SECTION_ZH[e.section]}“{c.raw}”{'，'.join(issues)}")
                    pointers.append(_pointer(e))
        self.irregular = tuple(problems)
        self.irregular_pointers = tuple(dict.fromkeys(pointers))
        # (registry, whether the two lists share an instrument): see _share_instrument.


@lru_cache(maxsize=4096)
def _basis_of(violated: tuple[str, ...], penalty: tuple[str, ...]) -> _Basis:
    return _Basis(violated, penalty)


def _basis(case: CaseFile) -> _Basis:
    cached = case.derived.get(_DERIVED_KEY)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    decision = case.decision
    if decision is None:
        result = _basis_of((), ())
    else:
        result = _basis_of(tuple(decision.violated_provisions), tuple(decision.penalty_provisions))
    case.derived[_DERIVED_KEY] = result
    return result


def _pointer(entry: _Entry) -> str:
    return f"/decision/{entry.section}/{entry.index}"


def _laws_of(entries: list[_Entry], section: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for e in entries:
        if e.section == section:
            for c in e.citations:
                seen.setdefault(c.law, None)
    return tuple(seen)


def _share_instrument(basis: _Basis, registry: LawRegistry) -> bool:
    """Whether the violated and the penalty instruments (Penalty Law left out) overlap, a
    former title (…暂行规定) counting as its current one. Both lists must name one."""
    resolve = registry.resolve
    return bool(
        {resolve(x) or x for x in basis.violated_laws} & {resolve(x) or x for x in basis.penalised}
    )


# ---------------------------------------------------------------------------------------------
# PEN-LAW-001 / 002 the basis is cited
# ---------------------------------------------------------------------------------------------


@rule(
    id="PEN-LAW-001",
    title="处罚决定载明处罚依据",
    category=CATEGORY,
    dimension="merits",
    basis=[
        "《中华人民共和国行政处罚法》第三十八条第一款",
        "《中华人民共和国行政处罚法》第五十九条第一款第（三）项",
        "《中华人民共和国行政处罚法》第七十六条第一款第（一）项",
    ],
    deduction=12,
    veto=True,
    recommendation="行政处罚决定书应当载明行政处罚的依据，写明设定该处罚的法律、法规、规章的"
    "具体条款；没有依据的行政处罚无效。",
    applies_to=ON_PENALTY,
    example="决定书写“依据有关法律规定，决定罚款5000元”，未写明处罚依据。",
    notes="Fails when decision.penalty_provisions is empty or no entry names any instrument "
    "(e.g. “依据相关规定”). A cited instrument without an article is left to PEN-LAW-003. "
    "Veto per domain-standards §3.1 (no legal basis; 第三十八条第一款: a penalty without basis "
    "is void).",
)
def penalty_basis_cited(case: CaseFile, ctx: CheckContext) -> Finding:
    """The decision cites the provision that sets the penalty (处罚依据)."""
    decision = case.decision
    if decision is None:  # the outcome filter already excludes this
        return ctx.not_applicable("案卷无处罚决定")
    if not decision.penalty_provisions:
        return ctx.fail(
            "行政处罚决定未载明处罚依据（未引用设定该处罚的法律规范条款）",
            "/decision/penalty_provisions",
            values={"处罚依据": []},
        )
    if not _basis(case).penalty_cited:
        texts = list(decision.penalty_provisions)
        return ctx.fail(
            f"行政处罚决定所载处罚依据“{'；'.join(texts)}”未写明具体的法律、法规、规章",
            "/decision/penalty_provisions",
            values={"处罚依据": texts},
        )
    return ctx.passed()


@rule(
    id="PEN-LAW-002",
    title="决定载明违法行为所违反的规定（定性依据）",
    category=CATEGORY,
    dimension="merits",
    basis=["《中华人民共和国行政处罚法》第五十九条第一款第（二）项"],
    deduction=2,
    recommendation="决定书应当写明当事人违反的法律、法规、规章的具体条款，作为认定违法行为性质的"
    "依据；处罚条款本身规定了违法行为的，应当一并作为定性依据引用。",
    applies_to=ON_DECISION,
    example="决定书只写“依据《中华人民共和国食品安全法》第一百二十四条”处罚，未写明当事人违反的条款。",
    notes="Fails when decision.violated_provisions is empty or names no instrument. Not a "
    "veto: 第三十八条 voids a penalty without basis, and the penalty provision (PEN-LAW-001) "
    "is that basis; a missing 定性依据 is an incomplete characterisation, scored −2 like the "
    "Beijing citation item (domain-standards §1.6). Applies to no-penalty decisions too: "
    "不予处罚 also rests on a finding that a provision was violated.",
)
def violated_provision_cited(case: CaseFile, ctx: CheckContext) -> Finding:
    """The decision cites the provision the party violated (定性依据)."""
    decision = case.decision
    if decision is None:
        return ctx.not_applicable("案卷无处罚决定")
    if not decision.violated_provisions:
        return ctx.fail(
            "决定未载明当事人违反的法律规范条款（定性依据）",
            "/decision/violated_provisions",
            values={"定性依据": []},
        )
    if not _basis(case).violated_cited:
        texts = list(decision.violated_provisions)
        return ctx.fail(
            f"决定所载定性依据“{'；'.join(texts)}”未写明具体的法律、法规、规章",
            "/decision/violated_provisions",
            values={"定性依据": texts},
        )
    return ctx.passed()


# ---------------------------------------------------------------------------------------------
# PEN-LAW-003 / 004 how the basis is cited
# ---------------------------------------------------------------------------------------------


def _main_penalty_citation(entries: tuple[_Entry, ...]) -> Citation | None:
    first: Citation | None = None
    for e in entries:
        if e.section != "penalty_provisions":
            continue
        for c in e.citations:
            if c.law != PENALTY_LAW:
                return c
            first = first or c
    return first


@rule(
    id="PEN-LAW-003",
    title="引用依据具体到条、款、项",
    category=CATEGORY,
    dimension="merits",
    basis=["《中华人民共和国行政处罚法》第五十九条第一款第（三）项"],
    deduction=2,
    recommendation="引用法律规范应当写明法律规范名称并具体到条、款、项、目，避免只写法律名称"
    "或笼统引用“有关规定”。",
    applies_to=ON_DECISION,
    example="处罚依据写作《中华人民共和国食品安全法》第一百二十四条，该条分款分项，未引用到款、项。",
    notes="Every entry of violated_provisions and penalty_provisions must parse to a citation "
    "with an article and an instrument name (an entry with only 第X条 and no title before it "
    "fails; 同法第X条 after a named instrument is accepted). Paragraph and item are required "
    "only of the main penalty citation (the first penalty citation outside the Penalty Law), "
    "and only where the file says the provision has them (decision.provision_has_paragraphs, "
    "provision_has_items): the model records these flags for the penalty provision only. "
    "One finding per decision (count 1) listing every defect: the Beijing 2016 standard "
    "deducts −2 once on the decision document for a basis not cited to 条款项目.",
)
def citations_specific(case: CaseFile, ctx: CheckContext) -> Finding:
    """Each cited provision names its instrument and article, and paragraph/item where needed."""
    decision = case.decision
    if decision is None:
        return ctx.not_applicable("案卷无处罚决定")
    basis = _basis(case)
    if not basis.entries:
        return ctx.not_applicable("决定未引用法律依据（由 PEN-LAW-001、PEN-LAW-002 评查）")
    main = basis.main
    gap = ""
    if main is not None and main.article is not None:
        gaps = missing_parts(
            main,
            has_paragraphs=decision.provision_has_paragraphs,
            has_items=decision.provision_has_items,
        )
        if gaps:
            gap = f"处罚依据“{main.raw}”{'，'.join(gaps)}"
    if not gap and not basis.unspecific:
        return ctx.passed()
    problems = list(basis.unspecific)
    pointers = list(basis.unspecific_pointers)
    if gap:
        problems.append(gap)
        pointers.append("/decision/penalty_provisions")
    return ctx.fail(
        "；".join(problems),
        *dict.fromkeys(pointers),
        values={"问题": problems},
    )


def _written_title(raw: str) -> tuple[str, int] | None:
    """The title between the outer 《》 at the start of ``raw`` and the offset after it."""
    depth = 0
    for i, ch in enumerate(raw):
        if ch == "《":
            depth += 1
        elif ch == "》":
            depth -= 1
            if depth == 0:
                return raw[1:i], i + 1
    return None


def _irregularities(c: Citation) -> list[str]:
    raw = c.raw
    found: list[str] = []
    chain_from = 0
    first = raw[:1]
    if first == "《":
        written = _written_title(raw)
        if written is not None:
            title, chain_from = written
            title = "".join(title.split()).replace("〈", "《").replace("〉", "》")
            if not title.startswith(c.law):
                found.append(f"使用简称“{title}”，应写全称《{c.law}》")
    elif first == "本":
        found.append(f"使用“{raw[:2]}”指代，应写明法律规范名称")
    elif first not in "同该第":
        # A known title written without 《》 (the parser only takes it when an article follows).
        found.append("法律规范名称未加书名号")
    chain = raw.find("第", chain_from)
    if chain >= 0 and any(ch in _ARABIC for ch in raw[chain:]):
        found.append("条款项序号使用阿拉伯数字，应使用汉字数字")
    return found


@rule(
    id="PEN-LAW-004",
    title="引用法律规范的写法规范",
    category=CATEGORY,
    dimension="merits",
    basis=["《中华人民共和国行政处罚法》第五十九条第一款第（三）项"],
    deduction=1,
    recommendation="引用法律规范应当使用书名号和全称（如《中华人民共和国食品安全法》，不用"
    "《食品安全法》《食安法》等简称），条、款、项序号使用汉字数字（如第一百二十四条第一款第（五）"
    "项）。",
    applies_to=ON_DECISION,
    example="决定书引用“《食品安全法》第124条第1款第5项”。",
    notes="Flags, per cited span: a short title or abbreviation where the citation module "
    "knows the full title (《食品安全法》, 《食安法》; titles it does not know are taken as "
    "written), a title without 《》, Arabic numerals in the 条款项 chain (edition years such "
    "as （2021年修订） are fine), and 本法/本条例 used in a decision. 同法/该法 after a named "
    "instrument are accepted as regular. The full-title / Chinese-numeral convention is the "
    "one review sheets score (Beijing 2016: citation written irregularly −1, "
    "domain-standards §1.6); no statute prescribes it, so the basis given is the decision "
    "content rule. One finding per decision (count 1).",
)
def citations_regular(case: CaseFile, ctx: CheckContext) -> Finding:
    """Citations use 《full title》 and Chinese numerals."""
    basis = _basis(case)
    if not basis.cited:
        return ctx.not_applicable("决定未引用可识别的法律依据")
    if not basis.irregular:
        return ctx.passed()
    return ctx.fail(
        "；".join(basis.irregular),
        *basis.irregular_pointers,
        values={"问题": list(basis.irregular)},
    )


# ---------------------------------------------------------------------------------------------
# PEN-LAW-005 the instrument was in force
# ---------------------------------------------------------------------------------------------


def _violation_date(case: CaseFile) -> dt.date | None:
    v = case.violation
    if v is None:
        return None
    # A continuing act is judged by the law in force when it ended (行政处罚法第三十六条第二款
    # counts from the end, and courts apply the law in force at that time).
    if v.continuing and v.end_date is not None:
        return v.end_date
    return v.start_date or v.end_date


def _span(version: LawVersion) -> str:
    start = version.in_force_from.isoformat()
    until = version.in_force_until.isoformat() if version.in_force_until else "今"
    return f"《{version.display_title}》（{version.edition}，{start}至{until}）"


@rule(
    id="PEN-LAW-005",
    title="适用的法律规范在违法行为发生时有效（不得适用已废止的规定）",
    category=CATEGORY,
    dimension="merits",
    basis=[
        "《中华人民共和国行政处罚法》第三十七条",
        "《中华人民共和国行政处罚法》第三十八条第一款",
        "《中华人民共和国立法法》第一百零四条",
    ],
    deduction=12,
    veto=True,
    recommendation="实施行政处罚，适用违法行为发生时的法律、法规、规章的规定；作出决定时规定已被"
    "修改或者废止，且新的规定处罚较轻或者不认为是违法的，适用新的规定。不得引用已经废止或者尚未"
    "施行的规定。",
    applies_to=ON_DECISION,
    example="2024年作出的生态环境处罚决定仍引用已于2023年7月1日废止的《环境行政处罚办法》。",
    notes="Uses ctx.laws (the default registry plus plugins' law versions). The act date for "
    "substance is the violation date (the end date for continuing acts), else only the "
    "decision date is used. Per instrument cited: in force at neither the violation date nor "
    "the decision date → fail (veto: repealed or not yet in force, domain-standards §3.1); "
    "a different version in force at the two dates, an instrument repealed since the act, or "
    "one that took effect after the act → needs_review (第三十七条: the old rule applies unless "
    "the new one is lighter or no longer punishes the act — a person compares the texts). A "
    "citation naming an edition (（2017年修正）) is judged by that edition's own dates. A fail "
    "that hinges on a registry date marked unverified is downgraded to needs_review. "
    "Instruments the registry does not hold are not judged (not_applicable when none is held). "
    "Procedural instruments follow the act date, but they rarely appear among these two lists.",
)
def law_in_force(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Each instrument cited was in force for the act (实体从旧, 第三十七条 lighter new law)."""
    decision = case.decision
    if decision is None:
        return ctx.not_applicable("案卷无处罚决定")
    cited = _basis(case).by_instrument
    if not cited:
        return ctx.not_applicable("决定未引用可识别的法律依据")
    decided = decision.date
    if decided is None:
        return ctx.needs_review(
            "案卷未记载决定日期，无法核对所引法律规范是否有效", "/decision/date"
        )
    acted = _violation_date(case)
    registry = ctx.laws
    out: list[Finding] = []
    known = False
    for (law, edition), pointer in cited:
        if not registry.is_known(law):
            continue
        known = True
        finding = _judge_law(ctx, law, edition, acted, decided, pointer)
        if finding is not None:
            out.append(finding)
    if not known:
        return ctx.not_applicable(
            "所引法律规范未收录于法律版本库，未核对施行日期："
            + "、".join(law for (law, _), _ in cited)
        )
    return out or ctx.passed()


def _judge_law(
    ctx: CheckContext,
    law: str,
    edition: int | None,
    acted: dt.date | None,
    decided: dt.date,
    pointer: str,
) -> Finding | None:
    registry = ctx.laws
    versions = registry.versions(law)
    # A citation naming an edition (（2017年修正）) or a former title (…暂行规定) points at
    # particular versions: judge those, not the instrument as a whole.
    specific: tuple[LawVersion, ...] = ()
    cited_version: LawVersion | None = None
    if edition is not None:
        cited_version = registry.edition(law, edition)
        if cited_version is not None:
            specific = (cited_version,)
    if not specific and registry.resolve(law) != law:
        specific = tuple(v for v in versions if v.display_title == law)
    # Most instruments pass: the title, values and message parts are built after that is known.
    if specific:
        on = acted if acted is not None else decided
        if any(v.covers_date(on) for v in specific):
            return None
        title, values, act_text = _law_facts(versions, law, acted, decided)
        if cited_version is not None:
            label = _span(cited_version)
            values["所引版本"] = cited_version.edition
        else:
            label = f"《{law}》（该名称施行期间{specific[0].in_force_from.isoformat()}至" + (
                f"{specific[-1].in_force_until.isoformat()}，现名《{title}》）"
                if specific[-1].in_force_until
                else f"今，现名《{title}》）"
            )
            values["所引名称"] = law
        if any(v.covers_date(decided) for v in specific):
            return ctx.needs_review(
                f"所引{label}在决定日{decided.isoformat()}有效，但{act_text}尚未施行；适用新规定"
                "须符合行政处罚法第三十七条（新规定处罚较轻或不认为违法），请核实",
                pointer,
                values=values,
            )
        message = f"所引{label}在{act_text}决定日{decided.isoformat()}均不在施行期内"
        if any(v.unverified for v in specific):
            return ctx.needs_review(
                message + "（施行日期未经核实，请人工确认）", pointer, values=values
            )
        return ctx.fail(message + "，引用了已失效或尚未施行的版本", pointer, values=values)
    at_decision = registry.in_force(law, decided)
    at_act = registry.in_force(law, acted) if acted is not None else at_decision
    if at_act is not None and at_act == at_decision:
        return None
    title, values, act_text = _law_facts(versions, law, acted, decided)
    if at_act is None and at_decision is None:
        repealed = registry.repealed_on(law)
        if repealed is not None and decided >= repealed:
            state = f"已于{repealed.isoformat()}废止（失效）"
            edge = versions[-1]
        else:
            state = f"自{versions[0].in_force_from.isoformat()}起施行，当时尚未施行"
            edge = versions[0]
        message = f"所引《{title}》{state}；{act_text}决定日{decided.isoformat()}均不在施行期内"
        values["施行期间"] = [_span(v) for v in versions]
        if edge.unverified:
            return ctx.needs_review(
                message + "（施行日期未经核实，请人工确认）", pointer, values=values
            )
        return ctx.fail(message, pointer, values=values)
    if at_act is None:
        return ctx.needs_review(
            f"所引《{title}》于{versions[0].in_force_from.isoformat()}施行，晚于{act_text[:-1]}；"
            "对施行前的行为适用该规定须符合行政处罚法第三十七条（新规定处罚较轻或不认为违法），"
            "请核实行为时的规定",
            pointer,
            values=values,
        )
    if at_decision is None:
        return ctx.needs_review(
            f"所引《{title}》在{act_text[:-1]}有效，决定日{decided.isoformat()}已失效；"
            "请核实新规定是否处罚较轻或不再认为违法（行政处罚法第三十七条）",
            pointer,
            values=values,
        )
    values["行为时版本"] = at_act.edition
    values["决定时版本"] = at_decision.edition
    return ctx.needs_review(
        f"《{title}》在违法行为发生后修改：行为时为{at_act.edition}版，决定时为"
        f"{at_decision.edition}版；应适用行为时的条文，新规定处罚较轻的适用新规定（行政处罚法"
        "第三十七条），请核实所引条文的版本及轻重",
        pointer,
        values=values,
    )


def _law_facts(
    versions: tuple[LawVersion, ...], law: str, acted: dt.date | None, decided: dt.date
) -> tuple[str, dict[str, Any], str]:
    """The instrument's display title, the values every PEN-LAW-005 finding starts with, and
    the act-date clause of its messages."""
    title = versions[-1].display_title if versions else law
    values: dict[str, Any] = {"法律规范": title, "决定日期": decided, "违法行为发生日期": acted}
    act_text = f"违法行为发生日{acted.isoformat()}，" if acted else ""
    return title, values, act_text


# ---------------------------------------------------------------------------------------------
# PEN-LAW-006 / 007 kinds of penalty
# ---------------------------------------------------------------------------------------------


def _is_law_or_state_council_regulation(law: str) -> bool:
    """Whether the title names a 法律 or 行政法规 (the only sources of 'other' penalties).

    A title beginning with 国务院 is not taken as a 行政法规: 国务院决定 and other State Council
    documents are not administrative regulations (行政许可法第十四条第二款 keeps them apart), while
    a few regulations do bear such a title (国务院关于加强食品等产品安全监督管理的特别规定) — a
    person tells them apart.
    """
    if law.startswith(PRC_PREFIX):
        return law.endswith(("法", "法典", "条例", "实施细则"))
    return law in _NATIONAL_TITLES and law.endswith("条例")


def _non_penalty(description: str | None) -> str | None:
    if not description:
        return None
    for word in _NON_PENALTY_WORDS:
        if word in description:
            return word
    return None


@rule(
    id="PEN-LAW-006",
    title="处罚种类属于法定种类",
    category=CATEGORY,
    dimension="merits",
    basis=[
        "《中华人民共和国行政处罚法》第九条",
        "《中华人民共和国行政处罚法》第七十六条第一款第（二）项",
    ],
    deduction=12,
    veto=True,
    recommendation="行政处罚的种类限于行政处罚法第九条所列种类；“其他行政处罚”只能由法律、"
    "行政法规规定，地方性法规、规章不得创设。",
    applies_to=ON_PENALTY,
    example="依据某市规章给予“取消评优资格”的处罚。",
    notes="The model's penalty-type code list is 第九条 itself, so only type 'other' is "
    "judged: it passes when a penalty provision is a 法律 or 行政法规 (title heuristics: "
    "中华人民共和国…法/条例/实施细则, national 条例 known to the citation module), otherwise "
    "needs_review (a person confirms that a law or administrative regulation provides that "
    "penalty). A title beginning with 国务院 (国务院…决定, 国务院关于…的规定) is not assumed to "
    "be a 行政法规 (legal review §1.5): a 国务院决定 is not an administrative regulation "
    "(行政许可法第十四条第二款 names them apart), yet some regulations bear such titles, so it "
    "goes to a person with a message naming the title. 'other' items naming a corrective "
    "measure (责令改正 …) are PEN-LAW-007's. A confirmed fail is a veto (penalty outside "
    "statutory kind, §3.1).",
)
def penalty_kinds_lawful(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Every penalty imposed is a kind 行政处罚法第九条 allows."""
    decision = case.decision
    if decision is None:
        return ctx.not_applicable("案卷无处罚决定")
    others = [
        (i, p)
        for i, p in enumerate(decision.penalties)
        if p.type == "other" and _non_penalty(p.description) is None
    ]
    if not others:
        return ctx.passed()
    laws = list(_basis(case).penalty_laws)
    if any(_is_law_or_state_council_regulation(law) for law in laws):
        return ctx.passed()
    council = [law for law in laws if law.startswith("国务院")]
    why = (
        f"处罚依据{'、'.join(f'《{x}》' for x in council)}为国务院发布的文件，国务院决定等不属于"
        "行政法规，请核实其是否为行政法规、该处罚种类是否由法律、行政法规设定"
        if council
        else "处罚依据"
        + (f"（{'、'.join(laws)}）" if laws else "")
        + "未见法律、行政法规，请核实该处罚种类是否由法律、行政法规设定"
    )
    return [
        ctx.needs_review(
            f"决定给予“{p.description or PENALTY_TYPE_ZH['other']}”，不属于行政处罚法第九条"
            f"列举的处罚种类；{why}",
            f"/decision/penalties/{i}",
            values={
                "处罚": p.description or PENALTY_TYPE_ZH["other"],
                "处罚依据所属法律规范": laws,
            },
        )
        for i, p in others
    ]


@rule(
    id="PEN-LAW-007",
    title="不得将责令改正等措施作为处罚种类",
    category=CATEGORY,
    dimension="merits",
    basis=["《中华人民共和国行政处罚法》第九条", "《中华人民共和国行政处罚法》第二十八条第一款"],
    deduction=5,
    recommendation="责令改正或者限期改正违法行为是实施行政处罚时应当同时采取的行政命令，不是"
    "行政处罚种类，不应列入处罚决定的处罚种类和内容。",
    applies_to=ON_PENALTY,
    example="决定书处罚内容写“1.责令改正；2.罚款5000元”。",
    notes="Penalty items of type 'other' whose description names 责令改正, 限期改正, 责令停止"
    "(违法行为), 责令整改, 责令退还, 责令赔偿, 批评教育 or 约谈. Deduction −5 follows Beijing 2016 "
    "(a non-penalty measure presented as a penalty, domain-standards §1.6); not a veto: the "
    "penalties actually imposed are unaffected. 责令停产停业 is a penalty and is not matched.",
)
def corrective_measures_not_penalties(case: CaseFile, ctx: CheckContext) -> Finding:
    """No corrective order is listed as a penalty."""
    decision = case.decision
    if decision is None:
        return ctx.not_applicable("案卷无处罚决定")
    found = []
    pointers = []
    for i, p in enumerate(decision.penalties):
        if p.type == "other" and (word := _non_penalty(p.description)) is not None:
            found.append(f"“{p.description}”（{word}）")
            pointers.append(f"/decision/penalties/{i}")
    if not found:
        return ctx.passed()
    return ctx.fail(
        f"决定将{'、'.join(found)}列为行政处罚种类；责令改正等属于行政命令，不是行政处罚",
        *pointers,
        values={"列为处罚的措施": found},
        count=len(found),
    )


# ---------------------------------------------------------------------------------------------
# PEN-LAW-008 fine within range
# ---------------------------------------------------------------------------------------------


def _yuan(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") + "元"


@rule(
    id="PEN-LAW-008",
    title="罚款数额在处罚依据规定的幅度内",
    category=CATEGORY,
    dimension="merits",
    basis=[
        "《中华人民共和国行政处罚法》第三十二条",
        "《中华人民共和国行政处罚法》第七十六条第一款第（二）项",
        "《中华人民共和国行政诉讼法》第七十条第（二）项",
    ],
    deduction=12,
    veto=True,
    recommendation="罚款数额应当在处罚依据规定的幅度内确定；依法减轻处罚的，应当在决定书中写明"
    "减轻处罚的情节和依据。",
    applies_to=AppliesTo(kinds={"penalty"}, outcomes={"penalty"}, penalty_types={"fine"}),
    example="处罚依据规定罚款五万元以上十万元以下，决定罚款十二万元。",
    notes="Compares each fine item with decision.penalty_range_min / penalty_range_max as the "
    "file records them (yuan; multiples of goods value must be computed by the file). Above the "
    "maximum → fail. Below the minimum → fail unless the discretion records 减轻处罚 "
    "(decision.discretion.level = reduced), which lawfully goes below the minimum (第三十二条); "
    "从轻 must stay within the range. No range recorded → not_applicable (the machine cannot "
    "know the statutory range; the reviewer checks it as part of the merits review). Veto per "
    "§3.1 (penalty outside statutory range). Whether the reduction itself is justified is the "
    "discretion plugin's business.",
)
def fine_within_range(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Each fine lies within the statutory range, unless lawfully reduced below it."""
    decision = case.decision
    if decision is None:
        return ctx.not_applicable("案卷无处罚决定")
    low, high = decision.penalty_range_min, decision.penalty_range_max
    if low is None and high is None:
        return ctx.not_applicable("案卷未记载处罚依据规定的罚款幅度，未核对罚款数额")
    if low is not None and high is not None and low > high:
        return ctx.needs_review(
            f"案卷记载的罚款幅度下限{_yuan(low)}高于上限{_yuan(high)}，请核实",
            "/decision/penalty_range_min",
            "/decision/penalty_range_max",
        )
    reduced = decision.discretion is not None and decision.discretion.level == "reduced"
    out: list[Finding] = []
    for i, p in enumerate(decision.penalties):
        if p.type != "fine" or p.amount is None:
            continue
        above = high is not None and p.amount > high
        # Most fines lie within the range: values and pointer only for a finding.
        if not above and (low is None or reduced or not p.amount < low):
            continue
        values = {"罚款数额": p.amount, "幅度下限": low, "幅度上限": high}
        pointer = f"/decision/penalties/{i}/amount"
        if above:
            out.append(
                ctx.fail(
                    f"罚款{_yuan(p.amount)}，高于处罚依据规定的上限{_yuan(high)}",
                    pointer,
                    "/decision/penalty_range_max",
                    values=values,
                )
            )
        elif low is not None and p.amount < low and not reduced:
            level = decision.discretion.level if decision.discretion else None
            level_zh = DISCRETION_LEVEL_ZH[level] if level else "未记载"
            note = (
                "决定记载为从轻处罚，从轻处罚应在法定幅度内"
                if level == "lighter"
                else ("决定未记载减轻处罚")
            )
            out.append(
                ctx.fail(
                    f"罚款{_yuan(p.amount)}，低于处罚依据规定的下限{_yuan(low)}，{note}",
                    pointer,
                    "/decision/penalty_range_min",
                    "/decision/discretion/level",
                    values={**values, "裁量阶次": level_zh},
                )
            )
    return out or ctx.passed()


# ---------------------------------------------------------------------------------------------
# PEN-LAW-009 penalty provision from the same instrument
# ---------------------------------------------------------------------------------------------


@rule(
    id="PEN-LAW-009",
    title="处罚依据与定性依据出自同一法律规范或说明理由",
    category=CATEGORY,
    dimension="merits",
    basis=[
        "《中华人民共和国行政处罚法》第五十九条第一款第（二）项",
        "《中华人民共和国行政处罚法》第五十九条第一款第（三）项",
    ],
    deduction=1,
    recommendation="处罚依据一般应为定性依据所在法律规范中对应的罚则条款；适用其他法律规范的罚则"
    "的，应当在决定书中说明理由（如上位法未规定罚则、下位法细化规定）。",
    applies_to=ON_PENALTY,
    example="定性依据为《中华人民共和国食品安全法》第三十四条，处罚依据却为《中华人民共和国产品质量法》"
    "第五十条，决定书未说明理由。",
    notes="Compares the instruments of the two lists, leaving the Penalty Law out of the "
    "penalty side (it is cited for confiscation or mitigation next to the sector law). No "
    "shared instrument → needs_review, never fail: a local regulation may lawfully set the "
    "penalty for breaching a national law's duty, and the model has no field for the "
    "decision's explanation. Either list without a recognised instrument → not_applicable "
    "(PEN-LAW-001 / 002 report it).",
)
def same_instrument(case: CaseFile, ctx: CheckContext) -> Finding:
    """The penalty provision belongs to the instrument that was violated, or a person checks."""
    basis = _basis(case)
    if not basis.violated_laws or not basis.penalised:
        return ctx.not_applicable("定性依据或处罚依据未引用可识别的法律规范")
    if _share_instrument(basis, ctx.laws):
        return ctx.passed()
    violated = list(basis.violated_laws)
    penalised = list(basis.penalised)
    return ctx.needs_review(
        f"定性依据出自{'、'.join(f'《{x}》' for x in violated)}，处罚依据出自"
        f"{'、'.join(f'《{x}》' for x in penalised)}，不属同一法律规范；请核实决定书是否说明"
        "适用理由及法律适用是否正确",
        "/decision/violated_provisions",
        "/decision/penalty_provisions",
        values={"定性依据所属法律规范": violated, "处罚依据所属法律规范": penalised},
    )


# ---------------------------------------------------------------------------------------------
# PEN-LAW-010 / 011 merits a reviewer decides (manual vetoes)
# ---------------------------------------------------------------------------------------------

PL_2017 = "《中华人民共和国行政处罚法》（2017年修正）"
_EXCERPT = 40
_PENALTIES_KEY = "legal_basis.penalties_text"


def _penalties_text(case: CaseFile) -> str:
    # Both manual rules show it: built once per case.
    text = case.derived.get(_PENALTIES_KEY)
    if text is not None:
        return text  # type: ignore[no-any-return]
    decision = case.decision
    if decision is None or not decision.penalties:
        text = "无"
    else:
        text = "、".join(
            (p.description if p.type == "other" and p.description else PENALTY_TYPE_ZH[p.type])
            + (_yuan(p.amount) if p.amount is not None else "")
            for p in decision.penalties
        )
    case.derived[_PENALTIES_KEY] = text
    return text


@rule(
    id="PEN-LAW-010",
    title="定性准确、适用法律及条款正确（人工认定）",
    category=CATEGORY,
    dimension="merits",
    basis=[
        "《中华人民共和国行政处罚法》第四条",
        "《中华人民共和国行政处罚法》第五十九条第一款第（二）项",
        "《中华人民共和国行政处罚法》第五十九条第一款第（三）项",
        "《中华人民共和国行政诉讼法》第七十条第（二）项",
    ],
    deduction=12,
    veto=True,
    manual=True,
    recommendation="应当根据查明的事实准确认定违法行为的性质，适用与违法行为相对应的法律、法规、规章"
    "及其具体条款；定性错误或者适用法律、条款错误的，应当依法撤销或者纠正。",
    applies_to=ON_DECISION,
    example="当事人销售超过保质期的食品，决定书却以“经营标签不符合规定的食品”定性，适用了"
    "《中华人民共和国食品安全法》第一百二十五条。",
    notes="Manual rule (legal review §4.5; domain-standards §3.1 default vetoes 'wrong "
    "characterisation' and 'wrong law or wrong article applied': Henan 适用依据, 测绘 基本标准): "
    "always needs_review, a reviewer's judgement decides and a confirmed fail is a veto. "
    "Whether the cited article fits the facts needs the article texts and a lawyer; the "
    "machine shows what it saw side by side: the violation and the main facts found, the "
    "provisions cited as violated (定性依据) and as the penalty basis (处罚依据), the penalties, "
    "and the machine-visible warning signs — a list that is empty or names no instrument, an "
    "entry that is not a recognisable citation, the two lists citing different instruments "
    "(the Penalty Law left out). Those signs are scored by PEN-LAW-001/002/003/009; here they "
    "only help the reviewer. Deduction 12 = the category's points (no source gives a figure "
    "short of the veto); used only by standards whose veto mode keeps points. Outcomes "
    "penalty and no_penalty (a 不予处罚 also rests on a characterisation); both procedures. "
    "Basis: 第四条 (penalties as laws, regulations and rules provide), 第五十九条第一款第（二）项"
    "、第（三）项 (the decision states the provisions violated and the penalty basis), "
    "行政诉讼法第七十条第（二）项 (适用法律、法规错误 → annulment).",
)
def characterisation_and_law_correct(case: CaseFile, ctx: CheckContext) -> Finding:
    """Manual: is the characterisation right and the right law and article applied? Shows the
    facts next to the provisions cited."""
    decision = case.decision
    if decision is None:
        return ctx.not_applicable("案卷无处罚决定")
    basis = _basis(case)
    violation = case.violation
    act = violation.description if violation is not None and violation.description else "未记载"
    main_facts = []
    for f in case.facts:
        if f.main:
            text = f.text
            main_facts.append(text if len(text) <= _EXCERPT else text[:_EXCERPT] + "…")
    signs: list[str] = []
    if not basis.violated_cited:
        signs.append("定性依据未载明或未写明具体法律规范")
    if decision.outcome == "penalty" and not basis.penalty_cited:
        signs.append("处罚依据未载明或未写明具体法律规范")
    if basis.unparsed:
        signs.append("未能识别为具体条文的依据：" + "；".join(basis.unparsed))
    if basis.violated_laws and basis.penalised and not _share_instrument(basis, ctx.laws):
        signs.append("定性依据与处罚依据不属同一法律规范")
    violated_text = basis.violated_text
    penalty_text = basis.penalty_text
    penalties = _penalties_text(case)
    values: dict[str, Any] = {
        "决定结果": OUTCOME_ZH.get(decision.outcome or "", "未记载"),
        "认定的违法行为": act,
        "主要事实": main_facts,
        "定性依据": violated_text,
        "处罚依据": penalty_text,
        "处罚内容": penalties,
        "机器发现的问题": signs,
    }
    seen = (
        f"认定的违法行为：{act}；定性依据：{violated_text}；处罚依据：{penalty_text}；"
        f"处罚内容：{penalties}"
    )
    tail = (
        "请评查人员认定定性是否准确、适用的法律规范及条款是否正确"
        "（定性错误或者适用法律、条款错误属一票否决）"
    )
    message = (
        f"{seen}。机器发现：{'；'.join(signs)}。{tail}"
        if signs
        else f"{seen}。机器核对未发现依据缺失或定性依据与处罚依据不对应；{tail}"
    )
    return ctx.needs_review(
        message,
        "/decision/violated_provisions",
        "/decision/penalty_provisions",
        "/violation/description",
        "/facts",
        values=values,
    )


_YES_NO: dict[bool | None, str] = {True: "是", False: "否", None: "未记载"}


@rule(
    id="PEN-LAW-011",
    title="涉嫌犯罪的案件依法移送司法机关（人工认定）",
    category=CATEGORY,
    dimension="merits",
    basis=[
        "《中华人民共和国行政处罚法》第八条第二款",
        "《中华人民共和国行政处罚法》第二十七条第一款",
        "《中华人民共和国行政处罚法》第五十七条第一款第（四）项",
        "《中华人民共和国行政处罚法》第八十二条",
        f"{PL_2017}第二十二条",
        "《行政执法机关移送涉嫌犯罪案件的规定》第三条第一款",
        "《行政执法机关移送涉嫌犯罪案件的规定》第十一条第一款",
    ],
    deduction=12,
    veto=True,
    manual=True,
    recommendation="违法行为涉嫌犯罪的，应当及时将案件移送司法机关，不得以行政处罚代替移送；"
    "对涉案金额、情节、后果接近刑事立案追诉标准的案件，应当在案卷中载明是否涉嫌犯罪的审查意见。",
    applies_to=AppliesTo(
        kinds={"penalty"}, procedures={"general"}, outcomes={"penalty", "no_penalty"}
    ),
    example="销售伪劣产品销售金额达二十万元，执法机关仅处以罚款，未审查是否涉嫌犯罪，也未移送公安机关。",
    notes="Manual rule (legal review §4.5; domain-standards §3.1 default veto 'case that had to "
    "be transferred kept', 测绘 基本标准): always needs_review, a reviewer's judgement decides "
    "and a confirmed fail is a veto. Whether the facts meet a criminal provision and its "
    "prosecution threshold (刑法, 立案追诉标准) is legal judgement the file cannot supply; the "
    "machine shows the violation, the amounts (illegal gains, goods value), harm, life/health "
    "involvement, prior violations, the penalties, and documents whose title mentions 移送 or "
    "涉嫌犯罪. Category legal_basis, not subject: the question is whether the facts, as "
    "characterised, fall under criminal law — the same application-of-law judgement as "
    "PEN-LAW-010 (以行政处罚代替刑事处罚 is applying the wrong body of law, 第八条第二款) — "
    "while the subject category holds the agency's own power and jurisdiction, which a kept "
    "criminal case does not put in doubt (the agency may still punish after a non-prosecution, "
    "第二十七条第一款后段). 测绘 lists 应当移送而未移送 next to 适用法律错误. Transfers to another "
    "administrative agency for lack of jurisdiction are PEN-SUBJ-002's. Scope: general "
    "procedure, outcomes penalty and no_penalty (a file already transferred is outside it); "
    "simple-procedure penalties (warnings, fines ≤200 / ≤3,000 yuan) are left out. Deduction "
    "12 = the category's points (no source gives a figure); used only by standards whose veto "
    "mode keeps points. Basis re-read in the 2021 Law and 国务院令第310号 (2020 revision); "
    "2017 第二十二条 for decisions before 2021-07-15.",
)
def criminal_case_transferred(case: CaseFile, ctx: CheckContext) -> Finding:
    """Manual: should the case have gone to the judicial organs? Shows the amounts, harm and
    any transfer document."""
    decision = case.decision
    if decision is None:
        return ctx.not_applicable("案卷无处罚决定")
    violation = case.violation
    values: dict[str, Any] = {
        "决定结果": OUTCOME_ZH.get(decision.outcome or "", "未记载"),
        "违法行为": (violation.description if violation else None) or "未记载",
        "违法所得": _yuan(violation.illegal_gains)
        if violation and violation.illegal_gains is not None
        else "未记载",
        "货值金额": _yuan(violation.goods_value)
        if violation and violation.goods_value is not None
        else "未记载",
        "有危害后果": _YES_NO[violation.harmful_consequences if violation else None],
        "涉及公民生命健康安全": _YES_NO[violation.involves_life_health if violation else None],
        "此前同类违法次数": violation.prior_violations
        if violation and violation.prior_violations is not None
        else "未记载",
        "处罚内容": _penalties_text(case),
    }
    summary = "；".join(f"{k}：{v}" for k, v in values.items())
    # Words in a title that show the case went (or was considered) for transfer.
    transfer_docs = [
        d.title for d in case.documents if d.title and ("移送" in d.title or "涉嫌犯罪" in d.title)
    ]
    values["移送相关文书"] = transfer_docs
    docs = (
        f"案卷中有{'、'.join(transfer_docs)}，请核对移送及公安机关的处理情况"
        if transfer_docs
        else "案卷中未见涉嫌犯罪案件移送或审查的文书"
    )
    return ctx.needs_review(
        f"{summary}。{docs}。请评查人员对照刑法及立案追诉标准认定本案是否涉嫌犯罪、应否移送司法"
        "机关（应当移送而未移送、以罚代刑属一票否决）",
        "/violation",
        "/decision/penalties",
        "/documents",
        values=values,
    )


# ---------------------------------------------------------------------------------------------
# Registration
# ---------------------------------------------------------------------------------------------

RULES = (
    penalty_basis_cited,
    violated_provision_cited,
    citations_specific,
    citations_regular,
    law_in_force,
    penalty_kinds_lawful,
    corrective_measures_not_penalties,
    fine_within_range,
    same_instrument,
    characterisation_and_law_correct,
    criminal_case_transferred,
)


@hookimpl
def casefile_eval_rules() -> tuple[Any, ...]:
    return RULES
