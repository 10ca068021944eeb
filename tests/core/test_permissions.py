"""Every domain service refuses a role without the right, through the
domain API (not the UI), and writes nothing when it does."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.core import auth, settings
from app.domain.core.errors import PermissionDenied, ValidationError
from app.domain.core.models import Setting, User
from app.domain.core.permissions import ROLE_PERMISSIONS, ROLES, can
from app.domain.counter import intake, jobs, products, register, release
from app.domain.counter.models import Agreement, Job, JobHistory, JobLabour, JobPart, Receipt, RegisterEntry
from tests.helpers import make_customer, take_in

MANAGER_PASSWORD = "approve-2026-pw"


@pytest.fixture
def world(any_db, staff):
    """A job ready for pickup and one being diagnosed with a part and a labour line."""
    counter, tech = staff["counter"], staff["tech"]
    ready = take_in(counter, serial="READY01")
    job = ready.job
    for action in ("start_diagnosis", "start_repair", "finish_repair", "mark_ready"):
        job = jobs.perform(job.id, action, tech, None)
    work = take_in(counter, customer=make_customer("李四", "13800138000", "end_user"), serial="WORK01").job
    work = jobs.perform(work.id, "start_diagnosis", tech, None)
    work = jobs.add_part(work.id, "主板", 1, "1280", tech, None)
    work = jobs.add_labour(work.id, 1, 80, tech, None)
    users = {role: next(u for u in staff.values() if u.role == role) for role in ROLES}
    auth.set_password(None, users["manager"], MANAGER_PASSWORD)
    return {"ready": Job.get_by_id(job.id), "receipt": ready.receipt.number, "work": work,
            "part": JobPart.get(JobPart.job == work), "labour": JobLabour.get(JobLabour.job == work),
            "row": ready.register_row, "users": users}


def snapshot() -> tuple:
    """Everything a service could write, in a comparable form."""
    return (tuple(Job.select(Job.id, Job.version, Job.state).order_by(Job.id).tuples()),
            JobHistory.select().count(), JobPart.select().count(), JobLabour.select().count(),
            tuple(Receipt.select(Receipt.id, Receipt.status).order_by(Receipt.id).tuples()),
            RegisterEntry.select().count(), tuple(Setting.select().order_by(Setting.key).tuples()),
            Agreement.select().count(), User.select().count())


def _intake(w, user):
    customer = make_customer("王五", "13900139000", "end_user")
    intake.take_in(intake.IntakeForm(customer_id=customer.id, serial="NEW001", fault="不开机",
                                     product_model="M1", product_name="Model one"), user)


def _agreement(w, user):
    job = w["work"]
    products.create_agreement(job.customer, [job.unit], dt.date.today(), dt.date.today() + dt.timedelta(days=365),
                              user=user)


#: service -> (the right it needs, a call as ``user`` on the world)
SERVICES = {
    "intake.take_in": ("job.intake", _intake),
    "jobs.perform": ("job.work", lambda w, u: jobs.perform(w["work"].id, "start_repair", u, None)),
    "jobs.set_diagnosis": ("job.work", lambda w, u: jobs.set_diagnosis(w["work"].id, "主板坏", u, None)),
    "jobs.add_part": ("job.work", lambda w, u: jobs.add_part(w["work"].id, "电池", 1, "450", u, None)),
    "jobs.remove_part": ("job.work", lambda w, u: jobs.remove_part(w["part"].id, u, None)),
    "jobs.add_labour": ("job.work", lambda w, u: jobs.add_labour(w["work"].id, 1, 80, u, None)),
    "jobs.remove_labour": ("job.work", lambda w, u: jobs.remove_labour(w["labour"].id, u, None)),
    "jobs.inform_customer": ("job.inform", lambda w, u: jobs.inform_customer(w["ready"].id, u, None)),
    "jobs.override_kind": ("job.kind", lambda w, u: jobs.override_kind(w["work"].id, "paid", "人为损坏", u, None)),
    "release.release": ("job.release", lambda w, u: release.release(
        w["ready"].id, w["receipt"], "张伟", u, None, release.Payment("0", ""))),
    "release.release_without_receipt": ("job.release", lambda w, u: release.release_without_receipt(
        w["ready"].id, "张伟", "110101199001011234", w["users"]["manager"], u, None, "收据丢失",
        release.Payment("0", ""), approver_password=MANAGER_PASSWORD)),
    "release.cancel_job": ("job.cancel", lambda w, u: release.cancel_job(w["work"].id, u, None, "录入错误")),
    "release.reissue_receipt": ("job.intake", lambda w, u: release.reissue_receipt(w["ready"].id, u, None, "打印错误")),
    "register.correct": ("register.correct", lambda w, u: register.correct(w["row"].id, u, "送修人写错",
                                                                            person="李四")),
    "settings.set_value": ("settings.company", lambda w, u: settings.set_value("company_name", "别的公司", u)),
    "products.create_agreement": ("agreement.manage", _agreement),
}


@pytest.mark.parametrize("service", list(SERVICES))
def test_a_role_without_the_right_is_refused_and_nothing_is_written(world, service):
    perm, call = SERVICES[service]
    denied = [role for role in ROLES if perm not in ROLE_PERMISSIONS[role]]
    assert denied, f"every role may {perm}: nothing to test"
    for role in denied:
        before = snapshot()
        with pytest.raises(PermissionDenied) as info:
            call(world, world["users"][role])
        assert world["users"][role].display_name in info.value.message
        assert snapshot() == before, f"{service} wrote something for {role}"
    # ...and a role with the right gets through the same call.
    allowed = next(role for role in ("counter", "technician", "manager") if perm in ROLE_PERMISSIONS[role])
    call(world, world["users"][allowed])


def test_lost_receipt_needs_an_approver_with_the_right(world):
    counter, before = world["users"]["counter"], snapshot()
    for approver in (None, counter, world["users"]["technician"]):
        with pytest.raises(PermissionDenied):
            release.release_without_receipt(world["ready"].id, "张伟", "110101199001011234", approver, counter,
                                            None, "收据丢失", release.Payment("0", ""))
    assert snapshot() == before
    with pytest.raises(ValidationError):        # the manager's password proves the approval
        release.release_without_receipt(world["ready"].id, "张伟", "110101199001011234",
                                        world["users"]["manager"], counter, None, "收据丢失",
                                        release.Payment("0", ""), approver_password="guess")
    assert snapshot() == before
    job = release.release_without_receipt(world["ready"].id, "张伟", "110101199001011234",
                                          world["users"]["manager"], counter, None, "收据丢失",
                                          release.Payment("0", ""), approver_password=MANAGER_PASSWORD)
    assert job.release_approved_by_id == world["users"]["manager"].id


def test_a_disabled_user_may_do_nothing(world):
    clerk = world["users"]["counter"]
    # Disabled at another station while the clerk is still signed in here:
    # the clerk's copy of the user still says active, the database does not.
    User.update(active=False).where(User.id == clerk.id).execute()
    assert clerk.active and not can(User.get_by_id(clerk.id), "job.intake")
    with pytest.raises(PermissionDenied):
        _intake(world, clerk)


def test_the_workshop_and_the_counter_split_the_job(world):
    """Technicians move jobs; the counter informs the customer and hands back."""
    tech, counter = world["users"]["technician"], world["users"]["counter"]
    assert can(tech, "job.work") and not can(tech, "job.release") and not can(tech, "job.intake")
    assert can(counter, "job.release") and can(counter, "job.inform") and not can(counter, "job.work")
    jobs.inform_customer(world["ready"].id, counter, None, how="phone")
    jobs.inform_customer(world["work"].id, tech, None, how="phone", note="报价 1280 元")
