"""The customer archive (用户档案, 附表1): reading it, editing it, its history.
Other books show what they hold of a customer beside the archive, under the
same access rule (:func:`check_read`): the counter its units, jobs and
agreements (app.domain.counter.customer_page), field service its visits,
activities, gifts and surveys (app.domain.field.service_page).

Reading (§2.1.4, rules in :mod:`app.domain.customers.access`): :func:`get_archive`
returns the whole archive to the keeper, the manager, the customer's
responsible staff member or a holder of a granted request, and logs the view;
anyone else gets PermissionDenied (and the attempt is logged) and sees only
the overview row (:mod:`app.domain.customers.overview`, re-exported here).

Editing: a user with "customer.archive.edit" (the information manager, the
manager) edits every field. The customer's responsible staff member may edit
their own customer's archive too: in a service department the salesperson is
the first to hear of a new phone number, a move or a new contact, and §2.1.5
wants such changes recorded at once; every change lands in the history, so
the keeper sees it. The company's judgements, :data:`KEEPER_FIELDS` (credit
rating and limit, status, responsible staff member), stay with the keeper.

Every save is one transaction: the customer row (optimistic lock on
``version``, :func:`app.domain.core.records.guarded_write`), its contacts
and addresses, and one CustomerChange row per changed field, all with the
same ``change_set`` (§2.1.5).
"""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import peewee as pw

from app.domain.core.db import write_transaction
from app.domain.core.errors import ConcurrentChange, NotFound, PermissionDenied, ValidationError, tx
from app.domain.core.models import User, now
from app.domain.core.permissions import can, current, may_act
from app.domain.core.records import guarded_write
from app.domain.customers import access, customers
from app.domain.customers.archive_fields import (ADDRESS_FIELDS, ARCHIVE_FIELDS, CONTACT_FIELDS, KEEPER_FIELDS,
                                                 as_text, parse_address, parse_contact, parse_fields)
from app.domain.customers.customers import search_text_for
from app.domain.customers.models import Customer, CustomerAddress, CustomerChange, CustomerContact
from app.domain.customers.overview import OverviewFilter, OverviewQuery, OverviewRow, regions  # noqa: F401 - re-exported
from app.domain.customers.overview import query as overview  # noqa: F401 - re-exported

__all__ = ["Archive", "KEEPER_FIELDS", "ARCHIVE_FIELDS", "get_archive", "editable_fields",
           "save_archive", "history", "check_read", "overview", "OverviewFilter", "OverviewQuery", "OverviewRow",
           "regions"]


@dataclass
class Archive:
    """One customer's whole archive as :func:`get_archive` returns it."""
    customer: Customer                       # every column; ``customer.responsible`` is the User or None
    contacts: list[CustomerContact]          # primary first
    addresses: list[CustomerAddress]         # primary first
    access: str                              # why it may be read: system | keeper | responsible | granted
    valid_until: dt.datetime | None = None   # when access == "granted": when it ends
    editable: frozenset[str] = frozenset()   # the fields this user may change; empty = read only
    # May the user change contacts and addresses (same rule as the fields).
    edit_lists: bool = False


def get_customer(customer_id: int) -> Customer:
    """The customer row with its responsible staff member; NotFound if none."""
    c = (Customer.select(Customer, User).join(User, join_type=pw.JOIN.LEFT_OUTER, on=(Customer.responsible == User.id))
         .where(Customer.id == customer_id).first())
    if c is None:
        raise NotFound(tx("No customer with id {id}.", id=customer_id))
    return c


def check_read(user: User | None, customer: Customer, action: str) -> str:
    """Why ``user`` may read the archive of ``customer`` (keeper, responsible,
    granted, system); otherwise the attempt is logged as "denied" (with
    ``action``) and PermissionDenied raised. Every book that shows a part of
    the customer's archive checks it."""
    reason = access.access_reason(user, customer)
    if reason is None:
        access.record(user, customer.id, "denied", action)
        raise PermissionDenied(tx("The archive of {name} is open to its keeper, its responsible staff member "
                                  "and the manager. Ask for access (a reason and a period) to read it.",
                                  name=customer.name), perm="customer.archive.read")
    return reason


