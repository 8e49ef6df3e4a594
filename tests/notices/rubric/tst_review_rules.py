"""Planted-defect rules for the notice tests (loaded with --rubrics-dir).

They read only fields the base test cases set, so that each test decides which files fail by
the overrides it applies; personal data goes into messages on purpose, to test masking.
"""

from casefile_eval.plugins import AppliesTo, hookimpl, rule

PENALTY = AppliesTo(kinds={"penalty"})


@rule(
    id="TST-DOC-001",
    title="行政处罚决定书未加盖印章",
    category="documents",
    dimension="quality",
    basis=["《中华人民共和国行政处罚法》第五十九条第二款"],
    deduction=3,
    recommendation="行政处罚决定书应当加盖作出决定的行政机关的印章，补正后重新送达。",
    applies_to=PENALTY,
)
def decision_sealed(case, ctx):
    """行政处罚决定书应当加盖印章。"""
    if case.decision is None or case.decision.sealed is None:
        return ctx.not_applicable("案卷未记载决定书用印情况")
    if case.decision.sealed:
        return ctx.passed()
    return ctx.fail(
        "行政处罚决定书未加盖印章",
        "/decision/sealed",
        values={"决定书文号": case.decision.number or "", "加盖印章": False},
    )


@rule(
    id="TST-EVID-001",
    title="当事人身份未核实",
    category="facts_evidence",
    dimension="merits",
    basis=["《中华人民共和国行政处罚法》第五十五条"],
    deduction=12,
    recommendation="调查取证时应当核实当事人身份，收集身份证明材料。",
    applies_to=PENALTY,
)
def identity_verified(case, ctx):
    """当事人身份应当核实。"""
    for party in case.parties:
        if party.identity_verified is False:
            return ctx.fail(
                f"当事人{party.name}（身份证号{party.id_number}，电话{party.phone}）身份未核实",
                "/parties/0/identity_verified",
                values={"当事人": party.name, "住址": party.address or ""},
            )
    return ctx.passed()


@rule(
    id="TST-SUBJ-001",
    title="执法主体管辖权未确认",
    category="subject",
    dimension="merits",
    basis=["《中华人民共和国行政处罚法》第二十二条"],
    deduction=10,
    veto=True,
    recommendation="确认本机关对案件具有管辖权；无管辖权的，依法移送有管辖权的机关。",
    applies_to=PENALTY,
)
def jurisdiction(case, ctx):
    """执法主体应当具有管辖权。"""
    if case.agency.jurisdiction_confirmed is False:
        return ctx.fail("未确认本机关对案件具有管辖权", "/agency/jurisdiction_confirmed")
    return ctx.passed()


@rule(
    id="TST-PROC-001",
    title="听证告知情况需人工核对",
    category="procedure",
    dimension="quality",
    basis=["《中华人民共和国行政处罚法》第六十三条"],
    deduction=2,
    manual=True,
    recommendation="对符合听证条件的案件，应当告知当事人有要求听证的权利。",
    applies_to=PENALTY,
)
def hearing_review(case, ctx):
    """听证告知需人工核对。"""
    if case.extensions.get("tst_review"):
        return ctx.needs_review("听证告知情况需人工核对")
    return ctx.passed()


@rule(
    id="TST-LIC-001",
    title="许可决定书未加盖印章",
    category="documents",
    dimension="quality",
    basis=["《中华人民共和国行政许可法》第三十八条"],
    deduction=2,
    recommendation="准予行政许可的书面决定应当加盖本行政机关印章。",
    applies_to=AppliesTo(kinds={"licensing"}),
)
def licence_sealed(case, ctx):
    """许可决定书应当加盖印章。"""
    if case.decision is None or case.decision.sealed is None:
        return ctx.not_applicable()
    if case.decision.sealed:
        return ctx.passed()
    return ctx.fail("准予行政许可决定书未加盖印章", "/decision/sealed")


@hookimpl
def casefile_eval_rules():
    return [decision_sealed, identity_verified, jurisdiction, hearing_review, licence_sealed]
