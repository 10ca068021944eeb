"""The customer archives tab: overview, filters, search, access requests,
import, export, new-customer selection — driven through the widgets."""
from __future__ import annotations

import pytest

from app.domain.core import users
from app.domain.customers import access, archive, customers, selection
from app.domain.customers.models import AccessLog, Customer
from app.ui.base.context import AppContext
from app.ui.qt import QDialog, QFileDialog, Qt


@pytest.fixture
def shop(db, staff):
    """Customers of every kind; the business user "sales" is responsible for one."""
    people = dict(staff, sales=users.create_user("sales1", "孙浩然", "business"),
                  other=users.create_user("sales2", "钱多多", "business"))
    rows = [("北京海淀华信电子有限公司", "010-62888899", "dealer", "北京市海淀区", "A", people["sales"].id, "active"),
            ("上海浦东恒通商贸有限公司", "021-58889999", "retailer", "上海市浦东新区", "B", None, "active"),
            ("广州天河鸿运代理有限公司", "020-38886666", "agent", "广州市天河区", "", None, "suspended"),
            ("王芳", "13800138000", "end_user", "北京市朝阳区", "", None, "closed")]
    out = {}
    for name, phone, cat, region, rating, resp, status in rows:
        c = customers.create_customer(name, phone, cat, user=None)
        out[name] = archive.save_archive(None, c.id, c.version, {"region": region, "credit_rating": rating,
                                                                 "responsible_id": resp, "status": status})
    return dict(people=people, customers=out)


def make_tab(qtbot, user):
    from app.ui.customers.customers_tab import CustomersTab

    ctx = AppContext(user)
    tab = CustomersTab(ctx)
    qtbot.addWidget(tab)
    return tab


def names(tab) -> list[str]:
    return [tab.model.object_at(r).name for r in range(tab.model.rowCount())]


def test_tab_lists_filters_and_searches(qtbot, shop, qtmodeltester):
    tab = make_tab(qtbot, shop["people"]["info"])
    qtmodeltester.check(tab.model)
    assert len(names(tab)) == 4 and tab.ui.countLabel.text().startswith("4")
    tab.ui.categoryCombo.setCurrentIndex(tab.ui.categoryCombo.findData("dealer"))
    assert names(tab) == ["北京海淀华信电子有限公司"]
    tab.ui.categoryCombo.setCurrentIndex(0)
    tab.ui.statusCombo.setCurrentIndex(tab.ui.statusCombo.findData("suspended"))
    assert names(tab) == ["广州天河鸿运代理有限公司"]
    tab.clear_filters()
    tab.ui.creditCombo.setCurrentIndex(tab.ui.creditCombo.findData("B"))
    assert names(tab) == ["上海浦东恒通商贸有限公司"]
    tab.clear_filters()
    tab.ui.regionCombo.setCurrentIndex(tab.ui.regionCombo.findData("北京市朝阳区"))
    assert names(tab) == ["王芳"]
    tab.clear_filters()
    tab.ui.responsibleCombo.setCurrentIndex(tab.ui.responsibleCombo.findData(shop["people"]["sales"].id))
    assert names(tab) == ["北京海淀华信电子有限公司"]
    tab.clear_filters()
    # Typed pinyin initials, searched after the pause, not per key.
    qtbot.keyClicks(tab.ui.searchEdit, "bjhd")
    assert tab._search_timer.isActive()
    qtbot.waitUntil(lambda: names(tab) == ["北京海淀华信电子有限公司"], timeout=2000)
    qtmodeltester.check(tab.model)
    # Sorting by a header: names descending.
    tab.clear_filters()
    tab.view.sortByColumn(1, Qt.DescendingOrder)
    assert names(tab) == sorted(names(tab), reverse=True)


def test_overview_pages_as_the_view_scrolls(qtbot, db, staff, qtmodeltester):
    for i in range(250):
        customers.create_customer(f"客户{i:03d}", "", user=None)
    tab = make_tab(qtbot, staff["manager"])
    assert tab.model.rowCount() == 100 and tab.model.canFetchMore()
    assert tab.ui.countLabel.text().startswith("250")
    tab.model.fetchMore()
    tab.model.fetchMore()
    assert tab.model.rowCount() == 250 and not tab.model.canFetchMore()
    qtmodeltester.check(tab.model)


