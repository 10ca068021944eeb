"""Who may do what: every service checks here, in the domain layer, so a
role that lacks a right cannot do the thing through any door (GUI, command
line, script). The UI may hide buttons as well, but the check is here.

``require(user, "job.work")`` raises :class:`PermissionDenied`;
``can(user, perm)`` answers. ``user=None`` is the system itself (demo data,
migrations, command-line maintenance) and may do everything.
"""
from __future__ import annotations

import contextvars
from contextlib import contextmanager

from app.domain.core.errors import PermissionDenied, tx

ROLES = ("admin", "info_manager", "counter", "technician", "business", "manager")

#: Every permission, and what it lets a user do.
PERMISSIONS = {
    "job.intake": tx("take units in at the counter"),
    "job.release": tx("hand units back"),
    "job.work": tx("record diagnosis, parts, labour; move a job through the workshop"),
    "job.cancel": tx("cancel a job taken in by mistake"),
    "job.kind": tx("change a job's service kind"),
    "job.inform": tx("record that the customer was informed"),
    "register.read": tx("read and print the in/out register"),
    "register.correct": tx("correct a row of the in/out register"),
    "release.approve": tx("approve a release without the pickup receipt"),
    "customer.create": tx("add a customer (at the counter or in the archive)"),
    "customer.overview": tx("see the overview table (用户情况一览表)"),
    "customer.archive.read": tx("read every archive without an access request (keepers)"),
    "customer.archive.edit": tx("edit archives"),
    "customer.import": tx("import customers from a file"),
    "customer.export": tx("export the overview table"),
    "customer.access.grant": tx("grant or refuse access requests for any customer"),
    "customer.access.log": tx("read the access log"),
    "customer.select.investigate": tx("record investigations and assessments of prospects"),
    "customer.select.decide": tx("approve or refuse a prospect"),
    "agreement.manage": tx("record maintenance agreements"),
    "visit.plan": tx("plan, record and report one's own customer visits"),
    "visit.all": tx("see and plan every staff member's visits"),
    "visit.approve": tx("approve visit plans"),
    "activity.manage": tx("record service activities"),
    "gift.request": tx("request gifts and samples for customers, and record them as given"),
    "gift.approve": tx("approve or refuse gift requests"),
    "survey.manage": tx("print satisfaction surveys and enter the answers"),
    "survey.results": tx("read the satisfaction survey results"),
    "contacts.read": tx("read, search, export and print the contact register"),
    "contacts.record": tx("record calls, letters and visits in the contact register"),
    "contacts.correct": tx("correct a line of the contact register"),
    "complaint.record": tx("receive customers' complaints"),
    "complaint.handle": tx("handle the complaints one is responsible for"),
    "complaint.manage": tx("assign complaints, set their deadlines, close them and see every complaint"),
    "users.manage": tx("add users, set roles, reset passwords, unlock accounts"),
    "settings.company": tx("change the company settings shared by every station"),
}

_COUNTER = {"job.intake", "job.release", "job.inform", "job.cancel", "customer.create", "customer.overview"}
_TECH = {"job.work", "job.inform", "customer.overview"}
_KEEPER = {"customer.create", "customer.overview", "customer.archive.read", "customer.archive.edit",
           "customer.import", "customer.export", "customer.access.log", "customer.select.investigate",
           "visit.all", "survey.manage", "survey.results"}
_BUSINESS = {"customer.overview", "customer.export", "customer.create", "customer.select.investigate",
             "visit.plan", "activity.manage", "gift.request", "survey.manage", "survey.results"}
_MANAGER = (set(PERMISSIONS) - {"users.manage"})
# Every role sees the in/out register tab, and may print the book it shows.
_EVERYONE = {"register.read", "contacts.read"}
# The contact register (客服登记本): whoever answers the telephone records the call (the counter, business
# staff, technicians giving technical guidance, §4.1.3); the counter and business staff correct lines.
_CONTACTS = {"contacts.record"}
# Complaints (用户投诉): the counter and business staff receive them; whoever is made responsible handles
# them (a technician too); managers assign, set deadlines and close (they hold every right but users.manage).
_COMPLAINTS_RECORD = {"complaint.record", "complaint.handle"}

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": frozenset(PERMISSIONS),
    "manager": frozenset(_MANAGER),
    "info_manager": frozenset(_KEEPER | _EVERYONE | _CONTACTS | {"complaint.handle"}),
    "counter": frozenset(_COUNTER | _EVERYONE | _CONTACTS | _COMPLAINTS_RECORD
                         | {"job.kind", "register.correct", "contacts.correct"}),
    "technician": frozenset(_TECH | _EVERYONE | _CONTACTS | {"complaint.handle"}),
    "business": frozenset(_BUSINESS | _EVERYONE | _CONTACTS | _COMPLAINTS_RECORD | {"contacts.correct"}),
}


