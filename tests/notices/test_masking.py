"""Masking personal data of natural persons."""

from __future__ import annotations

import pytest

from casefile_eval.masking import Masker, looks_like_person, mask_address, mask_name
from casefile_eval.testing import make_case


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("林志明", "林某"),
        ("张三", "张某"),
        ("欧阳娜娜", "欧阳某"),
        ("司马光", "司马某"),
        ("阿依古丽·买买提", "阿某"),
    ],
)
def test_names_keep_the_surname(name, masked):
    assert mask_name(name) == masked


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("林志明", True),
        ("欧阳娜娜", True),
        ("杭州余杭禾丰食品商行", False),
        ("林记小吃店", False),
        ("杭州栖禾餐饮管理有限公司", False),
        ("西湖区陈记面馆", False),
    ],
)
def test_individual_business_names_that_are_shops_are_kept(name, person):
    assert looks_like_person(name) is person


def test_text_masks_ids_phones_names_and_addresses_but_not_organisations():
    m = Masker()
    m.add_party("林志明", "natural_person")
    m.add_party("杭州余杭禾丰食品商行", "individual_business")
    text = (
        "当事人林志明（身份证号330106198507152334，手机13905710000，座机0571-88001234），"
        "住址：浙江省杭州市西湖区文三路88号3幢201室。经营者为杭州余杭禾丰食品商行；"
        "案号杭西市监处罚〔2025〕21号，罚款50000元，统一社会信用代码9133010674JURQ283Q。"
    )
    out = m.text(text)
    assert "林志明" not in out and "林某" in out
    assert "330106198507152334" not in out and "330106************" in out
    assert "13905710000" not in out and "139****0000" in out
    assert "88001234" not in out and "0571-****1234" in out
    assert "文三路88号" not in out and "浙江省杭州市西湖区****" in out
    assert "杭州余杭禾丰食品商行" in out
    assert "杭西市监处罚〔2025〕21号" in out and "50000元" in out
    assert "9133010674JURQ283Q" in out


def test_add_case_learns_operators_and_addresses_of_individual_businesses():
    case = make_case("licensing")
    m = Masker()
    m.add_case(case)
    operator = case.parties[0].legal_representative.name
    assert m.text(f"经营者{operator}") == f"经营者{mask_name(operator)}"
    assert case.parties[0].address not in m.text(f"地址{case.parties[0].address}")
    # The shop's registered name is an organisation's name and stays.
    assert m.text(case.parties[0].name) == case.parties[0].name


def test_legal_persons_representative_name_is_public():
    case = make_case("penalty")
    m = Masker()
    m.add_case(case)
    rep = case.parties[0].legal_representative
    assert rep.name in m.text(f"法定代表人{rep.name}")
    assert rep.id_number not in m.text(f"身份证{rep.id_number}")


def test_values_mask_address_keys_whole():
    m = Masker()
    out = m.values({"住址": "浙江省杭州市西湖区文三路88号", "决定日": "2025-04-02"})
    assert out == {"住址": "浙江省杭州市西湖区****", "决定日": "2025-04-02"}


def test_disabled_masker_changes_nothing():
    m = Masker(enabled=False)
    m.add_party("林志明", "natural_person")
    text = "林志明 13905710000 330106198507152334"
    assert m.text(text) == text
    assert m.name("林志明") == "林志明"


def test_address_prefix():
    assert mask_address("北京市海淀区中关村大街1号") == "北京市海淀区****"
    assert mask_address("延边朝鲜族自治州延吉市某路1号") == "延边朝鲜族自治州延吉市****"
