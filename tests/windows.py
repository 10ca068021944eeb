"""Every window and dialog of the application, built on the demo's data and
filled where their size depends on it (a manager chosen, many rows, a long
report): the screen-fit and Alt-letter tests open each of them.

:func:`windows` yields ``(name, widget)``; :data:`COVERED` names the
QDialog classes it opens, so a new dialog that is not added here fails
:func:`tests.test_windows.test_every_dialog_is_opened`.
"""
from __future__ import annotations

import datetime as dt

from app.ui.qt import QDate

#: Long texts, as a report or a fault really gets written.
LONG = ("客户反映整机在高温环境下连续运行两小时后自动关机，重启后风扇转速异常，伴有明显噪音；"
        "现场检查散热模组积尘严重，已清理并更换硅脂，建议客户定期保养。") * 3

COVERED = {
    "VisitDialog", "SurveyResultsDialog", "SurveyDialog", "TotalsDialog", "GivenDialog", "GiftDialog",
    "PickCustomersDialog", "ActivityDialog", "PlanDialog", "CustomerPickDialog", "ContactDialog",
    "RequestAccessDialog", "OverviewOnlyDialog", "AccessRequestsDialog", "AccessLogDialog", "CustomerDialog",
    "ImportDialog", "ArchiveDialog", "NewProspectDialog", "ProspectsDialog", "SelectionDialog", "PasswordDialog",
    "SignInDialog", "FirstAdminDialog", "SettingsDialog", "UsersDialog", "AddUserDialog", "ReleaseDialog",
    "CorrectionDialog", "InformDialog", "KindDialog", "PrintBookDialog", "JobDialog", "HistoryDialog",
    "PdfPreview", "ChoosePrinterDialog", "MainWindow", "ContactBookDialog", "DeadlinesDialog", "WaitingDialog",
    "ComplaintDialog", "StatsDialog",
}


class Demo:
    """The demo's users and a few of its rows, found once."""

    def __init__(self):
        from app.domain.core.models import User
        from app.domain.counter.models import Job, RegisterEntry
        from app.domain.customers.models import Customer
        from app.domain.field.models import GiftRequest, ServiceActivity, SurveyResponse, Visit, VisitPlan

        self.users = {u.username: u for u in User.select()}
        # The customer with the most on file, a job with the longest history.
        self.customer = max(Customer.select(), key=lambda c: len(c.name) + 10 * c.contacts.count())
        self.job = max(Job.select().where(Job.state == "delivered"), key=lambda j: j.id)
        self.open_job = Job.select().where(Job.state == "repairing").first()
        self.ready_job = Job.select().where(Job.state == "ready").first()
        self.entry = RegisterEntry.select().first()
        self.done_visit = Visit.select().where(Visit.status == "done", Visit.manager.is_null(False)).first() \
            or Visit.select().where(Visit.status == "done").first()
        self.planned_visit = Visit.select().where(Visit.status == "planned").first()
        self.survey = SurveyResponse.select().first()
        self.gift = GiftRequest.select().first()
        self.activity = ServiceActivity.select().first()
        self.plan = VisitPlan.select().first()
        from app.domain.complaints.models import Complaint
        from app.domain.contacts.models import ContactEntry

        self.contact_line = ContactEntry.select().order_by(ContactEntry.id).first()
        # The complaint with the most written on it (its history the longest).
        self.complaint = max(Complaint.select(), key=lambda c: len(c.words or "") + len(c.investigation or ""))


def ctx_of(user):
    from app.ui.base.context import AppContext

    return AppContext(user)


def _new_visit_with_manager(ctx):
    from app.ui.field.visit_dialog import VisitDialog

    d = VisitDialog(ctx, mode="new")
    d.manager_combo.setCurrentIndex(d.manager_combo.count() - 1)     # the dialog grows: more purposes
    d.kind_combo.setCurrentIndex(d.kind_combo.count() - 1)
    d.goal_edit.setPlainText(LONG)
    return d


def _report_visit(ctx, demo):
    from app.domain.field import visits
    from app.ui.field.visit_dialog import VisitDialog

    boss = demo.users["boss"]
    v = visits.get_visit(None, demo.planned_visit.id)
    if v.manager_id is None:
        visits.update_visit(demo.users["admin"], v.id, v.version, customer_id=v.customer_id, kind=v.kind,
                            due_month=v.due_month, planned_date=v.planned_date, purposes=v.purpose_codes,
                            manager_id=boss.id, goal=LONG, contact_person="刘经理", place=v.place)
    d = VisitDialog(ctx, v.id, mode="report")
    for edit in (d.gains_edit, d.reactions_edit, d.suggestions_edit, d.complaint_edit):
        edit.setPlainText(LONG)
    return d


