"""Customer search as the intake box uses it, on every backend."""
from __future__ import annotations

import pytest

from app.domain.core.errors import ValidationError
from app.domain.customers import customers


@pytest.fixture
def some_customers(any_db):
    made = [customers.create_customer(n, p, c, user=None) for n, p, c in [
        ("北京海淀华信电子有限公司", "010-62888899", "dealer"),
        ("上海浦东恒通数码商行", "021-58881234", "retailer"),
        ("张伟", "13812345678", "end_user"),
        ("吉𠮷商贸有限公司", "13900001111", "agent"),  # a name with a rare character
        ("100%_test 公司", "13700000000", "end_user"),
    ]]
    return made


@pytest.mark.parametrize("typed,expected", [
    ("bjhd", "北京海淀华信电子有限公司"),      # pinyin initials
    ("BJHD", "北京海淀华信电子有限公司"),
    ("海淀", "北京海淀华信电子有限公司"),
    ("62888899", "北京海淀华信电子有限公司"),  # phone digits
    ("010-6288", "北京海淀华信电子有限公司"),  # typed with the dash
    ("１３８１２", "张伟"),                    # full-width digits from a Chinese IME
    ("𠮷", "吉𠮷商贸有限公司"),
])
def test_search_finds(some_customers, typed, expected):
    assert expected in [c.name for c in customers.search(typed)]


def test_search_by_code(some_customers):
    code = some_customers[1].code
    assert [c.name for c in customers.search(code.lower())] == ["上海浦东恒通数码商行"]


def test_wildcards_are_literal(some_customers):
    assert [c.name for c in customers.search("%")] == ["100%_test 公司"]
    assert [c.name for c in customers.search("_")] == ["100%_test 公司"]


def test_prefix_matches_first(any_db):
    customers.create_customer("华北张伟商行", "13800000001", "retailer", user=None)
    customers.create_customer("张伟", "13800000002", "end_user", user=None)
    assert [c.name for c in customers.search("张伟")][0] == "张伟"


def test_new_customer_validation(any_db):
    with pytest.raises(ValidationError) as e:
        customers.create_customer("  ", "abc", "nonsense", user=None)
    assert set(e.value.fields) == {"name", "phone", "category"}
    c = customers.create_customer("　北京  华信　", "０１０-６２８８８８９９", "dealer", user=None)
    assert c.name == "北京 华信" and c.phone == "010-62888899"  # full-width and stray spaces cleaned
