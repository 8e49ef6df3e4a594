"""Controlled vocabularies of the case-file format, with the Chinese label of every code.

Codes are stable English identifiers (they appear in JSON files and in rule code); the labels
are what reviewers read in notices and score sheets.
"""

from __future__ import annotations

from typing import Literal, get_args

Kind = Literal["penalty", "licensing"]
KIND_ZH: dict[str, str] = {"penalty": "行政处罚", "licensing": "行政许可"}

Procedure = Literal["general", "simple", "on_the_spot", "joint"]
PROCEDURE_ZH: dict[str, str] = {
    "general": "普通程序",
    "simple": "简易程序（当场处罚）",
    "on_the_spot": "当场作出许可决定",
    "joint": "统一办理、联合办理或集中办理",
}

Sector = Literal[
    "market_regulation",
    "ecology_environment",
    "transport",
    "emergency_management",
    "urban_management",
    "housing_construction",
    "agriculture",
    "natural_resources",
    "culture_tourism",
    "health",
    "public_security",
    "other",
]
SECTOR_ZH: dict[str, str] = {
    "market_regulation": "市场监管",
    "ecology_environment": "生态环境",
    "transport": "交通运输",
    "emergency_management": "应急管理",
    "urban_management": "城管综合执法",
    "housing_construction": "住房和城乡建设",
    "agriculture": "农业农村",
    "natural_resources": "自然资源",
    "culture_tourism": "文化和旅游",
    "health": "卫生健康",
    "public_security": "公安",
    "other": "其他",
}

AgencyLevel = Literal["national", "province", "city", "county", "township"]
AGENCY_LEVEL_ZH: dict[str, str] = {
    "national": "国务院部门",
    "province": "省级",
    "city": "设区的市级",
    "county": "县级",
    "township": "乡镇、街道",
}

SubjectType = Literal["organ", "authorised", "entrusted"]
SUBJECT_TYPE_ZH: dict[str, str] = {
    "organ": "行政机关",
    "authorised": "法律法规授权组织",
    "entrusted": "受委托组织",
}

PartyType = Literal["natural_person", "individual_business", "legal_person", "other_organisation"]
PARTY_TYPE_ZH: dict[str, str] = {
    "natural_person": "自然人",
    "individual_business": "个体工商户",
    "legal_person": "法人",
    "other_organisation": "其他组织",
}

PartyRole = Literal["party", "applicant", "interested_party", "witness", "agent"]
PARTY_ROLE_ZH: dict[str, str] = {
    "party": "当事人",
    "applicant": "申请人",
    "interested_party": "利害关系人",
    "witness": "见证人",
    "agent": "委托代理人",
}

OfficerRole = Literal[
    "investigator",
    "legal_reviewer",
    "case_reviewer",
    "hearing_officer",
    "agency_head",
    "recorder",
    "licensing_reviewer",
]
OFFICER_ROLE_ZH: dict[str, str] = {
    "investigator": "承办人员",
    "legal_reviewer": "法制审核人员",
    "case_reviewer": "案件审核人员",
    "hearing_officer": "听证主持人",
    "agency_head": "机关负责人",
    "recorder": "记录人",
    "licensing_reviewer": "许可审查人员",
}

ClueSource = Literal[
    "inspection", "complaint", "report", "referral", "assigned", "media", "monitoring", "other"
]
CLUE_SOURCE_ZH: dict[str, str] = {
    "inspection": "日常检查",
    "complaint": "投诉",
    "report": "举报",
    "referral": "部门移送",
    "assigned": "上级交办",
    "media": "媒体曝光",
    "monitoring": "电子技术监控",
    "other": "其他",
}

