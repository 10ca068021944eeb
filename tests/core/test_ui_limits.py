"""Issue 11, part 1: the form widgets take their limits from the same place
the services check them (app.domain.core.limits); the release dialog shows
the change to give back."""
from __future__ import annotations

import pytest

from app.domain.core import limits, settings
from app.domain.core.models import User
from app.domain.counter import jobs
from app.domain.counter.models import Job, JobItem, JobLabour, JobPart, Product, RegisterEntry, Unit
from app.domain.customers.models import AccessRequest, Customer, CustomerAddress, CustomerContact
from app.domain.field.models import ActivityParticipant, GiftRequest, ServiceActivity, SurveyResponse, Visit, VisitPlan
from app.ui.base.context import AppContext
from app.ui.qt import QDoubleSpinBox, QLineEdit, QPlainTextEdit, QSpinBox, QValidator
from tests.helpers import make_customer, take_in

pytestmark = pytest.mark.usefixtures("no_message_boxes")


def assert_limit(widget, field):
    """``widget`` holds no more than ``field`` does."""
    lim = limits.limit(field)
    if isinstance(widget, QLineEdit) and lim.kind == "text":
        assert widget.maxLength() == lim.max_length, field
    elif isinstance(widget, QPlainTextEdit):
        assert widget.property("maxLength") == lim.max_length, field
    elif isinstance(widget, QSpinBox):
        assert (widget.minimum(), widget.maximum()) == (int(lim.minimum), int(lim.maximum)), field
    elif isinstance(widget, QDoubleSpinBox):
        assert widget.decimals() == lim.decimals and widget.maximum() == float(lim.maximum), field
    else:
        raise AssertionError(f"no limit checked on {widget!r}")


def test_plain_text_edits_cut_what_is_pasted_beyond_the_limit(qtbot):
    from app.ui.base.widgets import apply_limit

    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    apply_limit(edit, Job.fault)
    edit.setPlainText("故" * 1500)
    assert len(edit.toPlainText()) == 1000
    edit.setPlainText("客户要求：先报价，\n再维修（保修外）。")
    assert edit.toPlainText() == "客户要求：先报价，\n再维修（保修外）。"


def test_number_fields_take_the_columns_precision(qtbot):
    from app.ui.base.widgets import apply_limit

    edit = QLineEdit()
    qtbot.addWidget(edit)
    apply_limit(edit, JobPart.quantity)
    accepts = {t: edit.validator().validate(t, 0)[0] == QValidator.Acceptable
               for t in ("1", "0.5", "1,000.25", "¥12.5", "0.001", "1e20", "abc")}
    assert accepts == {"1": True, "0.5": True, "1,000.25": True, "¥12.5": True, "0.001": False, "1e20": False,
                       "abc": False}


def test_intake_and_job_widgets(qtbot, db, staff, printed):
    from app.ui.counter.intake_tab import IntakeTab
    from app.ui.counter.job_dialog import JobDialog

    tab = IntakeTab(AppContext(staff["counter"]))
    qtbot.addWidget(tab)
    ui = tab.ui
    for widget, field in ((ui.serialEdit, Unit.serial), (ui.productCombo.lineEdit(), Product.model),
                          (ui.warrantySpin, Product.warranty_months), (ui.itemEdit, JobItem.description),
                          (ui.faultEdit, Job.fault), (ui.conditionEdit, Job.condition),
                          (ui.kindReason, Job.kind_reason), (ui.broughtBy, RegisterEntry.person)):
        assert_limit(widget, field)
    job = take_in(staff["counter"]).job
    job = jobs.perform(job.id, "start_diagnosis", staff["tech"], job.version)
    dialog = JobDialog(AppContext(staff["tech"]), job.id)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    for widget, field in ((ui.partDescriptionEdit, JobPart.description), (ui.partNoEdit, JobPart.part_no),
                          (ui.labourDescriptionEdit, JobLabour.description), (ui.diagnosisEdit, Job.diagnosis)):
        assert_limit(widget, field)
    assert ui.partQtyEdit.validator().validate("0.001", 0)[0] != QValidator.Acceptable
    assert ui.partPriceEdit.validator().validate("1000000.00", 0)[0] == QValidator.Acceptable


def test_release_dialog_limits_and_change(qtbot, db, staff, printed):
    import datetime as dt

    from app.domain.counter import products
    from app.ui.counter.release_dialog import ReleaseDialog

    res = take_in(staff["counter"], sale_date=products.add_months(dt.date.today(), -30))   # paid
    job = res.job
    for action in ("start_diagnosis", "start_repair"):
        job = jobs.perform(job.id, action, staff["tech"], job.version)
    job = jobs.add_part(job.id, "电源板", "1", "100", staff["tech"], job.version)
    for action in ("finish_repair", "mark_ready"):
        job = jobs.perform(job.id, action, staff["tech"], job.version)
    dialog = ReleaseDialog(AppContext(staff["counter"]), job.id)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert_limit(ui.collectedBy, Job.collected_by)
    assert_limit(ui.collectorId, Job.collector_id)
    ui.paymentMethod.setCurrentIndex(ui.paymentMethod.findData("cash"))
    ui.amountPaid.setText("150")
    assert dialog.changeLabel.text() == "Change: ¥50.00"
    ui.paymentMethod.setCurrentIndex(ui.paymentMethod.findData("card"))
    assert dialog.changeLabel.text() == ""


