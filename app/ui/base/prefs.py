"""Per-station preferences over QSettings (as Picard's typed options).

Shared settings (company name, pickup terms) live in the database
(``app.domain.core.settings``); what belongs to this computer lives here:
language, printers, copies, paper, font, window layout, operator.
Tests point QSettings at a temporary folder (see tests/conftest.py) so they
never write a real user's settings.
"""
from __future__ import annotations

from app.ui.qt import QSettings

ORG, APP = "csdesk", "csdesk"

#: key -> (type, default)
OPTIONS: dict[str, tuple[type, object]] = {
    "language": (str, ""),                 # "" = system locale, "zh_CN", "en"
    "receipt_copies": (int, 1),
    "receipt_paper": (str, "80mm"),        # 80mm | A5
    "voucher_paper": (str, "A4"),          # A4 | A5
    "print_language": (str, "zh_CN"),      # language of printed documents
    "printer_receipt": (str, ""),          # printer name per document kind; "" = ask / preview
    "printer_card": (str, ""),
    "printer_voucher": (str, ""),
    "print_cards_on_save": (bool, True),
    "font_path": (str, ""),                # CJK TrueType font for printing; "" = find one
    "operator_id": (int, 0),               # the user working at this station
    "last_database": (str, ""),
}


def _settings() -> QSettings:
    return QSettings(QSettings.IniFormat, QSettings.UserScope, ORG, APP)


def get(key: str):
    typ, default = OPTIONS[key]
    value = _settings().value(key, default)
    if value is None:
        return default
    if typ is bool:
        return value in (True, "true", "True", "1", 1)
    try:
        return typ(value)
    except (TypeError, ValueError):
        return default


def set(key: str, value) -> None:  # noqa: A001 - mirrors QSettings
    if key not in OPTIONS:
        raise KeyError(key)
    _settings().setValue(key, value)


def raw() -> QSettings:
    """For window geometry/state blobs (saveGeometry/saveState)."""
    return _settings()