def test_business_user_requests_access_and_gets_it(qtbot, shop, monkeypatch, messages):
    from app.ui.customers import access_dialogs, archive_dialog, customers_tab

    people, c = shop["people"], shop["customers"]["北京海淀华信电子有限公司"]
    other, sales = people["other"], people["sales"]
    tab = make_tab(qtbot, other)
    opened = []

    def overview_only(dialog):
        opened.append(("overview", dialog))
        assert "overview row" in dialog.notice.text()
        request = access_dialogs.RequestAccessDialog(dialog.ctx, dialog.customer_id, dialog.row.name)
        request.send()                                   # empty reason: errors beside the fields
        assert request.request is None and request.errors.message("reason")
        request.reason.setPlainText("下周拜访，需要了解合作历史")
        request.days.setValue(5)
        request.send()
        assert request.request is not None and request.request.days == 5
        dialog._show_status()
        assert not dialog.request_button.isEnabled()     # one pending request at a time
        return QDialog.Rejected

    def archive_shown(dialog):
        opened.append(("archive", dialog))
        assert dialog.archive.access == "granted" and not dialog.ui.saveButton.isEnabled()
        return QDialog.Rejected

    monkeypatch.setattr(access_dialogs.OverviewOnlyDialog, "exec", overview_only)
    monkeypatch.setattr(archive_dialog.ArchiveDialog, "exec", archive_shown)
    tab.view.setCurrentIndex(tab.model.index(tab.model.row_of(c.id), 0))
    tab.ui.openButton.click()
    assert [kind for kind, _ in opened] == ["overview"]
    assert AccessLog.select().where((AccessLog.action == "denied") | (AccessLog.action == "view")).count() == 0

    # The responsible staff member decides in the access requests dialog.
    decide = access_dialogs.AccessRequestsDialog(AppContext(sales))
    qtbot.addWidget(decide)
    assert decide.pending_model.rowCount() == 1
    assert decide.pending_model.object_at(0).requester.id == other.id
    decide.days.setValue(3)
    assert decide.grant()
    assert decide.pending_model.rowCount() == 0

    # Now the business user opens the whole archive (read only), logged as a view.
    customers_tab.open_customer(tab.ctx, c.id, tab)
    assert [kind for kind, _ in opened] == ["overview", "archive"]
    assert AccessLog.select().where((AccessLog.action == "view") & (AccessLog.user == other.id)).count() == 1
    mine = access_dialogs.AccessRequestsDialog(AppContext(other))
    qtbot.addWidget(mine)
    assert mine.mine_model.data(mine.mine_model.index(0, 4)) == "Granted"

    # The responsible staff member ends the access early: the overview row only, again.
    decide.reload()
    assert decide.granted_model.rowCount() == 1 and decide.revoke_button.isEnabled()
    assert decide.revoke()
    assert decide.granted_model.rowCount() == 0
    customers_tab.open_customer(tab.ctx, c.id, tab)
    assert [kind for kind, _ in opened] == ["overview", "archive", "overview"]


def test_refusing_needs_a_note_and_models_pass(qtbot, shop, qtmodeltester, messages):
    from app.ui.customers import access_dialogs

    people, c = shop["people"], shop["customers"]["上海浦东恒通商贸有限公司"]
    access.request_access(people["other"], c.id, "了解信用", days=7)
    dialog = access_dialogs.AccessRequestsDialog(AppContext(people["manager"]))
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.pending_model)
    assert not dialog.refuse()                    # no note: nothing sent
    dialog.note.setText("无业务需要")
    assert dialog.refuse()
    mine = access_dialogs.AccessRequestsDialog(AppContext(people["other"]))
    qtbot.addWidget(mine)
    qtmodeltester.check(mine.mine_model)
    assert mine.mine_model.data(mine.mine_model.index(0, 4)) == "Refused"
    log = access_dialogs.AccessLogDialog(AppContext(people["manager"]))
    qtbot.addWidget(log)
    qtmodeltester.check(log.model)


