"""The archive dialog: fields, read-only rules, saving, history, concurrent
changes, contacts, related jobs, printing the card."""
from __future__ import annotations

import pytest

from app.domain.core import users
from app.domain.customers import archive, customers
from app.domain.customers.models import AccessLog, Customer, CustomerContact
from app.ui.base.context import AppContext
from app.ui.customers.contact_dialog import ContactDialog
from app.ui.qt import QMessageBox


@pytest.fixture
def messages(monkeypatch):
    """Recorded message boxes; a question (unsaved changes) is answered Discard."""
    from tests.conftest import record_message_boxes

    return record_message_boxes(monkeypatch, QMessageBox.Discard)


@pytest.fixture
def setup(db, staff):
    sales = users.create_user("sales1", "孙浩然", "business")
    c = customers.create_customer("𠮷野家北京餐饮有限公司", "010-62888899", "dealer", user=None)
    c = archive.save_archive(None, c.id, c.version, {"region": "北京市海淀区", "credit_rating": "A",
                                                     "credit_limit": "50000", "responsible_id": sales.id})
    return dict(staff, sales=sales, customer=c)


def dialog_for(qtbot, user, customer_id):
    from app.ui.customers.archive_dialog import ArchiveDialog

    ctx = AppContext(user)
    dialog = ArchiveDialog(ctx, customer_id)
    qtbot.addWidget(dialog)
    assert dialog.loaded
    return dialog


def history_fields(dialog) -> list[str]:
    return [dialog.history_model.object_at(r).field for r in range(dialog.history_model.rowCount())]


def test_edit_saves_and_shows_in_history(qtbot, setup, qtmodeltester, messages):
    d = dialog_for(qtbot, setup["info"], setup["customer"].id)
    assert d.widgets["name"].text() == "𠮷野家北京餐饮有限公司"          # the rare character as typed
    assert d.widgets["credit_limit"].text() == "50000.00"
    for model in (d.contacts_model, d.addresses_model, d.history_model, d.log_model, d.panels["counter"].jobs_model):
        qtmodeltester.check(model)
    d.widgets["phone"].setText("010-62999999")
    d.widgets["tier"].setText("金牌")
    assert d.changed_fields() == {"phone": "010-62999999", "tier": "金牌"}
    with qtbot.waitSignal(d.ctx.changed, check_params_cb=lambda c: c.book == "customers"):
        assert d.save()
    assert Customer.get_by_id(setup["customer"].id).phone == "010-62999999"
    assert {"phone", "tier"} <= set(history_fields(d)) and not d.is_dirty()
    row = history_fields(d).index("phone")
    assert d.history_model.data(d.history_model.index(row, 2)) == "Phone"
    assert d.history_model.data(d.history_model.index(row, 4)) == "010-62999999"
    assert "Saved" in d.ui.savedLabel.text()


def test_field_errors_beside_the_fields(qtbot, setup, messages):
    d = dialog_for(qtbot, setup["info"], setup["customer"].id)
    d.widgets["email"].setText("not-an-email")
    d.widgets["credit_limit"].setText("lots")
    assert not d.save()
    assert d.errors.message("email") and d.errors.message("credit_limit")
    assert d.ui.tabs.currentWidget() is d.ui.generalTab      # the first field in error is shown
    assert messages == []


def test_concurrent_change_is_reported_and_nothing_overwritten(qtbot, setup, messages):
    d = dialog_for(qtbot, setup["info"], setup["customer"].id)
    c = Customer.get_by_id(setup["customer"].id)
    archive.save_archive(setup["manager"], c.id, c.version, {"phone": "010-11112222"})   # the other station
    d.widgets["phone"].setText("010-33334444")
    assert not d.save()
    assert messages and messages[-1][0] == "warning"
    assert Customer.get_by_id(c.id).phone == "010-11112222"
    assert d.widgets["phone"].text() == "010-11112222"     # reloaded: the other change is shown