def _history(ctx, demo):
    from app.domain.field import gifts
    from app.ui.base.history import HistoryDialog
    from app.ui.field.gift_dialog import GiftDialog

    g = GiftDialog(ctx, demo.gift.id)
    rows = gifts.request_history(ctx.user, demo.gift.id)
    d = HistoryDialog("History", rows * 10, g.history_what, g.history_value)
    d._keep = g
    return d


def _preview(demo):
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from app.ui.base.print_service import PdfPreview

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)      # an A4 page: the tallest preview
    c.drawString(100, 700, demo.job.number)
    c.save()
    return PdfPreview(buf.getvalue(), "a4", demo.job.number)


def windows(demo: Demo):
    """``(name, widget)`` for each window and dialog, one at a time (the
    caller shows, checks and closes each)."""
    from app.ui.base.print_service import ChoosePrinterDialog
    from app.ui.complaints.complaint_dialog import ComplaintDialog
    from app.ui.complaints.complaints_tab import WaitingDialog
    from app.ui.complaints.deadlines_dialog import DeadlinesDialog
    from app.ui.complaints.stats_dialog import StatsDialog
    from app.ui.contacts.book_dialog import ContactBookDialog
    from app.ui.contacts.contacts_tab import CorrectionDialog as ContactCorrectionDialog
    from app.ui.counter.job_dialog import JobDialog
    from app.ui.counter.job_prompts import InformDialog, KindDialog
    from app.ui.counter.register_book_dialog import PrintBookDialog
    from app.ui.counter.register_tab import CorrectionDialog
    from app.ui.counter.release_dialog import ReleaseDialog
    from app.ui.customers.access_dialogs import (AccessLogDialog, AccessRequestsDialog, OverviewOnlyDialog,
                                                 RequestAccessDialog)
    from app.ui.customers.archive_dialog import ArchiveDialog
    from app.ui.customers.contact_dialog import ContactDialog
    from app.ui.customers.customer_dialog import CustomerDialog
    from app.ui.customers.import_dialog import ImportDialog
    from app.ui.customers.selection_dialog import NewProspectDialog, ProspectsDialog, SelectionDialog
    from app.ui.field.activity_dialog import ActivityDialog, PickCustomersDialog
    from app.ui.field.gift_dialog import GiftDialog, GivenDialog
    from app.ui.field.gifts_page import TotalsDialog
    from app.ui.field.plan_dialog import PlanDialog
    from app.ui.field.survey_charts import SurveyResultsDialog
    from app.ui.field.survey_dialog import SurveyDialog
    from app.ui.field.surveys_page import CustomerPickDialog
    from app.ui.field.visit_dialog import VisitDialog
    from app.ui.shell.password_dialog import PasswordDialog
    from app.ui.shell.settings_dialog import SettingsDialog
    from app.ui.shell.signin_dialog import FirstAdminDialog, SignInDialog
    from app.ui.shell.users_dialog import AddUserDialog, UsersDialog

    u = demo.users
    admin, clerk, tech, boss, biz, info = (ctx_of(u[n]) for n in ("admin", "clerk1", "tech1", "boss", "biz1",
                                                                  "info1"))
    today = dt.date.today()
    yield "JobDialog", JobDialog(clerk, demo.job.id)
    yield "JobDialog (workshop)", JobDialog(tech, demo.open_job.id)
    yield "InformDialog", InformDialog()
    yield "KindDialog", KindDialog(demo.open_job)
    yield "ReleaseDialog", ReleaseDialog(clerk, demo.ready_job.id)
    yield "CorrectionDialog", CorrectionDialog(clerk, demo.entry)
    yield "PrintBookDialog", PrintBookDialog(clerk, today - dt.timedelta(days=30), today)
    yield "ArchiveDialog", ArchiveDialog(info, demo.customer.id)
    yield "OverviewOnlyDialog", OverviewOnlyDialog(biz, demo.customer.id)
    yield "RequestAccessDialog", RequestAccessDialog(biz, demo.customer.id, demo.customer.name)
    yield "AccessRequestsDialog", AccessRequestsDialog(boss)
    yield "AccessLogDialog", AccessLogDialog(boss)
    yield "ContactDialog", ContactDialog("contacts", {"name": "刘经理", "notes": LONG})
    yield "ContactDialog (address)", ContactDialog("addresses", {"address": LONG})
    yield "CustomerDialog", CustomerDialog(clerk, "北京")
    yield "ImportDialog", ImportDialog(info)
    yield "NewProspectDialog", NewProspectDialog(biz)
    yield "ProspectsDialog", ProspectsDialog(boss)
    yield "SelectionDialog", SelectionDialog(boss, demo.customer.id)
    yield "VisitDialog (new, manager)", _new_visit_with_manager(biz)
    yield "VisitDialog (report)", _report_visit(biz, demo)
    yield "VisitDialog (view)", VisitDialog(boss, demo.done_visit.id, mode="view")
    yield "PlanDialog", PlanDialog(boss, u["biz1"].id, today.year)
    yield "SurveyDialog", SurveyDialog(biz, demo.survey.id)
    yield "SurveyDialog (new)", SurveyDialog(biz)
    yield "SurveyResultsDialog", SurveyResultsDialog(boss)
    yield "CustomerPickDialog", CustomerPickDialog(None, demo.customer)
    yield "GiftDialog", GiftDialog(biz, demo.gift.id)
    yield "GiftDialog (new)", GiftDialog(biz, customer_id=demo.customer.id)
    yield "GivenDialog", GivenDialog()
    yield "TotalsDialog", TotalsDialog(boss, QDate(today.year, 1, 1), QDate.currentDate())
    yield "ActivityDialog", ActivityDialog(biz, demo.activity.id)
    yield "ActivityDialog (new)", ActivityDialog(biz)
    yield "PickCustomersDialog", PickCustomersDialog(biz)
    yield "HistoryDialog", _history(boss, demo)
    yield "PdfPreview", _preview(demo)
    yield "ChoosePrinterDialog", ChoosePrinterDialog("cards", [f"Zebra ZD421-203dpi-{i}" for i in range(8)],
                                                     "Zebra ZD421-203dpi-0", missing="Godex G500 (counter 2)")
    yield "PasswordDialog", PasswordDialog(lambda _o, _n: None, intro=LONG[:120])
    yield "SignInDialog", SignInDialog("clerk1")
    yield "FirstAdminDialog", FirstAdminDialog()
    yield "SettingsDialog", SettingsDialog(admin)
    yield "UsersDialog", UsersDialog(admin)
    yield "AddUserDialog", AddUserDialog(admin)
    yield "CorrectionDialog (contact line)", ContactCorrectionDialog(clerk, demo.contact_line)
    yield "ContactBookDialog", ContactBookDialog(clerk, today - dt.timedelta(days=30), today)
    yield "ComplaintDialog", ComplaintDialog(boss, demo.complaint.id)
    yield "ComplaintDialog (new)", ComplaintDialog(clerk)
    yield "WaitingDialog", WaitingDialog(boss)
    yield "DeadlinesDialog", DeadlinesDialog(admin)
    yield "StatsDialog", StatsDialog(boss, today - dt.timedelta(days=60), today)


