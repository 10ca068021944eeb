"""``csdesk print`` writes the field-service forms (brief §3) as PDF."""
from __future__ import annotations

import io

import pypdf

from app import cli
from app.domain import db as dbmod
from app.domain.models import Customer, GiftRequest, Visit, VisitPlan


def _text(path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_print_field_documents(tmp_path, capsys):
    url = "sqlite:///" + str(tmp_path / "cli.sqlite3")
    assert cli.main(["--database", url, "demo-data", "--customers", "12", "--jobs", "4"]) == 0
    visit = Visit.select().where(Visit.status == "done").first()
    plan = VisitPlan.select().first()
    gift = GiftRequest.select().where(GiftRequest.status == "given").first()
    customer = Customer.select().where(Customer.status == "active").first()
    numbers = (visit.number, plan.id, gift.number, customer.code, customer.name)
    dbmod.close()
    out = tmp_path / "x.pdf"
    assert cli.main(["--database", url, "print", "visit-report", numbers[0], "-o", str(out)]) == 0
    assert numbers[0] in _text(out) and "走访用户汇报" in _text(out)
    assert cli.main(["--database", url, "print", "visit-plan", str(numbers[1]), "-o", str(out)]) == 0
    assert "计划" in _text(out)
    assert cli.main(["--database", url, "print", "gift-slip", numbers[2], "-o", str(out)]) == 0
    assert numbers[2] in _text(out)
    assert cli.main(["--database", url, "print", "survey-form", numbers[3], "-o", str(out)]) == 0
    assert numbers[4] in _text(out) and "用户满意度调查表" in _text(out)
    assert cli.main(["--database", url, "print", "survey-form", "-o", str(out), "--lang", "en"]) == 0
    assert numbers[4] not in _text(out)
    assert cli.main(["--database", url, "print", "visit-report", "ZF-1999-000001", "-o", str(out)]) == 2
    assert "ZF-1999-000001" in capsys.readouterr().err