def role_allows(user, perm: str) -> bool:
    """Whether the row ``user`` as given (no database read) holds ``perm``:
    active, and the role has it. For choosing among rows just read (the
    staff who make visits, the approvers) and for showing or hiding buttons;
    a check of the acting user is :func:`can` or :func:`require`."""
    if perm not in PERMISSIONS:
        raise ValueError(f"unknown permission {perm!r}")
    if user is None:
        return True
    return bool(getattr(user, "active", True)) and perm in ROLE_PERMISSIONS.get(user.role, frozenset())


# -- the acting user's current row ------------------------------------------------------
# The rows read in the running scope (user id -> User); None outside any scope.
_rows: contextvars.ContextVar[dict | None] = contextvars.ContextVar("csdesk_rights", default=None)


@contextmanager
def rights_scope():
    """Within the scope each user's row is read once (the first check reads
    it, later checks reuse it): one primary-key read per operation, however
    many fields or rows it checks. The operation runner
    (app.domain.core.operations.run) opens one per action; scopes nest."""
    if _rows.get() is not None:
        yield
        return
    token = _rows.set({})
    try:
        yield
    finally:
        _rows.reset(token)


class _Gone:
    """A user row that no longer exists: no rights at all."""
    active = False
    must_change_password = False
    role = ""

    def __init__(self, user):
        self.id = user.id
        self.display_name = getattr(user, "display_name", str(user.id))
        self.username = getattr(user, "username", "")


def current(user):
    """The user as the database has them now (a role changed, an account
    disabled or a password reset at another station counts at once, not at
    the next sign-in). ``None`` (the system) and an unsaved row stay as
    they are."""
    from app.domain.core.models import User

    if user is None or not getattr(user, "id", None):
        return user
    rows = _rows.get()
    if rows is not None and user.id in rows:
        return rows[user.id]
    fresh = User.get_or_none(User.id == user.id)
    if fresh is None:
        fresh = _Gone(user)
    if rows is not None:
        rows[user.id] = fresh
    return fresh


def may_act(user) -> bool:
    """Whether ``user`` may do anything at all now: the system, or an
    active account whose password is not a temporary one (a password set
    by the administrator must be replaced before any work)."""
    return _usable(current(user))


def _usable(row) -> bool:
    return row is None or (bool(row.active) and not getattr(row, "must_change_password", False))


def can(user, perm: str) -> bool:
    """Whether ``user`` may ``perm`` now (read from the database, see :func:`current`)."""
    if perm not in PERMISSIONS:
        raise ValueError(f"unknown permission {perm!r}")
    user = current(user)
    return _usable(user) and role_allows(user, perm)


def check_may_act(user) -> None:
    """Raise PermissionDenied for a disabled account, or for one whose
    password is temporary (until it is changed)."""
    _refuse_unusable(current(user))


def _refuse_unusable(user) -> None:
    if user is None:
        return
    if not user.active:
        raise PermissionDenied(tx("The account of {user} is disabled: it may do nothing more. "
                                  "Ask the administrator.", user=user.display_name), perm="active")
    if user.must_change_password:
        raise PermissionDenied(tx("{user} must replace the temporary password first "
                                  "(File › Change password…).", user=user.display_name),
                               perm="password")


def require(user, perm: str) -> None:
    """Raise PermissionDenied unless ``user`` has ``perm`` now."""
    user = current(user)
    _refuse_unusable(user)
    if not role_allows(user, perm):
        raise PermissionDenied(tx("{user} ({role}) may not {what}.", user=user.display_name, role=user.role,
                                  what=PERMISSIONS[perm]), perm=perm)


def open_to_temporary_password(fn):
    """Mark a service a user whose password is temporary may still call
    (changing the password): the operation runner refuses him every other."""
    fn.open_to_temporary_password = True
    return fn