DocumentType = Literal[
    # penalty
    "clue_record",
    "filing_approval",
    "inquiry_record",
    "inspection_record",
    "on_site_record",
    "sampling_record",
    "survey_record",
    "preservation_approval",
    "preservation_notice",
    "preservation_inventory",
    "preservation_handling_decision",
    "seizure_approval",
    "seizure_decision",
    "seizure_inventory",
    "seizure_extension_notice",
    "seizure_release_decision",
    "testing_period_notice",
    "test_report",
    "test_result_notice",
    "investigation_report",
    "case_review_opinion",
    "legal_review_opinion",
    "collective_discussion_record",
    "prior_notice",
    "statement_record",
    "statement_letter",
    "waiver_statement",
    "reexamination_opinion",
    "hearing_request",
    "hearing_notice",
    "hearing_record",
    "hearing_report",
    "extension_approval",
    "decision_approval",
    "penalty_decision",
    "no_penalty_decision",
    "on_the_spot_decision",
    "service_receipt",
    "address_confirmation",
    "service_announcement",
    "payment_receipt",
    "deferral_approval",
    "demand_notice",
    "enforcement_application",
    "closing_approval",
    "publicity_record",
    "entrustment_letter",
    "identity_proof",
    "business_licence",
    "power_of_attorney",
    "correction_order",
    "administrative_guidance",
    "disposal_record",
    "filing_record",
    # licensing
    "application_form",
    "material_receipt",
    "correction_notice",
    "acceptance_notice",
    "rejection_decision",
    "preliminary_review_opinion",
    "verification_record",
    "interested_party_notice",
    "hearing_right_notice",
    "hearing_announcement",
    "extension_notice",
    "excluded_time_notice",
    "licensing_decision_approval",
    "grant_decision",
    "denial_decision",
    "licence_certificate",
    "fee_receipt",
    # archive
    "file_cover",
    "file_index",
    "file_remarks",
    "other",
]
DOCUMENT_TYPE_ZH: dict[str, str] = {
    "clue_record": "案件来源登记表",
    "filing_approval": "立案审批表",
    "inquiry_record": "询问笔录",
    "inspection_record": "检查笔录",
    "on_site_record": "现场笔录",
    "sampling_record": "抽样取证记录",
    "survey_record": "勘验笔录",
    "preservation_approval": "先行登记保存审批表",
    "preservation_notice": "先行登记保存通知书",
    "preservation_inventory": "先行登记保存物品清单",
    "preservation_handling_decision": "先行登记保存物品处理决定书",
    "seizure_approval": "查封扣押审批表",
    "seizure_decision": "查封（扣押）决定书",
    "seizure_inventory": "查封（扣押）清单",
    "seizure_extension_notice": "延长查封（扣押）期限通知书",
    "seizure_release_decision": "解除查封（扣押）决定书",
    "testing_period_notice": "检测、检验、鉴定期间告知书",
    "test_report": "检验检测报告或鉴定意见",
    "test_result_notice": "检验检测结果告知书",
    "investigation_report": "调查终结报告",
    "case_review_opinion": "案件审核意见书",
    "legal_review_opinion": "法制审核意见书",
    "collective_discussion_record": "集体讨论记录",
    "prior_notice": "行政处罚告知书",
    "statement_record": "陈述申辩笔录",
    "statement_letter": "陈述申辩书",
    "waiver_statement": "放弃陈述申辩、听证权利声明",
    "reexamination_opinion": "陈述申辩复核意见",
    "hearing_request": "听证申请书",
    "hearing_notice": "听证通知书",
    "hearing_record": "听证笔录",
    "hearing_report": "听证报告",
    "extension_approval": "延长办案期限审批表",
    "decision_approval": "行政处罚决定审批表",
    "penalty_decision": "行政处罚决定书",
    "no_penalty_decision": "不予行政处罚决定书",
    "on_the_spot_decision": "当场行政处罚决定书",
    "service_receipt": "送达回证",
    "address_confirmation": "送达地址确认书",
    "service_announcement": "公告送达记录",
    "payment_receipt": "罚没款缴款凭证",
    "deferral_approval": "延期（分期）缴纳罚款审批表",
    "demand_notice": "催告书",
    "enforcement_application": "强制执行申请书",
    "closing_approval": "结案审批表",
    "publicity_record": "信息公示记录",
    "entrustment_letter": "行政执法委托书",
    "identity_proof": "当事人身份证明",
    "business_licence": "营业执照",
    "power_of_attorney": "授权委托书",
    "correction_order": "责令改正通知书",
    "administrative_guidance": "教育告诫书、行政指导书",
    "disposal_record": "罚没物品处置记录",
    "filing_record": "备案登记",
    "application_form": "行政许可申请书",
    "material_receipt": "申请材料接收凭证",
    "correction_notice": "补正材料告知书",
    "acceptance_notice": "受理通知书",
    "rejection_decision": "不予受理决定书",
    "preliminary_review_opinion": "下级行政机关初步审查意见",
    "verification_record": "核查（勘验）笔录",
    "interested_party_notice": "利害关系人告知书",
    "hearing_right_notice": "听证权利告知书",
    "hearing_announcement": "听证公告",
    "extension_notice": "延长许可期限通知书",
    "excluded_time_notice": "特别程序所需时间告知书",
    "licensing_decision_approval": "行政许可决定审批表",
    "grant_decision": "准予行政许可决定书",
    "denial_decision": "不予行政许可决定书",
    "licence_certificate": "行政许可证件",
    "fee_receipt": "收费票据",
    "file_cover": "案卷封面",
    "file_index": "卷内目录",
    "file_remarks": "备考表",
    "other": "其他文书",
}