def editable_fields(user: User | None, customer: Customer) -> frozenset[str]:
    """The archive fields ``user`` may change on ``customer`` (see the module
    docstring), from the user's current row."""
    if user is None:
        return frozenset(ARCHIVE_FIELDS)
    user = current(user)
    if not may_act(user):
        return frozenset()
    if can(user, "customer.archive.edit"):
        return frozenset(ARCHIVE_FIELDS)
    if customer.responsible_id == user.id:
        return frozenset(ARCHIVE_FIELDS) - KEEPER_FIELDS
    return frozenset()


def get_archive(user: User | None, customer_id: int, *, action: str = "view") -> Archive:
    """The whole archive of a customer, for reading and editing; logs a "view"
    (``action="print"`` when it is read to be printed).

    Raises NotFound, or PermissionDenied (after logging the "denied" attempt)
    for a user who may see only the overview row; the UI then offers
    :func:`app.domain.customers.access.request_access`.
    """
    c = get_customer(customer_id)
    reason = check_read(user, c, action)
    grant = access.active_grant(user, c.id) if reason == "granted" else None
    access.record(user, c.id, action)
    editable = editable_fields(user, c)
    return Archive(customer=c,
                   contacts=list(c.contacts.order_by(CustomerContact.is_primary.desc(), CustomerContact.id)),
                   addresses=list(c.addresses.order_by(CustomerAddress.is_primary.desc(), CustomerAddress.id)),
                   access=reason, valid_until=grant.valid_until if grant else None,
                   editable=editable, edit_lists=bool(editable))


def save_archive(user: User | None, customer_id: int, version: int, fields: dict | None = None,
                 contacts: list[dict] | None = None, addresses: list[dict] | None = None) -> Customer:
    """Save changes to an archive in one transaction; return the customer as saved.

    ``version`` is ``customer.version`` as read: if another station saved
    since, ConcurrentChange is raised and nothing is written. ``fields`` maps
    names of :data:`ARCHIVE_FIELDS` to new values (strings as typed are fine:
    "12,000.00", "2021-03-01", full-width digits; ``responsible_id`` an int or
    None); fields left out are unchanged. ``contacts`` / ``addresses``, when
    given, are the complete new lists: dicts of :data:`CONTACT_FIELDS` /
    :data:`ADDRESS_FIELDS`, with ``"id"`` for an existing row; a row left out
    is deleted. Only what really changed is written and recorded.

    Raises PermissionDenied (a field the user may not change), NotFound,
    ConcurrentChange, ValidationError with per-field messages; keys are the
    field names and ``"contacts.<i>.<field>"`` / ``"addresses.<i>.<field>"``
    (``i`` the index in the list given).
    """
    c = get_customer(customer_id)
    allowed = editable_fields(user, c)
    fields = dict(fields or {})
    new_values, errors = parse_fields(fields, partial=True)
    changed = {k: v for k, v in new_values.items() if getattr(c, k) != v}
    forbidden = sorted(set(changed) - allowed)
    if forbidden:
        raise PermissionDenied(tx("You may not change {fields} of this archive.", fields=", ".join(forbidden)),
                               perm="customer.archive.edit")
    if (contacts is not None or addresses is not None) and not allowed:
        raise PermissionDenied(tx("You may not change this archive."), perm="customer.archive.edit")
    changed.update(_selection_rule(user, c, changed))
    contact_rows = _parse_list(contacts, parse_contact, "contacts", errors)
    address_rows = _parse_list(addresses, parse_address, "addresses", errors)
    if errors:
        raise ValidationError(errors)
    change_set = uuid.uuid4().hex
    at = now()
    with write_transaction():
        log: list[tuple[str, str, str]] = [(k, _shown(k, getattr(c, k)), _shown(k, v)) for k, v in changed.items()]
        if contact_rows is not None:
            log += _sync_list(c, CustomerContact, contact_rows, CONTACT_FIELDS, "contact", _contact_summary)
        if address_rows is not None:
            log += _sync_list(c, CustomerAddress, address_rows, ADDRESS_FIELDS, "address", _address_summary)
        if not log:
            return c
        values = dict(changed, updated_at=at)
        if {"name", "short_name", "phone"} & set(changed):
            values["search_text"] = search_text_for(c.code, changed.get("name", c.name), changed.get("phone", c.phone),
                                                    changed.get("short_name", c.short_name))
        guarded_write(c, user, version, values)   # a conflict rolls the contact/address writes back too
        CustomerChange.insert_many([dict(customer=c.id, at=at, user=user, change_set=change_set, field=f,
                                         old_value=o, new_value=n_) for f, o, n_ in log]).execute()
    return get_customer(c.id)


