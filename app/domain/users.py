"""Staff and roles. Sign-in and passwords arrive with the archive issue;
until then a station names its operator and the domain records that user."""
from __future__ import annotations

from .errors import PermissionDenied, ValidationError, tx
from .models import User

ROLES = ("admin", "info_manager", "counter", "technician", "business", "manager")


def create_user(username: str, display_name: str, role: str) -> User:
    errors = {}
    if not username.strip():
        errors["username"] = tx("required")
    if not display_name.strip():
        errors["display_name"] = tx("required")
    if role not in ROLES:
        errors["role"] = tx("unknown role '{role}'", role=role)
    if username.strip() and User.select().where(User.username == username.strip()).exists():
        errors["username"] = tx("already taken")
    if errors:
        raise ValidationError(errors)
    return User.create(username=username.strip(), display_name=display_name.strip(), role=role)


def active_users(role: str | None = None) -> list[User]:
    q = User.select().where(User.active == True).order_by(User.display_name)  # noqa: E712
    if role:
        q = q.where(User.role == role)
    return list(q)


def technicians() -> list[User]:
    return active_users("technician")


def require_manager(user: User | None, action: str, message: str | None = None) -> User:
    """``user`` if a manager or admin; else PermissionDenied with ``message``
    (a tx() sentence naming the action, so it translates as a whole)."""
    if user is None or user.role not in ("manager", "admin"):
        raise PermissionDenied(message or tx("{action} needs a manager's approval.", action=action))
    return user


def get_user(user_id: int | None) -> User | None:
    if user_id is None:
        return None
    return User.get_or_none(User.id == user_id)