#: Documents that are records of an investigative act (笔录): they need the party's
#: signature (or a recorded refusal) and two officers.
RECORD_TYPES: frozenset[str] = frozenset(
    {
        "inquiry_record",
        "inspection_record",
        "on_site_record",
        "sampling_record",
        "survey_record",
        "verification_record",
        "statement_record",
        "hearing_record",
    }
)

EvidenceType = Literal[
    "documentary",
    "physical",
    "audio_visual",
    "electronic_data",
    "witness_testimony",
    "party_statement",
    "expert_opinion",
    "inspection_record",
]
EVIDENCE_TYPE_ZH: dict[str, str] = {
    "documentary": "书证",
    "physical": "物证",
    "audio_visual": "视听资料",
    "electronic_data": "电子数据",
    "witness_testimony": "证人证言",
    "party_statement": "当事人的陈述",
    "expert_opinion": "鉴定意见",
    "inspection_record": "勘验笔录、现场笔录",
}

PenaltyType = Literal[
    "warning",
    "circulated_criticism",
    "fine",
    "confiscate_illegal_gains",
    "confiscate_illegal_property",
    "suspend_licence",
    "lower_qualification",
    "revoke_licence",
    "restrict_business",
    "suspend_production",
    "order_closure",
    "restrict_practice",
    "detention",
    "other",
]
PENALTY_TYPE_ZH: dict[str, str] = {
    "warning": "警告",
    "circulated_criticism": "通报批评",
    "fine": "罚款",
    "confiscate_illegal_gains": "没收违法所得",
    "confiscate_illegal_property": "没收非法财物",
    "suspend_licence": "暂扣许可证件",
    "lower_qualification": "降低资质等级",
    "revoke_licence": "吊销许可证件",
    "restrict_business": "限制开展生产经营活动",
    "suspend_production": "责令停产停业",
    "order_closure": "责令关闭",
    "restrict_practice": "限制从业",
    "detention": "行政拘留",
    "other": "法律、行政法规规定的其他行政处罚",
}

Outcome = Literal[
    # penalty
    "penalty",
    "no_penalty",
    "not_established",
    "transfer_judicial",
    "transfer_agency",
    # licensing
    "grant",
    "partial_grant",
    "deny",
]
OUTCOME_ZH: dict[str, str] = {
    "penalty": "给予行政处罚",
    "no_penalty": "不予行政处罚",
    "not_established": "违法事实不能成立",
    "transfer_judicial": "移送司法机关",
    "transfer_agency": "移送其他行政机关",
    "grant": "准予许可",
    "partial_grant": "部分准予许可",
    "deny": "不予许可",
}
PENALTY_OUTCOMES: frozenset[str] = frozenset(
    {"penalty", "no_penalty", "not_established", "transfer_judicial", "transfer_agency"}
)
LICENSING_OUTCOMES: frozenset[str] = frozenset({"grant", "partial_grant", "deny"})

Circumstance = Literal[
    "eliminated_harm",
    "coerced_or_deceived",
    "voluntary_confession",
    "meritorious_service",
    "minor_14_18",
    "limited_capacity",
    "first_offence",
    "minor_and_corrected",
    "no_fault",
    "aggravating",
    "repeat_offence",
    "other_mitigating",
]
CIRCUMSTANCE_ZH: dict[str, str] = {
    "eliminated_harm": "主动消除或者减轻违法行为危害后果",
    "coerced_or_deceived": "受他人胁迫或者诱骗实施违法行为",
    "voluntary_confession": "主动供述行政机关尚未掌握的违法行为",
    "meritorious_service": "配合查处违法行为有立功表现",
    "minor_14_18": "已满十四周岁不满十八周岁",
    "limited_capacity": "尚未完全丧失辨认或者控制能力的精神病人、智力残疾人",
    "first_offence": "初次违法且危害后果轻微并及时改正",
    "minor_and_corrected": "违法行为轻微并及时改正，没有造成危害后果",
    "no_fault": "当事人有证据足以证明没有主观过错",
    "aggravating": "从重情节",
    "repeat_offence": "多次违法",
    "other_mitigating": "其他依法从轻或者减轻情节",
}