def _selection_rule(user: User | None, c: Customer, changed: dict) -> dict:
    """§2.2 holds in the archive too: only the manager's decision
    (app.domain.customers.selection) makes a prospect, or a refused one, an
    active customer; and an active end user whom the responsible staff
    member makes a dealer, retailer or agent goes under investigation
    (status "prospect") until the manager decides: returned as a change to add."""
    if user is None or can(user, "customer.select.decide"):
        return {}
    if "status" in changed and c.status in ("prospect", "refused") and changed["status"] != c.status:
        raise PermissionDenied(tx("Only the manager's decision in New customer selection makes {name} a "
                                  "customer (§2.2).", name=c.name), perm="customer.select.decide")
    category = changed.get("category", c.category)
    if ("category" in changed and customers.starts_under_investigation(user, category)
            and c.category not in customers.TRADE_CATEGORIES and changed.get("status", c.status) == "active"):
        return {"status": "prospect"}
    return {}


def history(user: User | None, customer_id: int, limit: int = 1000, *, logged: bool = True) -> list[CustomerChange]:
    """The archive's change history, newest first (``change.user`` joined);
    rows of one save share ``change_set``. Same access as :func:`get_archive`;
    the read is logged ("history"), like a view, unless ``logged`` is False
    because the caller logged it already (the archive card's "print")."""
    c = get_customer(customer_id)
    check_read(user, c, "history")
    if logged:
        access.record(user, c.id, "history")
    return list(CustomerChange.select(CustomerChange, User)
                .join(User, join_type=pw.JOIN.LEFT_OUTER, on=(CustomerChange.user == User.id))
                .where(CustomerChange.customer == c.id)
                .order_by(CustomerChange.at.desc(), CustomerChange.id.desc()).limit(limit))


def _shown(name: str, value) -> str:
    """A value as the history shows it; the responsible staff member by name."""
    if name == "responsible_id" and value is not None:
        u = User.get_or_none(User.id == value)
        return f"{u.display_name} (#{value})" if u else f"#{value}"
    return as_text(value)


def _parse_list(rows, parse, key: str, errors: dict) -> list[dict] | None:
    if rows is None:
        return None
    out = []
    primaries = 0
    for i, row in enumerate(rows):
        values, errs = parse(dict(row))
        errors.update({f"{key}.{i}.{k}": v for k, v in errs.items()})
        primaries += bool(values.get("is_primary"))
        if primaries > 1 and values.get("is_primary"):
            errors[f"{key}.{i}.is_primary"] = tx("Only one can be the primary one.")
        out.append(values)
    return out


def _sync_list(c: Customer, model, rows: list[dict], names: tuple[str, ...], tag: str, summary):
    """Make the customer's contacts (or addresses) ``rows``; return the history entries."""
    log = []
    existing = {r.id: r for r in model.select().where(model.customer == c.id)}
    for values in rows:
        rid = values.pop("id", None)
        if rid is None:
            new = model.create(customer=c.id, **values)
            log.append((f"{tag}:+", "", f"#{new.id} {summary(new)}"))
            continue
        old = existing.pop(rid, None)
        if old is None:  # deleted at another station meanwhile
            raise ConcurrentChange(c.changed_elsewhere())
        diff = {k: v for k, v in values.items() if getattr(old, k) != v}
        if diff:
            model.update(**diff).where(model.id == rid).execute()
            log += [(f"{tag}:{rid}.{k}", as_text(getattr(old, k)), as_text(v)) for k, v in diff.items()]
    for rid, old in existing.items():
        model.delete().where(model.id == rid).execute()
        log.append((f"{tag}:-", f"#{rid} {summary(old)}", ""))
    return log


def _contact_summary(r) -> str:
    return " ".join(x for x in (r.name, r.title, r.mobile or r.phone) if x)


def _address_summary(r) -> str:
    return " ".join(x for x in (r.address, r.postcode) if x)
