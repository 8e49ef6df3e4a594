"""Check digits of China's resident ID numbers (GB 11643) and unified social credit codes
(GB 32100), used by rules, the synthetic-case generator and the sample files."""

from __future__ import annotations

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def id_check_digit(first17: str) -> str:
    """The 18th character of a resident ID number whose first 17 digits are given."""
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def is_valid_id_number(value: str) -> bool:
    """True if ``value`` is an 18-character resident ID number with a correct check digit."""
    if len(value) != 18 or not value[:17].isdigit():
        return False
    return id_check_digit(value[:17]) == value[17].upper()


def credit_code_check_char(first17: str) -> str:
    """The 18th character of a unified social credit code whose first 17 are given."""
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31]


def is_valid_credit_code(value: str) -> bool:
    """True if ``value`` is an 18-character unified social credit code with a correct check."""
    if len(value) != 18 or any(c not in _USCC_CHARS for c in value):
        return False
    return credit_code_check_char(value[:17]) == value[17]