DiscretionLevel = Literal["none", "lighter", "reduced", "ordinary", "heavier"]
DISCRETION_LEVEL_ZH: dict[str, str] = {
    "none": "不予处罚",
    "lighter": "从轻处罚",
    "reduced": "减轻处罚",
    "ordinary": "一般处罚",
    "heavier": "从重处罚",
}

ServiceMethod = Literal[
    "direct", "left_at_address", "electronic", "post", "entrusted", "transferred", "announcement"
]
SERVICE_METHOD_ZH: dict[str, str] = {
    "direct": "直接送达",
    "left_at_address": "留置送达",
    "electronic": "电子送达",
    "post": "邮寄送达",
    "entrusted": "委托送达",
    "transferred": "转交送达",
    "announcement": "公告送达",
}

MeasureType = Literal["advance_preservation", "seal_up", "impound"]
MEASURE_TYPE_ZH: dict[str, str] = {
    "advance_preservation": "先行登记保存",
    "seal_up": "查封",
    "impound": "扣押",
}

MeasureHandling = Literal[
    "release", "confiscate", "destroy", "send_for_testing", "seize", "transfer", "return", "other"
]
MEASURE_HANDLING_ZH: dict[str, str] = {
    "release": "解除",
    "confiscate": "没收",
    "destroy": "依法销毁",
    "send_for_testing": "送检",
    "seize": "依法查封扣押",
    "transfer": "移送",
    "return": "退还",
    "other": "其他处理",
}

Step = Literal[
    "filing",
    "on_site_inspection",
    "inquiry",
    "sampling",
    "advance_preservation",
    "seal_up",
    "impound",
    "forced_demolition",
    "hearing",
    "service",
    "service_left_at_address",
    "service_announcement",
    "enforcement",
    "verification",
    "other",
]
STEP_ZH: dict[str, str] = {
    "filing": "立案",
    "on_site_inspection": "现场检查",
    "inquiry": "询问调查",
    "sampling": "抽样取证",
    "advance_preservation": "先行登记保存",
    "seal_up": "查封",
    "impound": "扣押",
    "forced_demolition": "强制拆除",
    "hearing": "听证",
    "service": "送达",
    "service_left_at_address": "留置送达",
    "service_announcement": "公告送达",
    "enforcement": "执行",
    "verification": "核查",
    "other": "其他环节",
}

ExcludedType = Literal[
    "hearing",
    "testing",
    "inspection",
    "quarantine",
    "appraisal",
    "expert_review",
    "tendering",
    "auction",
    "announcement",
    "suspension",
    "rightholder_identification",
    "other",
]
EXCLUDED_TYPE_ZH: dict[str, str] = {
    "hearing": "听证",
    "testing": "检测",
    "inspection": "检验",
    "quarantine": "检疫",
    "appraisal": "鉴定",
    "expert_review": "专家评审",
    "tendering": "招标",
    "auction": "拍卖",
    "announcement": "公告",
    "suspension": "案件中止",
    "rightholder_identification": "权利人辨认或者鉴别",
    "other": "其他依法不计入期限的时间",
}

MajorCategory = Literal[
    "public_interest", "major_rights_after_hearing", "complex", "required_by_law", "catalogue"
]
MAJOR_CATEGORY_ZH: dict[str, str] = {
    "public_interest": "涉及重大公共利益",
    "major_rights_after_hearing": "直接关系当事人或者第三人重大权益，经过听证程序",
    "complex": "案件情况疑难复杂、涉及多个法律关系",
    "required_by_law": "法律、法规规定应当进行法制审核",
    "catalogue": "列入本机关重大执法决定法制审核目录清单",
}

ReviewType = Literal["legal_review", "case_review"]
REVIEW_TYPE_ZH: dict[str, str] = {
    "legal_review": "法制审核",
    "case_review": "案件审核",
}

ReviewConclusion = Literal["approved", "approved_with_changes", "not_approved"]
REVIEW_CONCLUSION_ZH: dict[str, str] = {
    "approved": "同意",
    "approved_with_changes": "修改后同意",
    "not_approved": "不同意",
}