def test_export_writes_the_filtered_table(qtbot, shop, tmp_path, monkeypatch, messages):
    tab = make_tab(qtbot, shop["people"]["info"])
    tab.ui.categoryCombo.setCurrentIndex(tab.ui.categoryCombo.findData("dealer"))
    target = tmp_path / "overview.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV for Excel (*.csv)"))
    assert tab.export() == str(target)
    text = target.read_text(encoding="utf-8-sig")
    assert "北京海淀华信电子有限公司" in text and "上海浦东" not in text
    assert AccessLog.select().where(AccessLog.action == "export").count() == 1
    xlsx = tmp_path / "overview"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(xlsx), "Excel workbook (*.xlsx)"))
    assert tab.export() == str(xlsx) + ".xlsx" and (tmp_path / "overview.xlsx").stat().st_size > 0


MESSY_CSV = """客户名单（2026年）,,,,
客户名称（必填）*,电话,类别,地区,信用额度
北京新客户电子有限公司,１３９１１１１２２２２,经销商,北京市海淀区,5万
,010-66666666,零售商,北京市,
北京海淀华信电子有限公司,010-62888899,经销商,北京市海淀区,
天津滨海新客户,not a phone,代理商,天津市,
 深圳南山  客户 ,0755-26666666,,深圳市,
"""


def test_import_preview_shows_row_errors_and_writes_nothing_until_confirmed(qtbot, shop, tmp_path, messages,
                                                                           qtmodeltester):
    from app.ui.customers.import_dialog import ImportDialog

    path = tmp_path / "客户.csv"
    path.write_text(MESSY_CSV, encoding="gb18030")
    before = Customer.select().count()
    tab = make_tab(qtbot, shop["people"]["info"])
    dialog = ImportDialog(tab.ctx, tab)
    qtbot.addWidget(dialog)
    dialog.ui.fileEdit.setText(str(path))
    assert dialog.check_file()
    qtmodeltester.check(dialog.model)
    statuses = {r.line: r.status for r in dialog.preview.rows}
    # Issue 11: a bad phone is imported empty with a warning; "Strict" leaves its row out, as before.
    assert statuses[5] == "error" and statuses[6] == "warning"        # duplicate name, bad phone
    assert dialog.importable() == 3 and not dialog.creditLabel.isVisible()
    dialog.strictCheck.setChecked(True)                                 # checks the file again
    assert dialog.preview.strict
    statuses = {r.line: r.status for r in dialog.preview.rows}
    assert statuses[5] == "error" and statuses[6] == "error"
    assert statuses[3] in ("ok", "warning") and statuses[7] == "warning"
    error_row = next(i for i in range(dialog.model.rowCount()) if dialog.model.object_at(i).line == 6)
    assert "Phone" in dialog.model.data(dialog.model.index(error_row, 5))
    assert dialog.model.data(dialog.model.index(error_row, 0), Qt.BackgroundRole) is not None
    assert Customer.select().count() == before                            # nothing written by the preview
    n = dialog.importable()
    assert n == 2 and dialog.ui.importButton.isEnabled() and "2" in dialog.ui.importButton.text()
    # Leave one good row out with its check box.
    first = dialog.model.index(next(i for i in range(dialog.model.rowCount())
                                    if dialog.model.object_at(i).line == 7), 0)
    assert dialog.model.setData(first, Qt.Unchecked, Qt.CheckStateRole)
    assert dialog.importable() == 1
    with qtbot.waitSignal(tab.ctx.changed, check_params_cb=lambda c: c.book == "customers"):
        assert dialog.do_import()
    assert Customer.select().count() == before + 1
    assert dialog.result.created == 1 and messages[-1][0] == "information"
    assert "北京新客户电子有限公司" in names(tab)


