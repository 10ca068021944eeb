"""The tree shows the product: every folder of app/ is a package (or the
wheel silently lacks a book), every table is listed once in the schema's
ordered list and names itself, and each book's UI installs its part of the
other books' screens."""
from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import app

ROOT = Path(app.__file__).parent

#: The tables of schema v3 (the release before the books were split): their
#: names must never change, whatever module their classes live in.
V3_TABLES = {
    "csdesk_meta", "setting", "user", "customer", "product", "unit", "agreement", "agreement_unit",
    "document_series", "job", "job_item", "job_part", "job_labour", "job_history", "receipt", "register_entry",
    "customer_contact", "customer_address", "customer_change", "access_request", "access_log", "investigation",
    "selection_assessment", "selection_decision", "visit_plan", "visit", "visit_purpose", "service_activity",
    "activity_participant", "gift_request", "gift_item", "survey_response", "survey_answer",
}


def _modules(package) -> list[str]:
    return [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")
            if not m.name.endswith("__main__")]


def test_every_folder_of_app_is_a_package():
    missing = [str(d.relative_to(ROOT.parent)) for d in ROOT.rglob("*")
               if d.is_dir() and d.name != "__pycache__" and any(d.glob("*.py")) and not (d / "__init__.py").exists()]
    assert missing == []


def _model_classes() -> set:
    """Every table model defined in a book's models module."""
    import app.domain
    from app.domain.core import models as core_models

    for name in _modules(app.domain):
        importlib.import_module(name)
    found, stack = set(), list(core_models.BaseModel.__subclasses__())
    while stack:
        cls = stack.pop()
        stack += cls.__subclasses__()
        found.add(cls)
    return {c for c in found if c.__module__.startswith("app.domain.") and c not in ABSTRACT_MODELS()}


def ABSTRACT_MODELS() -> set:
    """Bases that have no table of their own."""
    from app.domain.core import models as core_models

    return {getattr(core_models, name) for name in ("BaseModel", "HistoryRow") if hasattr(core_models, name)}


def test_the_schema_lists_every_model_once():
    from app.domain import schema

    tables = [m._meta.table_name for m in schema.MODELS]
    assert len(tables) == len(set(tables)), "a table is listed twice"
    assert set(schema.MODELS) == _model_classes(), "a model is missing from app.domain.schema.MODELS"
    for model in schema.MODELS:
        book = model.__module__.split(".")[2]
        assert model.__module__ == f"app.domain.{book}.models", f"{model.__name__} lives outside its book's models"
    assert V3_TABLES <= set(tables)


def test_every_table_names_itself():
    """Moving or renaming a class must never create a new table: each model's
    own Meta says its table's name (peewee takes the inner Meta away, so the
    source is read)."""
    abstract = {c.__name__ for c in ABSTRACT_MODELS()}
    unpinned = []
    for path in sorted((ROOT / "domain").glob("*/models.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.ClassDef) or node.name in abstract or not node.bases:
                continue
            meta = next((n for n in node.body if isinstance(n, ast.ClassDef) and n.name == "Meta"), None)
            names = {t.id for n in (meta.body if meta else []) if isinstance(n, ast.Assign)
                     for t in n.targets if isinstance(t, ast.Name)}
            if "table_name" not in names:
                unpinned.append(f"{path.parent.name}.{node.name}")
    assert unpinned == []


def test_models_are_listed_before_the_tables_that_point_to_them():
    from app.domain import schema

    seen = set()
    for model in schema.MODELS:
        for fk in model._meta.refs:
            assert fk.rel_model is model or fk.rel_model in seen, \
                f"{model.__name__} points to {fk.rel_model.__name__}, listed after it"
        seen.add(model)


def test_every_module_imports():
    for package in ("app.domain", "app.printing", "app.demo", "app.ui"):
        for name in _modules(importlib.import_module(package)):
            importlib.import_module(name)


def test_each_book_fills_the_archive_and_the_new_customer_slot():
    from app.ui.base import slots
    from app.ui.shell import books

    books.install()
    assert [p.key for p in slots.archive_panels()] == ["counter", "field", "contacts", "complaints"]
    assert [p.key for p in slots.job_panels()] == ["complaints"]
    assert slots._new_customer is not None
