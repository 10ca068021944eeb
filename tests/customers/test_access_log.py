"""Issue 11, part 9: the access log is complete (history, the counter's and
field service's customer pages, refused exports and imports) and
append-only (the model refuses to change or delete a row, and no code of
the application tries)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.domain.core.errors import AppendOnly, PermissionDenied
from app.domain.counter import customer_page
from app.domain.customers import access, archive, customers, import_export
from app.domain.customers.models import AccessLog
from app.domain.field import service_page

APP = Path(__file__).resolve().parents[2] / "app"


@pytest.fixture
def setup(any_db, staff):
    c = customers.create_customer("北京海淀华信电子有限公司", "010-62888899", "dealer", user=None)
    c = archive.save_archive(None, c.id, c.version, {"responsible_id": staff["business"].id})
    return dict(staff, customer=c)


def log_of(user) -> list[tuple]:
    return [(e.action, e.customer_id, e.detail) for e in
            AccessLog.select().where(AccessLog.user == user.id).order_by(AccessLog.id)]


def test_history_and_the_customer_pages_are_logged_like_views(setup):
    info, c = setup["info"], setup["customer"]
    archive.history(info, c.id)
    customer_page.related(info, c.id)
    service_page.for_customer(c.id, info)
    assert log_of(info) == [("history", c.id, ""), ("page", c.id, ""), ("service", c.id, "")]
    tech = setup["tech"]                               # no access to this archive
    for call in (lambda: archive.history(tech, c.id), lambda: customer_page.related(tech, c.id)):
        with pytest.raises(PermissionDenied):
            call()
    assert log_of(tech) == [("denied", c.id, "history"), ("denied", c.id, "page")]


def test_a_refused_export_import_and_print_are_logged(setup, tmp_path):
    tech = setup["tech"]
    q = archive.overview(setup["info"])
    target = tmp_path / "overview.csv"
    with pytest.raises(PermissionDenied):
        import_export.export_overview(tech, q, target)
    assert not target.exists()
    source = tmp_path / "in.csv"
    source.write_text("客户名称,电话\n某公司,13800138000\n", encoding="utf-8")
    with pytest.raises(PermissionDenied):
        import_export.preview(source, tech)
    assert log_of(tech) == [("denied", None, "export"), ("denied", None, "import")]
    import_export.export_overview(setup["info"], q, target)
    assert log_of(setup["info"])[-1][0] == "export"


def test_the_model_refuses_to_change_or_delete_a_log_row(setup):
    access.record(setup["info"], setup["customer"].id, "view")
    row = AccessLog.select().order_by(AccessLog.id.desc()).first()
    row.detail = "nothing happened"
    for attempt in (row.save, row.delete_instance, lambda: AccessLog.update(detail="x"),
                    lambda: AccessLog.delete(), lambda: AccessLog.replace(action="view")):
        with pytest.raises(AppendOnly):
            attempt()
    assert AccessLog.get_by_id(row.id).detail == ""


#: Ways code could change or delete log rows: the model's own queries, a
#: ModelUpdate/ModelDelete built on it, raw SQL on its table.
FORBIDDEN = [re.compile(p) for p in (
    r"AccessLog\s*\.\s*(update|delete|replace|insert_or_replace|delete_by_id|set_by_id)\b",
    r"(ModelUpdate|ModelDelete)\s*\(\s*AccessLog\b",
    r"(?i)\b(update|delete\s+from|truncate(\s+table)?)\s+[`\"]?access_log\b",
)]


def test_no_code_updates_or_deletes_the_access_log():
    offenders = []
    for path in APP.rglob("*.py"):
        if path.name == "models.py" and path.parent.name == "customers":
            continue                        # the model's own refusals
        text = path.read_text(encoding="utf-8")
        for pattern in FORBIDDEN:
            for m in pattern.finditer(text):
                offenders.append(f"{path.relative_to(APP.parent)}:{text[:m.start()].count(chr(10)) + 1}: {m.group(0)}")
    assert offenders == []
