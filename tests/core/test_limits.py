"""Issue 11, parts 1 and 3: the limits of every column in one place
(app.domain.core.limits) and the text rules (app.domain.core.text)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import peewee as pw
import pytest

from app.domain import schema
from app.domain.core import limits, settings, users
from app.domain.core.errors import ValidationError
from app.domain.core.models import Setting, User
from app.domain.core.text import clean, code, keep, keep_line
from app.domain.counter.models import Job, JobItem, JobLabour, JobPart, Product, Unit
from app.domain.customers.models import Customer
from app.domain.field.models import GiftItem, VisitPlan
from tests import print_samples


def test_text_maximum_is_the_char_field_or_the_declared_one():
    assert limits.max_length(Unit.serial) == Unit.serial.max_length == 100
    assert limits.max_length(JobItem.description) == 200
    assert limits.max_length(Job.fault) == 1000                 # declared beside the model
    assert limits.max_length(Customer.notes) == 4000
    assert limits.max_length(Setting.value) == limits.TEXT_MAX  # not declared: the default
    with pytest.raises(TypeError):
        limits.max_length(JobPart.quantity)


def test_every_text_column_has_a_maximum_mariadb_can_hold():
    for model in schema.MODELS:
        for field in model._meta.sorted_fields:
            if isinstance(field, (pw.CharField, pw.TextField)):
                n = limits.max_length(field)
                assert 0 < n <= 65535 // 4, f"{model.__name__}.{field.name}"


def test_number_range_and_precision_come_from_the_column_and_the_declaration():
    q = limits.limit(JobPart.quantity)
    assert (q.minimum, q.maximum, q.decimals) == (Decimal("0.01"), Decimal(10000), 2)
    p = limits.limit(JobPart.unit_price)
    assert (p.minimum, p.maximum, p.decimals) == (0, Decimal(1000000), 2)
    paid = limits.limit(Job.amount_paid)            # not declared: what DECIMAL(12, 2) holds
    assert (paid.minimum, paid.maximum) == (0, Decimal("9999999999.99"))
    assert limits.limit(Product.warranty_months).maximum == 240
    assert limits.limit(VisitPlan.month).kind == "integer"
    assert limits.limit(JobLabour.hours).maximum == 24
    assert limits.limit(GiftItem.unit_value).maximum == 1000000


def test_declaring_a_wrong_rule_or_field_is_a_programming_error():
    with pytest.raises(AttributeError):
        limits.declare(Job, no_such_field=10)
    with pytest.raises(TypeError):
        limits.declare(Job, fault=limits.Range(0, 1))


@pytest.mark.parametrize("values,field,words", [
    ({"description": "x" * 201}, "description", "At most 200 characters (201 entered)."),
    ({"description": "电源\x00适配器"}, "description", "NUL character"),
    ({"description": {"a": 1}}, "description", "Enter text here."),
    ({"description": 12}, "description", "Enter text here."),
    ({"quantity": Decimal("0.001")}, "quantity", "Between 0.01 and 10,000."),
    ({"quantity": Decimal("1.005")}, "quantity", "At most 2 decimal places."),
    ({"quantity": Decimal("10000.01")}, "quantity", "Between 0.01 and 10,000."),
    ({"quantity": "abc"}, "quantity", "Enter a number."),
    ({"quantity": True}, "quantity", "Enter a number."),
    ({"quantity": [1]}, "quantity", "Enter a number."),
    ({"unit_price": Decimal("1e20")}, "unit_price", "Between 0 and 1,000,000."),
    ({"unit_price": float("nan")}, "unit_price", "Enter a number."),
    ({"added_at": "2026-01-01"}, "added_at", "Enter a date and time."),
    ({"job": "7"}, "job", "Choose one from the list."),
])
def test_check_names_the_field_and_says_what_is_wrong(values, field, words):
    errors = limits.check(JobPart, values)
    assert list(errors) == [field]
    assert words in errors[field]


def test_check_accepts_what_fits_and_skips_other_keys():
    assert limits.check(JobPart, {"description": "电源适配器，原装（保修外）", "quantity": Decimal("10000"),
                                  "unit_price": Decimal("1000000.00"), "kind": "part", "not_a_column": object(),
                                  "added_at": dt.datetime(2026, 1, 1)}) == {}
    assert limits.check(Job, {"amount_paid": None, "promised_date": None, "technician_id": 3}) == {}
    assert limits.check(Job, {"technician_id": "3"}) == {"technician_id": "Choose one from the list."}


def test_check_renames_and_prefixes_and_require_raises():
    errors = limits.check(GiftItem, {"quantity": "0.001"}, prefix="items.3.")
    assert list(errors) == ["items.3.quantity"]
    errors = limits.check(Product, {"model": "M" * 101}, names={"model": "product"})
    assert list(errors) == ["product"]
    with pytest.raises(ValidationError) as e:
        limits.require(Product, {"model": "M" * 101, "name": "x\x00"})
    assert set(e.value.fields) == {"model", "name"}


def test_maximums_list_every_text_column():
    m = limits.maximums(Customer, Unit)
    assert m["Customer.name"] == 200 and m["Customer.notes"] == 4000 and m["Unit.serial"] == 100
    assert "Customer.credit_limit" not in m


def test_print_samples_take_their_maximums_from_the_models():
    for key, n in print_samples.MAXIMUMS.items():
        model_name, _, field = key.partition(".")
        model = {m.__name__: m for m in schema.MODELS}.get(model_name)
        if model is not None:
            assert n == limits.max_length(getattr(model, field)), key
    company = {"company.name": "company_name", "company.phone": "company_phone", "company.address": "company_address"}
    for key, setting in company.items():
        assert print_samples.MAXIMUMS[key] == settings.max_length(setting)
    assert print_samples.MONEY == limits.limit(Customer.credit_limit).maximum


def test_free_text_is_kept_as_typed():
    typed = "  客户要求：先报价，再维修（保修外）。\r\n屏幕有划痕；  电池鼓包\r第三行  "
    assert keep(typed) == "客户要求：先报价，再维修（保修外）。\n屏幕有划痕；  电池鼓包\n第三行"
    assert keep_line("  电源适配器（原装）\n一个  ") == "电源适配器（原装） 一个"
    assert keep(None) == "" and keep({"a": 1}) == {"a": 1}


def test_names_codes_and_phones_are_normalised():
    assert clean("  张　伟  ") == "张 伟"
    assert clean("１３８ ００１３ ８０００") == "138 0013 8000"
    assert code(" ｐｆ３ｋ９ａ２ｂ ") == "PF3K9A2B"
    assert clean(None) == "" and clean(5) == 5 and code([1]) == [1]


# -- core services ---------------------------------------------------------------------------------

def test_user_names_are_checked(any_db):
    before = User.select().count()
    for username, display_name, field in (("u" * 65, "张三", "username"), ("zhang", "张" * 65, "display_name"),
                                          ("zhang", {"x": 1}, "display_name"), ("zh\x00ang", "张三", "username")):
        with pytest.raises(ValidationError) as e:
            users.create_user(username, display_name, "counter")
        assert field in e.value.fields
    assert User.select().count() == before
    assert users.create_user("u" * 64, "张" * 64, "counter").display_name == "张" * 64


def test_shared_settings_are_checked(any_db, staff):
    admin = staff["admin"]
    for key, value in (("company_name", "华" * 201), ("company_phone", "0" * 65), ("company_address", "路\x00"),
                       ("pickup_terms", "条" * 4001), ("company_name", 5)):
        with pytest.raises(ValidationError) as e:
            settings.set_value(key, value, admin)
        assert list(e.value.fields) == [key]
    assert Setting.select().count() == 0
    settings.set_value("company_name", "华" * 200, admin)
    assert settings.get("company_name") == "华" * 200