def test_import_dialog_shows_the_credit_words_read(qtbot, shop, tmp_path, messages):
    from app.ui.customers.import_dialog import ImportDialog

    path = tmp_path / "一览表.csv"
    path.write_text("客户名称,信用等级,合作起始\n成都客户,AA,不详\n重庆客户,良好,2019-01-01\n西安客户,良好,\n",
                    encoding="utf-8")
    dialog = ImportDialog(AppContext(shop["people"]["info"]))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.fileEdit.setText(str(path))
    assert dialog.check_file()
    assert dialog.creditLabel.isVisible()
    text = dialog.creditLabel.text()
    assert "AA → A" in text and "良好 → B" in text and "2" in text
    assert "良好" in dialog.creditLabel.toolTip() and "AAA" in dialog.creditLabel.toolTip()
    assert [r.status for r in dialog.preview.rows] == ["warning"] * 3 and dialog.importable() == 3   # no phone
    row = next(i for i in range(dialog.model.rowCount()) if dialog.model.object_at(i).line == 2)
    assert "不详" in dialog.model.data(dialog.model.index(row, 5))
    dialog.strictCheck.setChecked(True)
    assert [r.status for r in dialog.preview.rows] == ["error", "warning", "warning"] and dialog.importable() == 2


def test_new_customer_dialog_warns_of_a_number_another_customer_has(qtbot, shop):
    from app.ui.customers.customer_dialog import CustomerDialog

    dialog = CustomerDialog(AppContext(shop["people"]["info"]), "+86 138 0013 8000")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.same_phone.isVisible() and "王芳" in dialog.same_phone.text()   # carried over from the search box
    dialog.phone.clear()
    qtbot.keyClicks(dialog.phone, "(010) 6288 8899")
    qtbot.waitUntil(lambda: "北京海淀华信电子有限公司" in dialog.same_phone.text())
    dialog.phone.clear()
    qtbot.keyClicks(dialog.phone, "139 0000 0000")
    qtbot.waitUntil(lambda: not dialog.same_phone.isVisible())
    dialog.phone.setText("010-62888899")
    dialog.name.setText("华信电子（分部）")
    dialog.save()                                   # warned, not refused
    assert dialog.customer is not None and dialog.customer.phone == "010-62888899"
    assert len(customers.with_phone("010 6288 8899")) == 2
    other = CustomerDialog(AppContext(shop["people"]["info"]), "（010）6288 8899")   # typed in the search box
    qtbot.addWidget(other)
    assert other.phone.text() == "（010）6288 8899" and not other.name.text()
    assert "北京海淀华信电子有限公司" in other.same_phone.text()


def test_import_of_an_unreadable_file_shows_the_message_under_the_field(qtbot, shop, tmp_path, messages):
    from app.ui.customers.import_dialog import ImportDialog

    bad = tmp_path / "list.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    dialog = ImportDialog(AppContext(shop["people"]["info"]))
    qtbot.addWidget(dialog)
    dialog.ui.fileEdit.setText(str(bad))
    assert not dialog.check_file()
    assert dialog.errors.message("file") and not dialog.ui.importButton.isEnabled()


def test_selection_from_prospect_to_decision(qtbot, shop, messages, qtmodeltester):
    from app.ui.customers.selection_dialog import NewProspectDialog, ProspectsDialog, SelectionDialog

    people = shop["people"]
    biz_ctx = AppContext(people["sales"])
    new = NewProspectDialog(biz_ctx)
    qtbot.addWidget(new)
    new.fields["name"].setText("杭州西湖新锐科技有限公司")
    new.fields["phone"].setText("0571-88886666")
    new.save()
    assert new.customer is not None and new.customer.status == "prospect"
    prospects = ProspectsDialog(biz_ctx)
    qtbot.addWidget(prospects)
    qtmodeltester.check(prospects.model)
    assert prospects.model.data(prospects.model.index(0, 5)) == "To investigate"
    work = SelectionDialog(biz_ctx, new.customer.id)
    qtbot.addWidget(work)
    assert not work.ui.decisionBox.isEnabled()
    assert not work.add_investigation() and work.inv_errors.message("findings")
    work.ui.findingsEdit.setPlainText("实地考察：门店两处，库存充足")
    work.ui.kindCombo.setCurrentIndex(work.ui.kindCombo.findData("onsite"))
    assert work.add_investigation() and work.inv_model.rowCount() == 1
    for code, (score, note, _by) in work.scores.items():
        score.setCurrentIndex(score.findData(4))
    assert work.save_assessment()
    assert not work.file.missing and not work.ui.decisionBox.isEnabled()   # business staff do not decide
    boss = SelectionDialog(AppContext(people["manager"]), new.customer.id)
    qtbot.addWidget(boss)
    assert boss.ui.decisionBox.isEnabled()
    boss.ui.refuseRadio.setChecked(True)
    assert not boss.decide() and boss.decision_errors.message("reason")
    boss.ui.approveRadio.setChecked(True)
    assert boss.decide()
    assert Customer.get_by_id(new.customer.id).status == "active" and boss.decision_model.rowCount() == 1
    assert not boss.ui.decisionBox.isEnabled()
    assert selection.prospects() == []