ReplyType = Literal["none", "statement", "defence", "hearing_request", "waived"]
REPLY_TYPE_ZH: dict[str, str] = {
    "none": "未提出陈述申辩",
    "statement": "陈述",
    "defence": "申辩",
    "hearing_request": "申请听证",
    "waived": "书面放弃",
}

Right = Literal["statement", "defence", "hearing"]
RIGHT_ZH: dict[str, str] = {"statement": "陈述", "defence": "申辩", "hearing": "要求听证"}

ApplicationType = Literal["new", "change", "renewal", "other"]
APPLICATION_TYPE_ZH: dict[str, str] = {
    "new": "设立（新办）",
    "change": "变更",
    "renewal": "延续",
    "other": "其他",
}

AcceptanceOutcome = Literal["accepted", "rejected", "not_required", "refer_elsewhere"]
ACCEPTANCE_OUTCOME_ZH: dict[str, str] = {
    "accepted": "受理",
    "rejected": "不予受理",
    "not_required": "告知不需要取得行政许可",
    "refer_elsewhere": "告知向有关行政机关申请",
}

PublicityChannel = Literal[
    "credit_china",
    "enterprise_credit_system",
    "government_website",
    "agency_website",
    "enforcement_platform",
    "bulletin_board",
    "other",
]
PUBLICITY_CHANNEL_ZH: dict[str, str] = {
    "credit_china": "信用中国网站",
    "enterprise_credit_system": "国家企业信用信息公示系统",
    "government_website": "政府门户网站",
    "agency_website": "部门网站",
    "enforcement_platform": "行政执法信息公示平台",
    "bulletin_board": "办公场所公告栏",
    "other": "其他渠道",
}

#: Every vocabulary, for documentation and for the schema generator's descriptions.
VOCABULARIES: dict[str, tuple[object, dict[str, str]]] = {
    "Kind": (Kind, KIND_ZH),
    "Procedure": (Procedure, PROCEDURE_ZH),
    "Sector": (Sector, SECTOR_ZH),
    "AgencyLevel": (AgencyLevel, AGENCY_LEVEL_ZH),
    "SubjectType": (SubjectType, SUBJECT_TYPE_ZH),
    "PartyType": (PartyType, PARTY_TYPE_ZH),
    "PartyRole": (PartyRole, PARTY_ROLE_ZH),
    "OfficerRole": (OfficerRole, OFFICER_ROLE_ZH),
    "ClueSource": (ClueSource, CLUE_SOURCE_ZH),
    "DocumentType": (DocumentType, DOCUMENT_TYPE_ZH),
    "EvidenceType": (EvidenceType, EVIDENCE_TYPE_ZH),
    "PenaltyType": (PenaltyType, PENALTY_TYPE_ZH),
    "Outcome": (Outcome, OUTCOME_ZH),
    "Circumstance": (Circumstance, CIRCUMSTANCE_ZH),
    "DiscretionLevel": (DiscretionLevel, DISCRETION_LEVEL_ZH),
    "ServiceMethod": (ServiceMethod, SERVICE_METHOD_ZH),
    "MeasureType": (MeasureType, MEASURE_TYPE_ZH),
    "MeasureHandling": (MeasureHandling, MEASURE_HANDLING_ZH),
    "Step": (Step, STEP_ZH),
    "ExcludedType": (ExcludedType, EXCLUDED_TYPE_ZH),
    "MajorCategory": (MajorCategory, MAJOR_CATEGORY_ZH),
    "ReviewType": (ReviewType, REVIEW_TYPE_ZH),
    "ReviewConclusion": (ReviewConclusion, REVIEW_CONCLUSION_ZH),
    "ReplyType": (ReplyType, REPLY_TYPE_ZH),
    "Right": (Right, RIGHT_ZH),
    "ApplicationType": (ApplicationType, APPLICATION_TYPE_ZH),
    "AcceptanceOutcome": (AcceptanceOutcome, ACCEPTANCE_OUTCOME_ZH),
    "PublicityChannel": (PublicityChannel, PUBLICITY_CHANNEL_ZH),
}


def _check_labels() -> None:
    # A code without a label would print as an English code in a notice sent to an agency.
    for name, (literal, labels) in VOCABULARIES.items():
        missing = set(get_args(literal)) ^ set(labels)
        if missing:
            raise AssertionError(f"vocabulary {name} labels out of sync: {sorted(missing)}")


_check_labels()
