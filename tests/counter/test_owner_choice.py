"""Issue 12 part 7: a unit recorded as another customer's is taken in only
with the clerk's choice (for its owner, or a change of owner), and the
service kind follows that choice. On every configured backend."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.core.errors import ValidationError
from app.domain.counter import intake, products
from app.domain.counter.models import Job, JobHistory, RegisterEntry, Unit
from app.domain.customers import customers


@pytest.fixture
def covered(any_db, staff):
    """A unit out of warranty, owned by a dealer with a maintenance agreement."""
    owner = customers.create_customer("华信电子", "010-62888899", "dealer", user=None)
    other = customers.create_customer("张伟", "13800138000", "end_user", user=None)
    unit = products.register_unit("OWN-1", products.get_or_create_product("HP-M429", "惠普打印机", 12), owner,
                                  dt.date.today() - dt.timedelta(days=800))
    agreement = products.create_agreement(owner, [unit], dt.date.today() - dt.timedelta(days=10),
                                          dt.date.today() + dt.timedelta(days=300), user=staff["manager"])
    return owner, other, unit, agreement


def form(customer, **kw):
    return intake.IntakeForm(customer_id=customer.id, serial="own-1", fault="卡纸", **kw)


def test_another_customers_unit_is_refused_without_a_choice(covered, staff):
    owner, other, unit, _ag = covered
    with pytest.raises(ValidationError) as err:
        intake.take_in(form(other), staff["counter"])
    assert set(err.value.fields) == {"owner_choice"} and "华信电子" in str(err.value.fields["owner_choice"])
    with pytest.raises(ValidationError) as err:
        intake.take_in(form(other, owner_choice="whatever"), staff["counter"])
    assert "owner_choice" in err.value.fields
    assert Job.select().count() == 0 and Unit.get_by_id(unit.id).owner_id == owner.id
    # The owner himself needs no choice.
    res = intake.take_in(form(owner), staff["counter"])
    assert res.job.customer_id == owner.id and res.job.service_kind == "contract"


def test_taken_in_for_the_owner_keeps_the_owners_agreement(covered, staff):
    owner, other, unit, ag = covered
    res = intake.take_in(form(other, owner_choice="for_owner"), staff["counter"])
    job = res.job
    assert job.customer_id == owner.id and job.service_kind == "contract" and job.agreement_id == ag.id
    assert Unit.get_by_id(unit.id).owner_id == owner.id
    assert res.register_row.person == "张伟" and res.register_row.customer_name == "华信电子"
    assert not job.history.where(JobHistory.what == "owner").exists()


def test_change_of_owner_is_recorded_and_the_old_agreement_left_behind(covered, staff):
    owner, other, unit, _ag = covered
    res = intake.take_in(form(other, owner_choice="new_owner"), staff["counter"])
    job = res.job
    assert job.customer_id == other.id and job.service_kind == "paid" and job.agreement_id is None
    assert job.computed_kind == "paid"
    moved = Unit.get_by_id(unit.id)
    assert moved.owner_id == other.id
    assert "所有人变更" in moved.notes and "华信电子" in moved.notes and "张伟" in moved.notes
    row = job.history.where(JobHistory.what == "owner").get()
    assert "华信电子" in row.old_value and "张伟" in row.new_value and row.user_id == staff["counter"].id
    entry = RegisterEntry.get(RegisterEntry.job == job.id)
    assert entry.customer_name == "张伟" and entry.person == "张伟"
    # The old owner's agreement now covers the unit only if he owns it again.
    assert products.decide_kind(moved).kind == "paid"
    assert products.decide_kind(moved, owner_id=owner.id).kind == "contract"


def test_the_owners_own_agreement_does_not_cover_after_a_change_of_owner(covered, staff):
    owner, other, unit, _ag = covered
    # What the counter shows before the choice: the owner's agreement for the owner, none for the other.
    assert products.decide_kind(unit).kind == "contract"
    assert products.decide_kind(unit, owner_id=other.id).kind == "paid"
    # A unit in warranty stays free whoever owns it (the warranty follows the unit).
    fresh = products.register_unit("OWN-2", unit.product, owner, dt.date.today() - dt.timedelta(days=30))
    res = intake.take_in(intake.IntakeForm(customer_id=other.id, serial="OWN-2", fault="卡纸",
                                           owner_choice="new_owner"), staff["counter"])
    assert res.job.service_kind == "free" and Unit.get_by_id(fresh.id).owner_id == other.id
