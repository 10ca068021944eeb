"""Sign-in, passwords and the administrator's user services.

Passwords are kept only as a salted scrypt hash (stdlib ``hashlib.scrypt``,
a memory-hard function: guessing is slow even with a copy of the
database) at the cost the OWASP Password Storage Cheat Sheet names for
scrypt (N=2^17, r=8, p=1: 128 MB and a few hundred ms a hash), stored as
``scrypt$n$r$p$salt_b64$hash_b64``: the hash carries its parameters, and a
hash made with others (an older, cheaper csdesk) is re-made at the next
successful sign-in. A password has at least :data:`MIN_PASSWORD_LENGTH`
characters, is not the user name nor contains it, and is not one of the
common passwords of ``common_passwords.txt`` (:func:`password_errors`).

:func:`sign_in` answers "unknown user name or wrong password" in the same
words for both, so the sign-in box does not tell who works here. Wrong
passwords never lock an account (anyone could lock out the only
administrator, or the manager at the counter, by typing a wrong password):
after :data:`FREE_FAILURES` in a row each further attempt must wait, the
wait doubling from :data:`BACKOFF_FIRST_S` up to :data:`BACKOFF_MAX_S`
seconds. The time before which the next attempt is refused is stored in
the user's row (``locked_until``), so every station honours it; each
failure is committed at once, so it counts even though the sign-in raises.
A right password resets the count, and so does the administrator
(:func:`unlock`).

The first start of a database has no usable administrator
(:func:`needs_first_admin`): the application asks for one
(:func:`create_first_admin`). A database upgraded from version 1 has users
but no passwords: its first start sets the existing administrator's
password the same way (:func:`first_admin_candidate` names him); the
administrator then gives every other user a first password, which they must
change at their first sign-in (``must_change_password``).
"""
from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import hmac
import os
from pathlib import Path

from app.domain.core import db, limits, users
from app.domain.core.db import write_transaction
from app.domain.core.errors import PermissionDenied, ValidationError, tx
from app.domain.core.models import User, now
from app.domain.core.permissions import ROLES, open_to_temporary_password, require

#: The OWASP Password Storage Cheat Sheet's scrypt parameters (128 MB, ~0.3 s a hash).
OWASP_SCRYPT = (2 ** 17, 8, 1)
#: The cost new hashes are made with; only tests lower it (:func:`use_test_cost`).
SCRYPT_N, SCRYPT_R, SCRYPT_P = OWASP_SCRYPT
#: The most memory a stored hash's parameters may ask for (a forged row must not exhaust the station).
SCRYPT_MAXMEM = 2 ** 28
SALT_BYTES, HASH_BYTES = 16, 32
#: Wrong passwords in a row that cost nothing; then each attempt waits.
FREE_FAILURES = 3
#: The first wait after FREE_FAILURES wrong passwords, doubled at each further one, up to the cap (seconds).
BACKOFF_FIRST_S = 5
BACKOFF_MAX_S = 60
MIN_PASSWORD_LENGTH = 10
COMMON_PASSWORDS_FILE = Path(__file__).with_name("common_passwords.txt")


class SignInFailed(PermissionDenied):
    """Sign-in refused; ``reason`` is credentials | locked | disabled | no_password."""

    code = "sign_in"

    def __init__(self, message: str, reason: str):
        super().__init__(message, reason=reason)
        self.reason = reason


# -- hashing -------------------------------------------------------------------------
def use_test_cost(n: int = 2 ** 10) -> None:
    """Make new hashes with the cheaper ``n`` (tests only: the test suite
    hashes hundreds of passwords). Production code never calls it."""
    global SCRYPT_N
    SCRYPT_N = n


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str) -> str:
    """A new salted scrypt hash of ``password`` (two calls never give the same string)."""
    salt = os.urandom(SALT_BYTES)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
                            dklen=HASH_BYTES, maxmem=SCRYPT_MAXMEM)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def _parse(stored: str):
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return None
        return int(n), int(r), int(p), base64.b64decode(salt), base64.b64decode(digest)
    except (ValueError, AttributeError):
        return None