def main_window(demo: Demo, qtbot, username: str = "admin"):
    """The main window of ``username`` (the administrator sees every tab), shown."""
    from app.domain.core import db as dbmod
    from app.ui.shell.main_window import MainWindow

    window = MainWindow(ctx_of(demo.users[username]), "")
    qtbot.addWidget(window)
    window.show()
    return window


def mnemonic(text: str) -> str:
    """The Alt-letter of a control's text ("&Save" -> "s", "序列号(&S)" -> "s"; "" if none)."""
    i = 0
    while True:
        i = text.find("&", i)
        if i < 0 or i + 1 >= len(text):
            return ""
        if text[i + 1] == "&":
            i += 2
            continue
        return text[i + 1].lower()


def alt_letters(window) -> list[tuple[str, str]]:
    """``(letter, what)`` for each control of ``window`` that an Alt-letter
    reaches now: visible buttons, group boxes and labels with a buddy, the
    tabs of visible tab bars, and the window's menu bar."""
    from app.ui.qt import QAbstractButton, QGroupBox, QLabel, QMainWindow, QTabBar

    found = []

    def add(text: str, what: str) -> None:
        letter = mnemonic(text)
        if letter:
            found.append((letter, f"{what} {text!r}"))

    for w in window.findChildren(QAbstractButton):
        if w.isVisible() and w.window() is window:
            add(w.text(), type(w).__name__)
    for w in window.findChildren(QGroupBox):
        if w.isVisible() and w.window() is window:
            add(w.title(), "QGroupBox")
    for w in window.findChildren(QLabel):
        if w.isVisible() and w.window() is window and w.buddy() is not None:
            add(w.text(), "QLabel")
    for bar in window.findChildren(QTabBar):
        if bar.isVisible() and bar.window() is window:
            for i in range(bar.count()):
                if bar.isTabVisible(i):
                    add(bar.tabText(i), "tab")
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if action.isVisible():
                add(action.text(), "menu")
    return found


def clashes(window, name: str) -> list[str]:
    by_letter: dict[str, list[str]] = {}
    for letter, what in alt_letters(window):
        by_letter.setdefault(letter, []).append(what)
    return [f"{name}: Alt+{letter.upper()}: " + " / ".join(whats)
            for letter, whats in sorted(by_letter.items()) if len(whats) > 1]
