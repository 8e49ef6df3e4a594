"""A small review batch with planted defects, written as case files for the CLI tests."""

from __future__ import annotations

import importlib.metadata
import json
from pathlib import Path

from casefile_eval.testing import build_dict

RUBRIC = Path(__file__).resolve().parent / "rubric"

XIHU = "杭州市西湖区市场监督管理局"
YUHANG = "杭州市余杭区市场监督管理局"
SCRIPT_NAME = "<script>alert(1)</script>"
PERSON = "林志明"
PERSON_ID = "330106198507152334"
PERSON_PHONE = "13905718888"
PERSON_ADDRESS = "浙江省杭州市西湖区文三路88号3幢201室"
COMPOUND = "欧阳娜娜"
EVIL_ID = "../../etc/x"


def plugin_args() -> list[str]:
    """Load only the planted-defect rubric: the built-in rubrics change as they are written."""
    args = ["--rubrics-dir", str(RUBRIC)]
    for ep in importlib.metadata.entry_points(group="casefile_eval"):
        args += ["--disable-plugin", ep.name]
    return args


def _person(name: str, *, verified: bool = True, **extra) -> dict:
    party = {
        "id": "P1",
        "type": "natural_person",
        "role": "party",
        "name": name,
        "id_type": "居民身份证",
        "id_number": PERSON_ID,
        "address": PERSON_ADDRESS,
        "phone": PERSON_PHONE,
        "identity_verified": verified,
    }
    party.update(extra)
    return party


def cases() -> list[dict]:
    """Five penalty files in two agencies and one licensing file."""
    out = []
    # 1. clean, excellent
    out.append(build_dict("penalty", {"case_id": "XH-2025-001"}))
    # 2. natural person, unsealed decision, identity not verified
    out.append(
        build_dict(
            "penalty",
            {
                "case_id": "XH-2025-002",
                "title": f"{PERSON}销售超过保质期的食品案",
                "case_number": "杭西市监处罚〔2025〕21号",
                "parties": [_person(PERSON, verified=False)],
                "decision.sealed": False,
            },
        )
    )
    # 3. unsealed decision only; compound surname
    out.append(
        build_dict(
            "penalty",
            {
                "case_id": "XH-2025-003",
                "title": f"{COMPOUND}未按规定公示信息案",
                "case_number": "杭西市监处罚〔2025〕22号",
                "parties": [_person(COMPOUND)],
                "decision.sealed": False,
            },
        )
    )
    # 4. other agency: veto (jurisdiction), pending review, hostile names and id
    data = build_dict(
        "penalty",
        {
            "case_id": EVIL_ID,
            "title": f"{SCRIPT_NAME}无照经营案",
            "case_number": '=HYPERLINK("http://x")',
            "parties": [
                {
                    "id": "P1",
                    "type": "legal_person",
                    "role": "party",
                    "name": SCRIPT_NAME,
                    "credit_code": "91330106MA2H3KXX1C",
                    "address": "浙江省杭州市余杭区临平街道1号",
                }
            ],
            "agency.jurisdiction_confirmed": False,
            "extensions": {"tst_review": True},
        },
    )
    data["agency"]["name"] = YUHANG
    out.append(data)
    # 5. other agency, clean
    data = build_dict("penalty", {"case_id": "YH-2025-002"})
    data["agency"]["name"] = YUHANG
    out.append(data)
    # 6. licensing, clean
    out.append(build_dict("licensing", {"case_id": "YH-XK-2025-001"}))
    return out


def write_batch(folder: Path) -> Path:
    """Write the batch as one file per case; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, data in enumerate(cases(), 1):
        (folder / f"case-{i:02d}.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    return folder