def verify_password(password: str, stored: str) -> bool:
    """True if ``password`` matches the stored hash (compared in constant time)."""
    parsed = _parse(stored or "")
    if parsed is None:
        return False
    n, r, p, salt, digest = parsed
    try:
        candidate = hashlib.scrypt((password or "").encode("utf-8"), salt=salt, n=n, r=r, p=p,
                                   dklen=len(digest), maxmem=SCRYPT_MAXMEM)
    except ValueError:  # parameters this machine refuses: treat as no match
        return False
    return hmac.compare_digest(candidate, digest)


def _outdated(stored: str) -> bool:
    parsed = _parse(stored)
    return parsed is not None and parsed[:3] != (SCRYPT_N, SCRYPT_R, SCRYPT_P)


_DUMMY_HASH: str | None = None


def _dummy_hash() -> str:
    # An unknown user name costs the same time as a wrong password.
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_password("not a password")
    return _DUMMY_HASH


@functools.lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The common passwords refused, lower-case (``common_passwords.txt``)."""
    lines = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def password_errors(username: str, password: str, field: str = "password") -> dict[str, str]:
    """The password rules: at least :data:`MIN_PASSWORD_LENGTH` characters,
    neither the user name nor containing it, not a common password."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        return {field: tx("At least {n} characters.", n=MIN_PASSWORD_LENGTH)}
    lowered, name = password.strip().lower(), (username or "").strip().lower()
    if name and name in lowered:
        return {field: tx("The password must not be or contain the user name.")}
    if lowered in common_passwords():
        return {field: tx("This is one of the most common passwords, the first any intruder tries. "
                          "Choose another.")}
    return {}


# -- signing in -----------------------------------------------------------------------
def is_locked(user: User) -> bool:
    """True while the user's next attempt must wait (after wrong passwords)."""
    return user.locked_until is not None and user.locked_until > now()


def backoff_seconds(failures: int) -> int:
    """How long the next attempt waits after ``failures`` wrong passwords in a row."""
    if failures < FREE_FAILURES:
        return 0
    return min(BACKOFF_MAX_S, BACKOFF_FIRST_S * 2 ** (failures - FREE_FAILURES))


def _locked_error(user: User) -> SignInFailed:
    wait = max(1, int((user.locked_until - now()).total_seconds()))
    return SignInFailed(tx("{n} wrong passwords in a row: wait until {time} ({seconds} s) and try again. "
                           "The administrator can lift the wait in File › Users.", n=user.failed_logins,
                           time=user.locked_until.strftime("%H:%M:%S"), seconds=wait), "locked")


def _fresh(user_id: int) -> User:
    """The user row, locked for this transaction on a server (two stations
    counting the same user's failures must not lose one)."""
    q = User.select().where(User.id == user_id)
    if not db.is_sqlite():
        q = q.for_update()
    user = q.first()
    if user is None:
        raise ValidationError({"user": tx("That user no longer exists.")})
    return user


def _record_failure(user_id: int) -> User:
    """Count a wrong password in its own transaction; from FREE_FAILURES on,
    the next attempt waits (the time stored in the row, for every station)."""
    with write_transaction():
        user = _fresh(user_id)
        count = user.failed_logins + 1
        wait = backoff_seconds(count)
        until = now() + dt.timedelta(seconds=wait) if wait else None
        User.update(failed_logins=count, locked_until=until).where(User.id == user.id).execute()
    return User.get_by_id(user_id)