def test_customer_widgets(qtbot, db, staff):
    from app.ui.customers.access_dialogs import RequestAccessDialog
    from app.ui.customers.archive_dialog import ArchiveDialog
    from app.ui.customers.contact_dialog import ContactDialog
    from app.ui.customers.customer_dialog import CustomerDialog

    ctx = AppContext(staff["manager"])
    c = make_customer()
    archive = ArchiveDialog(ctx, c.id)
    qtbot.addWidget(archive)
    for name in ("name", "short_name", "phone", "address", "email", "region", "bank_account", "tax_id",
                 "business_content", "notes"):
        assert_limit(archive.widgets[name], getattr(Customer, name))
    assert archive.widgets["registered_capital"].validator().validate("0.001", 0)[0] != QValidator.Acceptable
    new = CustomerDialog(ctx)
    qtbot.addWidget(new)
    for name in ("name", "phone", "address"):
        assert_limit(getattr(new, name), getattr(Customer, name))
    contact = ContactDialog("contacts", {})
    qtbot.addWidget(contact)
    for name in ("name", "title", "phone", "mobile", "email", "wechat", "notes"):
        assert_limit(contact.widgets[name], getattr(CustomerContact, name))
    address = ContactDialog("addresses", {})
    qtbot.addWidget(address)
    for name in ("address", "postcode"):
        assert_limit(address.widgets[name], getattr(CustomerAddress, name))
    request = RequestAccessDialog(AppContext(staff["business"]), c.id, c.name)
    qtbot.addWidget(request)
    assert_limit(request.reason, AccessRequest.reason)
    assert_limit(request.days, AccessRequest.days)


def test_field_widgets(qtbot, db, staff):
    from app.ui.field.activity_dialog import ActivityDialog
    from app.ui.field.gift_dialog import GiftDialog, GivenDialog
    from app.ui.field.survey_dialog import SurveyDialog
    from app.ui.field.visit_dialog import VisitDialog

    ctx = AppContext(staff["manager"])
    visit = VisitDialog(ctx, mode="new", staff_id=staff["business"].id)
    qtbot.addWidget(visit)
    for widget, field in ((visit.goal_edit, Visit.goal), (visit.contact_edit, Visit.contact_person),
                          (visit.place_edit, Visit.place), (visit.gains_edit, Visit.gains),
                          (visit.reactions_edit, Visit.reactions), (visit.suggestions_edit, Visit.suggestions),
                          (visit.complaint_edit, Visit.complaint_text)):
        assert_limit(widget, field)
    survey = SurveyDialog(ctx)
    qtbot.addWidget(survey)
    for widget, field in ((survey.respondent, SurveyResponse.respondent),
                          (survey.respondent_title, SurveyResponse.respondent_title),
                          (survey.comments, SurveyResponse.comments), (survey.suggestions, SurveyResponse.suggestions)):
        assert_limit(widget, field)
    activity = ActivityDialog(AppContext(staff["business"]))
    qtbot.addWidget(activity)
    for widget, field in ((activity.title, ServiceActivity.title), (activity.place, ServiceActivity.place),
                          (activity.description, ServiceActivity.description),
                          (activity.outcome, ServiceActivity.outcome)):
        assert_limit(widget, field)
    activity.add_participant(make_customer().id, "华信", "", 1)
    assert_limit(activity.table.cellWidget(0, 2), ActivityParticipant.headcount)
    gift = GiftDialog(AppContext(staff["business"]))
    qtbot.addWidget(gift)
    assert_limit(gift.reason, GiftRequest.reason)
    given = GivenDialog()
    qtbot.addWidget(given)
    assert_limit(given.to, GiftRequest.given_to)
    assert_limit(given.note, GiftRequest.given_note)


def test_plan_users_and_settings_widgets(qtbot, db, staff):
    from app.ui.field.plan_dialog import PlanDialog
    from app.ui.shell.settings_dialog import SettingsDialog
    from app.ui.shell.users_dialog import AddUserDialog

    add = AddUserDialog(AppContext(staff["admin"]))
    qtbot.addWidget(add)
    assert_limit(add.display_name, User.display_name)
    assert_limit(add.username, User.username)
    plans = PlanDialog(AppContext(staff["business"]), staff["business"].id, 2026)
    qtbot.addWidget(plans)
    assert_limit(plans.year_spin, VisitPlan.year)
    s = SettingsDialog(AppContext(staff["manager"]))
    qtbot.addWidget(s)
    for key, edit in (("company_name", s.ui.companyName), ("company_phone", s.ui.companyPhone),
                      ("company_address", s.ui.companyAddress)):
        assert edit.maxLength() == settings.max_length(key)
    assert s.ui.pickupTerms.property("maxLength") == settings.PICKUP_TERMS_TYPED
