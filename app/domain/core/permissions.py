"""Who may do what: every service checks here, in the domain layer, so a
role that lacks a right cannot do the thing through any door (GUI, command
line, script). The UI may hide buttons as well, but the check is here.

``require(user, "job.work")`` raises :class:`PermissionDenied`;
``can(user, perm)`` answers. ``user=None`` is the system itself (demo data,
migrations, command-line maintenance) and may do everything.
"""
from __future__ import annotations

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
_EVERYONE = {"register.read"}

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": frozenset(PERMISSIONS),
    "manager": frozenset(_MANAGER),
    "info_manager": frozenset(_KEEPER | _EVERYONE),
    "counter": frozenset(_COUNTER | _EVERYONE | {"job.kind", "register.correct"}),
    "technician": frozenset(_TECH | _EVERYONE),
    "business": frozenset(_BUSINESS | _EVERYONE),
}


def can(user, perm: str) -> bool:
    if perm not in PERMISSIONS:
        raise ValueError(f"unknown permission {perm!r}")
    if user is None:
        return True
    return bool(getattr(user, "active", True)) and perm in ROLE_PERMISSIONS.get(user.role, frozenset())


def _current(user):
    """The user as the database has them now: a role changed or an account
    disabled at another station counts at once, not at the next sign-in."""
    from app.domain.core.models import User

    if user is None or not getattr(user, "id", None):
        return user
    fresh = User.get_or_none(User.id == user.id)
    return fresh if fresh is not None else user


def require(user, perm: str) -> None:
    """Raise PermissionDenied unless ``user`` has ``perm``."""
    user = _current(user)
    if not can(user, perm):
        raise PermissionDenied(tx("{user} ({role}) may not {what}.", user=user.display_name, role=user.role,
                                  what=PERMISSIONS[perm]), perm=perm)
