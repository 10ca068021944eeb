"""Translated labels for the domain's codes (the domain returns codes, the
UI maps them to labels in the user's language)."""
from __future__ import annotations

import re

from app.ui.qt import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def state(code: str) -> str:
    return {
        "received": QCoreApplication.translate("labels", "Received"),
        "diagnosing": QCoreApplication.translate("labels", "Diagnosing"),
        "waiting_parts": QCoreApplication.translate("labels", "Waiting for parts"),
        "repairing": QCoreApplication.translate("labels", "Repairing"),
        "repaired": QCoreApplication.translate("labels", "Repaired"),
        "ready": QCoreApplication.translate("labels", "Ready for pickup"),
        "delivered": QCoreApplication.translate("labels", "Delivered"),
        "cancelled": QCoreApplication.translate("labels", "Cancelled"),
        "returned": QCoreApplication.translate("labels", "Returned unrepaired"),
    }.get(code, code)


def action_button(code: str) -> str:
    """A job's state change as a button with its Alt-letter (the job window's
    free letters; actions offered together never share one)."""
    return {
        "start_diagnosis": QCoreApplication.translate("labels", "S&tart diagnosis"),
        "wait_parts": QCoreApplication.translate("labels", "&Wait for parts"),
        "start_repair": QCoreApplication.translate("labels", "S&tart repair"),
        "finish_repair": QCoreApplication.translate("labels", "Repair &finished"),
        "mark_ready": QCoreApplication.translate("labels", "Ready for pick&up"),
        "give_up": QCoreApplication.translate("labels", "Return &unrepaired"),
        "rework": QCoreApplication.translate("labels", "Re&work"),
    }.get(code) or action(code)


def action(code: str) -> str:
    return {
        "start_diagnosis": QCoreApplication.translate("labels", "Start diagnosis"),
        "wait_parts": QCoreApplication.translate("labels", "Wait for parts"),
        "start_repair": QCoreApplication.translate("labels", "Start repair"),
        "finish_repair": QCoreApplication.translate("labels", "Repair finished"),
        "mark_ready": QCoreApplication.translate("labels", "Ready for pickup"),
        "give_up": QCoreApplication.translate("labels", "Return unrepaired"),
        "rework": QCoreApplication.translate("labels", "Rework"),
        "cancel": QCoreApplication.translate("labels", "Cancel job"),
    }.get(code, code)


def kind(code: str) -> str:
    return {
        "free": QCoreApplication.translate("labels", "Free (warranty)"),
        "contract": QCoreApplication.translate("labels", "Contract"),
        "paid": QCoreApplication.translate("labels", "Paid"),
    }.get(code, code)


def kind_reason(code: str) -> str:
    return {
        "in_warranty": QCoreApplication.translate("labels", "in warranty"),
        "agreement": QCoreApplication.translate("labels", "covered by a maintenance agreement"),
        "expired": QCoreApplication.translate("labels", "warranty expired"),
        "no_sale_date": QCoreApplication.translate("labels", "sale date unknown"),
    }.get(code, code)


def category(code: str) -> str:
    return {
        "dealer": QCoreApplication.translate("labels", "Dealer"),
        "retailer": QCoreApplication.translate("labels", "Retailer"),
        "agent": QCoreApplication.translate("labels", "Commissioned agent"),
        "end_user": QCoreApplication.translate("labels", "End user"),
    }.get(code, code)


def direction(code: str) -> str:
    return {"in": QCoreApplication.translate("labels", "In"), "out": QCoreApplication.translate("labels", "Out"), "void": QCoreApplication.translate("labels", "Void")}.get(code, code)


def payment(code: str) -> str:
    return {
        "cash": QCoreApplication.translate("labels", "Cash"), "card": QCoreApplication.translate("labels", "Bank card"), "transfer": QCoreApplication.translate("labels", "Bank transfer"),
        "wechat": QCoreApplication.translate("labels", "WeChat Pay"), "alipay": QCoreApplication.translate("labels", "Alipay"), "account": QCoreApplication.translate("labels", "On account"),
    }.get(code, code)


def event(code: str) -> str:
    """What a job's history row records (app.domain.counter.models.JobHistory)."""
    return {
        "created": QCoreApplication.translate("labels", "Taken in"),
        "state": QCoreApplication.translate("labels", "State changed"),
        "informed": QCoreApplication.translate("labels", "Customer informed"),
        "diagnosis": QCoreApplication.translate("labels", "Diagnosis"),
        "technician": QCoreApplication.translate("labels", "Technician"),
        "part": QCoreApplication.translate("labels", "Part added"),
        "part_removed": QCoreApplication.translate("labels", "Part removed"),
        "labour": QCoreApplication.translate("labels", "Labour added"),
        "labour_removed": QCoreApplication.translate("labels", "Labour removed"),
        "service_kind": QCoreApplication.translate("labels", "Service kind"),
        "lost_receipt": QCoreApplication.translate("labels", "Lost receipt"),
        "receipt": QCoreApplication.translate("labels", "Receipt reissued"),
        "owner": QCoreApplication.translate("labels", "Owner changed"),
    }.get(code, code)


def inform_how(code: str) -> str:
    """How the customer was told."""
    return {
        "phone": QCoreApplication.translate("labels", "Phone"),
        "sms": QCoreApplication.translate("labels", "SMS"),
        "wechat": QCoreApplication.translate("labels", "WeChat"),
        "in_person": QCoreApplication.translate("labels", "In person"),
    }.get(code, code)


def job_value(what: str, value: str) -> str:
    """A value of a job's history row as the user reads it (codes as labels)."""
    if what in ("created", "state"):
        return state(value)
    if what == "service_kind":
        return kind(value)
    if what == "informed":
        return inform_how(value)
    if what in ("labour", "labour_removed"):
        return labour_text(value)
    return value


_HOURS = re.compile(r"^(\d+(?:\.\d+)?) h\b")


def hours(amount: str) -> str:
    """Labour hours in words: "1.5 hours", "1.5 小时"."""
    return QCoreApplication.translate("labels", "%1 hours").replace("%1", amount)


def labour_text(value: str) -> str:
    """A labour line of the history ("1.5 h @ 80.00 更换主板", as stored) in the user's words."""
    return _HOURS.sub(lambda m: hours(m.group(1)), value or "", count=1)


def role(code: str) -> str:
    return {
        "admin": QCoreApplication.translate("labels", "Administrator"), "info_manager": QCoreApplication.translate("labels", "Information manager"), "counter": QCoreApplication.translate("labels", "Counter staff"),
        "technician": QCoreApplication.translate("labels", "Technician"), "business": QCoreApplication.translate("labels", "Business staff"), "manager": QCoreApplication.translate("labels", "Manager"),
    }.get(code, code)
