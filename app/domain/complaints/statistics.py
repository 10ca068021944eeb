"""Complaint statistics for a period (§3.3.1C: gather and analyse the
customers' complaints): the complaints received in the period counted by
cause, product, staff member complained about, channel and severity; the
average time to the first contact and to the close; the share closed on
time and the share reopened; and the handling forms' data for printing.

Reading statistics is analysing the department's complaints: the rights
``complaint.manage`` (managers) or ``complaint.record`` (the counter and
business staff, who gather them).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from app.domain.complaints import complaints
from app.domain.complaints.models import Complaint
from app.domain.core import settings
from app.domain.core.errors import PermissionDenied, ValidationError, tx
from app.domain.core.models import User, now
from app.domain.core.permissions import can, current
from app.domain.counter.models import Product, Unit


@dataclass
class ComplaintStats:
    date_from: dt.date
    date_to: dt.date
    total: int = 0
    by_cause: dict[str, int] = field(default_factory=dict)        # cause code ("" = not known yet) -> n
    by_product: dict[str, int] = field(default_factory=dict)      # product name -> n (complaints naming a unit)
    by_staff: dict[str, int] = field(default_factory=dict)        # staff member complained about -> n
    by_channel: dict[str, int] = field(default_factory=dict)
    by_severity: dict[str, int] = field(default_factory=dict)
    by_state: dict[str, int] = field(default_factory=dict)
    avg_hours_to_contact: float | None = None                     # over those acknowledged
    avg_days_to_close: float | None = None                        # over those closed
    closed: int = 0
    closed_on_time: int = 0
    reopened: int = 0
    overdue_now: int = 0

    @property
    def on_time_share(self) -> float | None:
        return self.closed_on_time / self.closed if self.closed else None

    @property
    def reopened_share(self) -> float | None:
        return self.reopened / self.total if self.total else None


def _require(user: User | None) -> None:
    if user is not None and not (can(user, "complaint.manage") or can(user, "complaint.record")):
        u = current(user)
        raise PermissionDenied(tx("{user} may not read the complaint statistics.", user=u.display_name),
                               perm="complaint.manage")


def compute(user: User | None, date_from: dt.date | None, date_to: dt.date | None,
            at: dt.datetime | None = None) -> ComplaintStats:
    """The statistics of the complaints received from ``date_from`` to ``date_to`` (both included)."""
    _require(user)
    errors = {}
    if date_from is None:
        errors["date_from"] = tx("Give the first day of the range.")
    if date_to is None:
        errors["date_to"] = tx("Give the last day of the range.")
    if not errors and date_to < date_from:
        errors["date_to"] = tx("The range ends ({end}) before it starts ({start}).", start=date_from.isoformat(),
                               end=date_to.isoformat())
    if errors:
        raise ValidationError(errors)
    at = at or now()
    rows = list(complaints.query(None, date_from=date_from, date_to=date_to, at=at).order_by(Complaint.id))
    s = ComplaintStats(date_from, date_to, total=len(rows))
    units = {u.id: name for u, name in ((u, u.product.name) for u in
                                        Unit.select(Unit, Product).join(Product)
                                        .where(Unit.id.in_([c.unit_id for c in rows if c.unit_id])))}
    users = {u.id: u.display_name for u in User.select(User.id, User.display_name)}
    counters = {k: Counter() for k in ("cause", "product", "staff", "channel", "severity", "state")}
    contact_hours, close_days = [], []
    for c in rows:
        counters["cause"][c.cause] += 1
        if c.unit_id:
            counters["product"][units.get(c.unit_id, "")] += 1
        if c.staff_id:
            counters["staff"][users.get(c.staff_id, "")] += 1
        counters["channel"][c.channel] += 1
        counters["severity"][c.severity] += 1
        counters["state"][c.state] += 1
        if c.acknowledged_at:
            contact_hours.append((c.acknowledged_at - c.received_at).total_seconds() / 3600)
        if c.state == "closed" and c.closed_at:
            s.closed += 1
            close_days.append((c.closed_at - c.received_at).total_seconds() / 86400)
            if c.closed_at <= c.close_due:
                s.closed_on_time += 1
        if c.reopened:
            s.reopened += 1
        if complaints.is_overdue(c, at):
            s.overdue_now += 1
    s.by_cause = dict(counters["cause"].most_common())
    s.by_product = dict(counters["product"].most_common())
    s.by_staff = dict(counters["staff"].most_common())
    s.by_channel = dict(counters["channel"].most_common())
    s.by_severity = {k: counters["severity"][k] for k in complaints.SEVERITIES}
    s.by_state = {k: counters["state"][k] for k in complaints.STATES}
    s.avg_hours_to_contact = sum(contact_hours) / len(contact_hours) if contact_hours else None
    s.avg_days_to_close = sum(close_days) / len(close_days) if close_days else None
    return s


def print_data(user: User | None, date_from, date_to, lang: str = "zh_CN"):
    """The statistics as the printed summary takes them (labels in ``lang``)."""
    from app.printing.complaints.stats_print import StatsPrintData

    s = compute(user, date_from, date_to)
    zh = not lang.startswith("en")

    def label(code: str, table: dict, zh_names: dict) -> str:
        if not code:
            return "未查明" if zh else "Not known yet"
        return zh_names.get(code, code) if zh else str(table.get(code, code))

    groups = [
        ("cause", [(label(k, complaints.CAUSE_NAMES, CAUSE_ZH), n) for k, n in s.by_cause.items()]),
        ("product", list(s.by_product.items())),
        ("staff", list(s.by_staff.items())),
        ("channel", [(label(k, complaints.CHANNEL_NAMES, CHANNEL_ZH), n) for k, n in s.by_channel.items()]),
        ("severity", [(label(k, complaints.SEVERITY_NAMES, SEVERITY_ZH), n) for k, n in s.by_severity.items()]),
        ("state", [(label(k, complaints.STATE_NAMES, STATE_ZH), n) for k, n in s.by_state.items()]),
    ]
    return StatsPrintData(company=settings.company(), date_from=s.date_from, date_to=s.date_to, total=s.total,
                          groups=groups, avg_hours_to_contact=s.avg_hours_to_contact,
                          avg_days_to_close=s.avg_days_to_close, closed=s.closed, closed_on_time=s.closed_on_time,
                          reopened=s.reopened, overdue_now=s.overdue_now, printed_at=now(),
                          printed_by=user.display_name if user else "")


CAUSE_ZH = {"quality": "产品质量", "workmanship": "维修质量", "attitude": "服务态度", "delay": "延误",
            "price": "价格/收费", "misunderstanding": "误解", "other": "其他"}
CHANNEL_ZH = {"phone": "电话", "letter": "来信", "email": "邮件", "wechat": "微信", "walk_in": "来访", "visit": "走访",
              "survey": "调查表"}
SEVERITY_ZH = {"minor": "一般", "major": "严重", "critical": "重大"}
STATE_ZH = {"received": "已受理", "acknowledged": "已回应", "investigating": "调查中", "replied": "已答复",
            "closed": "已结案"}
ABOUT_ZH = {"product": "产品/设备", "job": "维修单", "staff": "工作人员", "service": "服务", "delivery": "交付/时效",
            "price": "价格", "other": "其他"}
REPLY_HOW_ZH = {"phone": "电话", "letter": "书面", "email": "邮件", "wechat": "微信", "in_person": "当面"}
SATISFACTION_ZH = {"satisfied": "满意", "partly": "基本满意", "not_satisfied": "不满意", "no_answer": "未能取得用户意见"}
SOURCE_ZH = {"direct": "直接登记", "contact": "客服登记本", "visit": "走访报告", "survey": "满意度调查"}


def form_data(user: User | None, complaint_id: int, lang: str = "zh_CN"):
    """One complaint's handling form (the complaint as ``user`` may read it), labels in ``lang``."""
    from app.domain.core.records import history_of
    from app.printing.complaints.complaint_form import ComplaintFormData, ComplaintStep

    c = complaints.read(user, complaint_id)
    zh = not lang.startswith("en")

    def name(code: str, table: dict, zh_names: dict) -> str:
        if not code:
            return ""
        return zh_names.get(code, code) if zh else str(table.get(code, code))

    def who(u) -> str:
        return u.display_name if u is not None else ""

    about = name(c.about, complaints.ABOUT_NAMES, ABOUT_ZH)
    subject = [x for x in (c.job.number if c.job_id else "",
                           f"{c.unit.product.name} {c.unit.serial}" if c.unit_id else "",
                           who(c.staff) if c.staff_id else "") if x]
    if subject:
        about += ("：" if zh else ": ") + "，".join(subject) if zh else ", ".join(subject)
    ref = c.contact_line.number if c.contact_line_id else c.visit.number if c.visit_id else \
        c.survey.number if c.survey_id else ""
    dues = (f"首次联系 {c.contact_due:%Y-%m-%d %H:%M} 前；答复 {c.reply_due:%Y-%m-%d %H:%M} 前；"
            f"结案 {c.close_due:%Y-%m-%d %H:%M} 前" if zh else
            f"first contact by {c.contact_due:%Y-%m-%d %H:%M}; reply by {c.reply_due:%Y-%m-%d %H:%M}; "
            f"close by {c.close_due:%Y-%m-%d %H:%M}")
    reply = c.reply
    if c.replied_at:
        how = name(c.reply_how, complaints.REPLY_HOW_NAMES, REPLY_HOW_ZH)
        reply += (f"\n（{how}答复，{c.replied_at:%Y-%m-%d %H:%M}）" if zh else
                  f"\n({how}, {c.replied_at:%Y-%m-%d %H:%M})")
    satisfaction = name(c.satisfaction, complaints.SATISFACTION_NAMES, SATISFACTION_ZH)
    if c.satisfaction_note:
        satisfaction += ("：" if zh else ": ") + c.satisfaction_note
    closing = c.closing
    if c.closed_at:
        closing += f"\n（{who(c.closed_by)}，{c.closed_at:%Y-%m-%d %H:%M}）" if zh else \
            f"\n({who(c.closed_by)}, {c.closed_at:%Y-%m-%d %H:%M})"
    what_zh = {"created": "受理", "state": "", "responsible": "责任人", "contact_due": "首次联系期限",
               "reply_due": "答复期限", "close_due": "结案期限", "severity": "严重程度", "investigation": "调查情况",
               "cause": "原因", "measures": "处理措施", "reply": "答复", "satisfaction": "用户意见",
               "satisfaction_note": "未取得意见原因", "closing": "结案意见"}
    steps = []
    for h in history_of(c):
        if h.what == "state":
            text = f"{name(h.old_value, complaints.STATE_NAMES, STATE_ZH)} → {name(h.new_value, complaints.STATE_NAMES, STATE_ZH)}"
        elif h.what == "created":
            text = "受理" if zh else "Received"
        elif h.what in ("investigation", "measures", "reply", "closing", "satisfaction_note"):
            text = what_zh[h.what] if zh else h.what.replace("_", " ").capitalize()
        else:
            label_of = {"cause": (complaints.CAUSE_NAMES, CAUSE_ZH), "severity": (complaints.SEVERITY_NAMES, SEVERITY_ZH),
                        "satisfaction": (complaints.SATISFACTION_NAMES, SATISFACTION_ZH)}.get(h.what)
            old, new = h.old_value, h.new_value
            if label_of:
                old, new = name(old, *label_of), name(new, *label_of)
            title = what_zh.get(h.what, h.what) if zh else h.what.replace("_", " ").capitalize()
            text = f"{title}{'：' if zh else ': '}{old + ' → ' if old else ''}{new}"
        steps.append(ComplaintStep(at=h.at, who=h.user.display_name if h.user_id else "", what=text, note=h.note))
    return ComplaintFormData(
        company=settings.company(), number=c.number, state=name(c.state, complaints.STATE_NAMES, STATE_ZH),
        overdue=complaints.is_overdue(c), received_at=c.received_at, received_by=who(c.received_by),
        source=f"{name(c.source, complaints.SOURCE_NAMES, SOURCE_ZH)} {ref}".strip(), customer=c.customer.name,
        customer_code=c.customer.code, contact=" ".join(x for x in (c.contact_person, c.contact_phone) if x),
        channel=name(c.channel, complaints.CHANNEL_NAMES, CHANNEL_ZH), about=about,
        severity=name(c.severity, complaints.SEVERITY_NAMES, SEVERITY_ZH), words=c.words, request=c.request,
        responsible=who(c.responsible), deadlines=dues, investigation=c.investigation,
        cause=name(c.cause, complaints.CAUSE_NAMES, CAUSE_ZH), measures=c.measures, reply=reply,
        satisfaction=satisfaction, closing=closing, steps=steps, printed_at=now(),
        printed_by=user.display_name if user else "")


def render_stats(user: User | None, date_from, date_to, *, lang: str = "zh_CN", font=None) -> bytes:
    from app.domain.core import printed
    from app.printing.complaints.stats_print import render_complaint_stats

    return printed.laid_out(render_complaint_stats, print_data(user, date_from, date_to, lang), lang=lang, font=font)


def render_form(user: User | None, complaint_id: int, *, lang: str = "zh_CN", font=None) -> bytes:
    from app.domain.core import printed
    from app.printing.complaints.complaint_form import render_complaint_form

    return printed.laid_out(render_complaint_form, form_data(user, complaint_id, lang), lang=lang, font=font)