def sign_in(username: str, password: str) -> User:
    """The user, once ``password`` is right; raises :class:`SignInFailed`.

    A success clears the failure count and records ``last_login_at``. The
    caller must still honour ``must_change_password`` (ask for a new one).
    """
    bad = tx("Unknown user name or wrong password.")
    user = users.find_by_username(username)
    if user is None:
        verify_password(password, _dummy_hash())
        raise SignInFailed(bad, "credentials")
    if is_locked(user):
        raise _locked_error(user)
    if not user.password_hash:
        if not user.active:
            raise SignInFailed(tx("This account is disabled. Ask the administrator."), "disabled")
        raise SignInFailed(tx("No password has been set for this account yet. "
                              "Ask the administrator to set one."), "no_password")
    if not verify_password(password, user.password_hash):
        _record_failure(user.id)
        raise SignInFailed(bad, "credentials")
    # Only someone who knows the password learns that the account is disabled.
    if not user.active:
        raise SignInFailed(tx("This account is disabled. Ask the administrator."), "disabled")
    fields = dict(failed_logins=0, locked_until=None, last_login_at=now())
    if _outdated(user.password_hash):
        fields["password_hash"] = hash_password(password)
    with write_transaction():
        User.update(**fields).where(User.id == user.id).execute()
    return User.get_by_id(user.id)


def confirm_approval(approver: User, password: str, perm: str) -> User:
    """A second person (e.g. the manager at the counter) approves an action
    with their own password. Failures count towards the lock as at sign-in;
    nothing else about their account changes. Returns the fresh approver."""
    from app.domain.core.permissions import require

    current = _fresh(approver.id)
    require(current, perm)          # no point asking someone who may not approve
    if is_locked(current):
        raise _locked_error(current)
    if not current.password_hash or not verify_password(password or "", current.password_hash):
        _record_failure(current.id)
        raise ValidationError({"approver_password": tx("The approver's password is wrong.")})
    if current.failed_logins:
        with write_transaction():
            User.update(failed_logins=0, locked_until=None).where(User.id == current.id).execute()
    return current


@open_to_temporary_password
def change_password(user: User, old: str, new: str) -> User:
    """The user replaces his own password (and so ends ``must_change_password``).
    The current password is checked as at sign-in: a wrong one counts, and
    waits when too many came in a row."""
    current = User.get_by_id(user.id)
    if not current.active:
        raise PermissionDenied(tx("This account is disabled. Ask the administrator."))
    if is_locked(current):
        raise _locked_error(current)
    if not verify_password(old, current.password_hash):
        _record_failure(current.id)
        raise ValidationError({"old_password": tx("The current password is wrong.")})
    errors = password_errors(current.username, new)
    if not errors and new == old:
        errors = {"password": tx("Choose a password different from the current one.")}
    if errors:
        raise ValidationError(errors)
    return _store_password(current.id, new, must_change=False)


def _store_password(user_id: int, password: str, must_change: bool) -> User:
    digest = hash_password(password)  # outside the transaction: it takes ~50 ms
    with write_transaction():
        User.update(password_hash=digest, must_change_password=must_change, failed_logins=0,
                    locked_until=None).where(User.id == user_id).execute()
    return User.get_by_id(user_id)


# -- the first administrator ------------------------------------------------------------
def _usable_admins():
    return User.select().where((User.role == "admin") & (User.active == True)  # noqa: E712
                               & (User.password_hash != ""))


def needs_first_admin() -> bool:
    """True while no active administrator has a password: a new database,
    or one upgraded from version 1 (whose users have no passwords)."""
    return not _usable_admins().exists()


def first_admin_candidate() -> User | None:
    """The password-less administrator of an upgraded database, if any:
    the first-start dialog sets his password instead of adding another."""
    return (User.select().where((User.role == "admin") & (User.active == True)  # noqa: E712
                                & (User.password_hash == "")).order_by(User.id).first())


