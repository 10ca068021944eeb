"""The contact register's screens (客服登记本, issue 13)."""
from __future__ import annotations


def install() -> None:
    """The contact register adds no part to another book's screens yet; its tab is the shell's."""