def test_buttons_follow_the_role(qtbot, shop):
    tech_tab = make_tab(qtbot, shop["people"]["tech"])
    assert tech_tab.ui.importButton.isHidden() and tech_tab.ui.logButton.isHidden()
    assert tech_tab.ui.exportButton.isHidden() and tech_tab.ui.selectionButton.isHidden()
    info_tab = make_tab(qtbot, shop["people"]["info"])
    assert not info_tab.ui.importButton.isHidden() and not info_tab.ui.logButton.isHidden()


def test_keyboard_enter_opens_the_current_customer(qtbot, shop, monkeypatch):
    from app.ui.customers import archive_dialog

    opened = []
    monkeypatch.setattr(archive_dialog.ArchiveDialog, "exec", lambda self: opened.append(self.customer_id) or 0)
    tab = make_tab(qtbot, shop["people"]["info"])
    qtbot.keyClicks(tab.ui.searchEdit, "wf")                 # 王芳 by pinyin initials
    qtbot.keyClick(tab.ui.searchEdit, Qt.Key_Return)           # searches at once, moves to the table
    assert names(tab) == ["王芳"] and tab.view.currentIndex().row() == 0
    qtbot.keyClick(tab.view, Qt.Key_Return)
    assert opened == [shop["customers"]["王芳"].id]


def test_main_window_has_the_archives_tab(qtbot, shop, staff):
    """The tab is built when first shown (start-up stays fast) and Ctrl+4 reaches it."""
    from app.ui.customers.customers_tab import CustomersTab
    from app.ui.shell.main_window import MainWindow

    w = MainWindow(AppContext(staff["info"]), "sqlite:///test.sqlite3")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    index = next(i for i in range(w.tabs.count()) if "archives" in w.tabs.tabText(i).replace("&", ""))
    assert not isinstance(w.tabs.widget(index), CustomersTab) or w.tabs.currentIndex() == index
    w.view_actions[index].trigger()
    assert w.tabs.currentIndex() == index and w.view_actions[index].shortcut().toString() == "Ctrl+4"
    tab = w.tabs.currentWidget().findChild(CustomersTab) or w.tabs.currentWidget()
    assert isinstance(tab, CustomersTab) or tab.findChild(CustomersTab) is not None


def test_each_role_starts_on_its_own_tab(qtbot, shop, staff):
    """Business staff plan and report visits; the information manager keeps
    the archives; technicians work the repair queue; the visit planning tab
    is hidden from roles with nothing to do there."""
    from app.ui.shell.main_window import MainWindow

    for user, expected in ((staff["business"], "Visit planning"), (staff["info"], "archives"),
                           (staff["tech"], "Repair")):
        w = MainWindow(AppContext(user), "sqlite:///test.sqlite3")
        qtbot.addWidget(w)
        assert expected in w.tabs.tabText(w.tabs.currentIndex()).replace("&", "")
        field = w.tabs.indexOf(w.field_page)
        assert w.tabs.isTabVisible(field) == (user is not staff["tech"])
        assert w.view_actions[field].shortcut().toString() == "Ctrl+5"
