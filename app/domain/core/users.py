"""Staff and roles: who works here, and the creation of a user row.

Sign-in, passwords, locking and the administrator's services (add a user,
set a role, reset a password, unlock, deactivate) are in
:mod:`app.domain.core.auth`; who may do what is in :mod:`app.domain.core.permissions`.
"""
from __future__ import annotations

import peewee as pw

from app.domain.core import limits
from app.domain.core.errors import ValidationError, tx
from app.domain.core.models import User
from app.domain.core.permissions import ROLES, require, role_allows

__all__ = ["ROLES", "create_user", "validate_user", "find_by_username", "active_users", "technicians",
           "approvers", "get_user"]


def find_by_username(username: str) -> User | None:
    """The user called ``username``, ignoring case and surrounding blanks
    (people type "Clerk1" as often as "clerk1")."""
    name = (username or "").strip().lower()
    if not name:
        return None
    return User.get_or_none(pw.fn.LOWER(User.username) == name)


def validate_user(username: str, display_name: str, role: str) -> dict[str, str]:
    """Field -> message for a new user (empty if fine)."""
    errors = limits.check(User, {"username": username, "display_name": display_name, "role": role})
    if errors:
        return errors
    if not (username or "").strip():
        errors["username"] = tx("required")
    elif any(c.isspace() for c in username.strip()):
        errors["username"] = tx("No spaces in a user name.")
    elif find_by_username(username) is not None:
        errors["username"] = tx("already taken")
    if not (display_name or "").strip():
        errors["display_name"] = tx("required")
    if role not in ROLES:
        errors["role"] = tx("unknown role '{role}'", role=role)
    return errors


def create_user(username: str, display_name: str, role: str, *, actor: User | None = None,
                password_hash: str = "", must_change_password: bool = False) -> User:
    """Insert a user row. ``actor=None`` is the system (demo data, tests);
    the GUI goes through :func:`app.domain.core.auth.create_user`, which also
    checks the password rules and hashes the password."""
    require(actor, "users.manage")
    errors = validate_user(username, display_name, role)
    if errors:
        raise ValidationError(errors)
    return User.create(username=username.strip(), display_name=display_name.strip(), role=role,
                       password_hash=password_hash, must_change_password=must_change_password)


def active_users(role: str | None = None) -> list[User]:
    q = User.select().where(User.active == True).order_by(User.display_name)  # noqa: E712
    if role:
        q = q.where(User.role == role)
    return list(q)


def technicians() -> list[User]:
    return active_users("technician")


def approvers() -> list[User]:
    """Active users who may approve a release without the pickup receipt."""
    return [u for u in active_users() if role_allows(u, "release.approve")]


def get_user(user_id: int | None) -> User | None:
    if user_id is None:
        return None
    return User.get_or_none(User.id == user_id)