def create_first_admin(username: str, display_name: str, password: str) -> User:
    """Create the administrator on the first start (or give the upgraded
    database's administrator his password); he is signed in. Refused once a
    usable administrator exists, so this is no back door."""
    errors = limits.check(User, {"username": username, "display_name": display_name})
    if errors:
        raise ValidationError(errors)
    if not (display_name or "").strip():
        errors["display_name"] = tx("required")
    if not (username or "").strip():
        errors["username"] = tx("required")
    errors.update(password_errors(username, password))
    if errors:
        raise ValidationError(errors)
    digest = hash_password(password)
    with write_transaction():
        if not needs_first_admin():
            raise PermissionDenied(tx("An administrator already exists: sign in, or ask him for an account."))
        existing = users.find_by_username(username)
        if existing is not None:
            if existing.role != "admin" or existing.password_hash:
                raise ValidationError({"username": tx("already taken")})
            User.update(display_name=display_name.strip(), password_hash=digest, active=True,
                        must_change_password=False, failed_logins=0, locked_until=None,
                        last_login_at=now()).where(User.id == existing.id).execute()
            return User.get_by_id(existing.id)
        user = users.create_user(username, display_name, "admin", password_hash=digest)
        User.update(last_login_at=now()).where(User.id == user.id).execute()
        return User.get_by_id(user.id)


# -- the administrator's services (users.manage) ----------------------------------------------
def create_user(actor: User | None, username: str, display_name: str, role: str, password: str) -> User:
    """Add a user with a first password, which he must change at his first sign-in."""
    require(actor, "users.manage")
    errors = users.validate_user(username, display_name, role)
    errors.update(password_errors(username, password))
    if errors:
        raise ValidationError(errors)
    return users.create_user(username, display_name, role, actor=actor, password_hash=hash_password(password),
                             must_change_password=actor is not None)


def set_password(actor: User | None, user: User, new: str) -> User:
    """Reset ``user``'s password. Set for someone else it is a temporary one:
    he must change it at his next sign-in. Also unlocks the account."""
    require(actor, "users.manage")
    current = User.get_by_id(user.id)
    errors = password_errors(current.username, new)
    if errors:
        raise ValidationError(errors)
    return _store_password(current.id, new, must_change=actor is not None and actor.id != current.id)


def unlock(actor: User | None, user: User) -> User:
    """Forget the user's wrong passwords: no more waiting before the next attempt."""
    require(actor, "users.manage")
    with write_transaction():
        User.update(failed_logins=0, locked_until=None).where(User.id == user.id).execute()
    return User.get_by_id(user.id)


def _keep_an_admin(user: User, errors_field: str) -> None:
    """Refuse to leave the database without an administrator who can sign in."""
    usable = user.role == "admin" and user.active and user.password_hash
    if usable and not _usable_admins().where(User.id != user.id).exists():
        raise ValidationError({errors_field: tx("{name} is the last administrator; "
                                                "make someone else administrator first.",
                                                name=user.display_name)})


def set_role(actor: User | None, user: User, role: str) -> User:
    """Give ``user`` another role (his rights change at once)."""
    require(actor, "users.manage")
    if role not in ROLES:
        raise ValidationError({"role": tx("unknown role '{role}'", role=role)})
    with write_transaction():
        current = _fresh(user.id)
        if role != "admin":
            _keep_an_admin(current, "role")
        User.update(role=role).where(User.id == current.id).execute()
    return User.get_by_id(user.id)


def deactivate(actor: User | None, user: User) -> User:
    """Disable an account (people leave; their name stays on the records)."""
    require(actor, "users.manage")
    with write_transaction():
        current = _fresh(user.id)
        if actor is not None and actor.id == current.id:
            raise ValidationError({"active": tx("You cannot disable your own account.")})
        _keep_an_admin(current, "active")
        User.update(active=False).where(User.id == current.id).execute()
    return User.get_by_id(user.id)


def reactivate(actor: User | None, user: User) -> User:
    """Enable a disabled account again."""
    require(actor, "users.manage")
    with write_transaction():
        User.update(active=True).where(User.id == user.id).execute()
    return User.get_by_id(user.id)


def list_users(actor: User | None = None) -> list[User]:
    """Every user, active first, for the users dialog ("users.manage")."""
    require(actor, "users.manage")
    return list(User.select().order_by(User.active.desc(), User.role, User.display_name))