def test_responsible_staff_edits_but_not_keeper_fields(qtbot, setup, messages):
    d = dialog_for(qtbot, setup["sales"], setup["customer"].id)
    assert not d.widgets["credit_rating"].isEnabled() and not d.widgets["status"].isEnabled()
    assert not d.widgets["name"].isReadOnly() and d.ui.saveButton.isEnabled()
    assert "responsible" in d.ui.accessLabel.text()
    assert d.ui.tabs.indexOf(d.ui.logTab) < 0              # business staff do not read the access log


def test_contacts_added_made_primary_and_saved(qtbot, setup, monkeypatch, messages):
    d = dialog_for(qtbot, setup["info"], setup["customer"].id)
    answers = iter([{"name": "李经理", "mobile": "13911112222", "is_primary": False},
                    {"name": "王会计", "phone": "010-66667777", "is_primary": True}])
    monkeypatch.setattr(ContactDialog, "ask", classmethod(lambda cls, parent, kind, values: next(answers)))
    d.edit_row("contacts", None)
    d.edit_row("contacts", None)
    assert [c["is_primary"] for c in d.contacts] == [False, True]
    d.make_primary("contacts", 0)
    assert [c["is_primary"] for c in d.contacts] == [True, False]
    assert d.is_dirty() and d.save()
    saved = list(CustomerContact.select().where(CustomerContact.customer == setup["customer"].id)
                 .order_by(CustomerContact.is_primary.desc()))
    assert [c.name for c in saved] == ["李经理", "王会计"]
    assert any(f.startswith("contact:") for f in history_fields(d))


def test_row_dialog_checks_with_the_domain_rules(qtbot, setup):


    dialog = ContactDialog("contacts", {})
    qtbot.addWidget(dialog)
    dialog.widgets["mobile"].setText("abc")
    dialog.check()
    assert dialog.values is None and dialog.errors.message("name") and dialog.errors.message("mobile")
    dialog.widgets["name"].setText("李经理")
    dialog.widgets["mobile"].setText("13911112222")
    dialog.check()
    assert dialog.values["name"] == "李经理"


def test_jobs_open_through_the_context_and_card_prints(qtbot, setup, monkeypatch, messages):
    from tests.helpers import take_in

    take_in(setup["counter"], customer=Customer.get_by_id(setup["customer"].id))
    d = dialog_for(qtbot, setup["manager"], setup["customer"].id)
    counter = d.panels["counter"]                  # the counter's tab on the archive
    assert counter.jobs_model.rowCount() == 1
    with qtbot.waitSignal(d.ctx.open_job) as opened:
        counter.jobs_view.activated.emit(counter.jobs_model.index(0, 0))
    assert opened.args == [counter.jobs_model.object_at(0).id]
    assert d.log_model.rowCount() >= 1                     # the manager reads the access log
    from app.ui.base import print_service
    from app.ui.customers import archive_dialog

    printed = []
    monkeypatch.setattr(archive_dialog, "card_pdf", lambda user, cid, lang: b"%PDF-fake")
    monkeypatch.setattr(print_service, "print_pdf", lambda *a, **k: printed.append(a) or True)
    d.print_card()
    assert printed and printed[0][2] == "voucher"


def test_closing_with_unsaved_changes_asks(qtbot, setup, messages):
    d = dialog_for(qtbot, setup["info"], setup["customer"].id)
    d.widgets["tier"].setText("银牌")
    d.reject()                               # answered Discard
    assert messages[-1][0] == "question" and Customer.get_by_id(setup["customer"].id).tier == ""
    assert AccessLog.select().where(AccessLog.action == "view").count() == 1


def test_card_and_overview_render_real_pdfs_and_are_logged(qtbot, setup):
    from app.domain.customers import archive as archive_domain
    from app.domain.customers.overview import OverviewFilter
    from app.ui.customers.archive_dialog import card_pdf
    from app.ui.customers.customers_tab import _overview_pdf

    assert card_pdf(setup["info"], setup["customer"].id, "zh_CN").startswith(b"%PDF")
    q = archive_domain.overview(setup["info"], OverviewFilter(category="dealer"))
    assert _overview_pdf(setup["info"], q, "en").startswith(b"%PDF")
    assert AccessLog.select().where(AccessLog.action == "print").count() == 2
