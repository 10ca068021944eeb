"""New-customer selection (§2.2): investigations, criteria, the manager's decision."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.core import users
from app.domain.core.errors import PermissionDenied, TransitionNotAllowed, ValidationError
from app.domain.customers import archive, selection


@pytest.fixture
def sales(any_db, staff):
    return users.create_user("sales1", "孙浩然", "business")


def _assess_all(user, cid, score=4):
    for code in selection.CRITERION_CODES:
        selection.assess(user, cid, code, score, "良好")


def test_prospect_investigated_assessed_and_approved(sales, staff):
    p = selection.add_prospect(sales, "杭州西湖博远科技有限公司", "0571-88886666", "dealer",
                               region="杭州市西湖区", business_content="办公设备批发")
    assert p.status == "prospect" and p.region == "杭州市西湖区"
    assert [c.id for c in selection.prospects()] == [p.id]
    # Not in the overview of customers until approved.
    assert archive.overview(sales, archive.OverviewFilter(text="hzxh")).page(0) == []
    with pytest.raises(ValidationError) as e:
        selection.decide(staff["manager"], p.id, "approved")
    assert set(e.value.fields) == {"investigations", "assessments"}
    selection.add_investigation(sales, p.id, "general", dt.date.today() - dt.timedelta(days=3), "工商信息正常，注册资本500万")
    selection.add_investigation(staff["manager"], p.id, "onsite", dt.date.today(), "门店两处，库存充足",
                                investigator_id=sales.id)
    _assess_all(sales, p.id, 3)
    selection.assess(sales, p.id, "finance", 5, "现金流良好")   # re-assessed: the latest counts
    f = selection.selection_file(p.id)
    assert f.missing == [] and f.assessments["finance"].score == 5 and len(f.assessments) == 6
    assert [i.kind for i in f.investigations] == ["general", "onsite"]
    assert all(i.investigator.id == sales.id for i in f.investigations)
    with pytest.raises(PermissionDenied):
        selection.decide(sales, p.id, "approved")       # business staff do not decide
    d = selection.decide(staff["manager"], p.id, "approved")
    assert d.decision == "approved" and d.decided_by.id == staff["manager"].id
    assert archive.get_archive(None, p.id).customer.status == "active"
    assert [r.name for r in archive.overview(sales, archive.OverviewFilter(text="hzxh")).page(0)] == \
        ["杭州西湖博远科技有限公司"]
    changes = archive.history(None, p.id)
    assert (changes[0].field, changes[0].old_value, changes[0].new_value) == ("status", "prospect", "active")
    with pytest.raises(TransitionNotAllowed):
        selection.decide(staff["manager"], p.id, "refused", "改变主意")


def test_refused_with_reason_is_kept(sales, staff):
    p = selection.add_prospect(sales, "成都武侯联创贸易代理有限公司", category="agent")
    selection.add_investigation(sales, p.id, "general", dt.date.today(), "多起合同纠纷")
    _assess_all(sales, p.id, 2)
    with pytest.raises(ValidationError) as e:
        selection.decide(staff["manager"], p.id, "refused", "  ")
    assert set(e.value.fields) == {"reason"}
    selection.decide(staff["manager"], p.id, "refused", "信誉不佳，履约能力不足")
    f = selection.selection_file(p.id)
    assert f.customer.status == "refused" and f.decision.reason == "信誉不佳，履约能力不足"
    assert len(f.investigations) == 1   # kept on record
    with pytest.raises(TransitionNotAllowed):
        selection.add_investigation(sales, p.id, "general", dt.date.today(), "再查")


def test_bad_input(sales, staff):
    p = selection.add_prospect(sales, "南京鼓楼启明电子有限公司")
    with pytest.raises(ValidationError) as e:
        selection.add_investigation(sales, p.id, "phone", dt.date.today() + dt.timedelta(days=2), " ")
    assert set(e.value.fields) == {"kind", "date", "findings"}
    with pytest.raises(ValidationError) as e:
        selection.assess(sales, p.id, "charm", 9)
    assert set(e.value.fields) == {"criterion", "score"}
    with pytest.raises(PermissionDenied):
        selection.assess(staff["tech"], p.id, "finance", 3)
    with pytest.raises(ValidationError):
        selection.add_prospect(sales, "x", credit_rating="Z")
    assert str(selection.criterion_label("confidentiality")).startswith("C.")
