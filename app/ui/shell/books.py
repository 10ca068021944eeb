"""The books the application is made of, installed once at start-up: each
book's ``install()`` fills the slots other books offer (app.ui.base.slots).
A new book (complaints, reports, agreements...) is added here."""
from __future__ import annotations

from app.ui import complaints, contacts, counter, customers, field

#: In the order they are installed (a book's slots before the books that fill them).
BOOKS = (customers, counter, field, contacts, complaints)

_installed = False


def install() -> None:
    global _installed
    if _installed:
        return
    for book in BOOKS:
        book.install()
    _installed = True
