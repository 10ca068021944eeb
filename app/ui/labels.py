"""Translated labels for the domain's codes (the domain returns codes, the
UI maps them to labels in the user's language)."""
from __future__ import annotations

from app.ui.qt import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def state(code: str) -> str:
    return {
        "received": _t("Received"),
        "diagnosing": _t("Diagnosing"),
        "waiting_parts": _t("Waiting for parts"),
        "repairing": _t("Repairing"),
        "repaired": _t("Repaired"),
        "ready": _t("Ready for pickup"),
        "delivered": _t("Delivered"),
        "cancelled": _t("Cancelled"),
        "returned": _t("Returned unrepaired"),
    }.get(code, code)


def action(code: str) -> str:
    return {
        "start_diagnosis": _t("Start diagnosis"),
        "wait_parts": _t("Wait for parts"),
        "start_repair": _t("Start repair"),
        "finish_repair": _t("Repair finished"),
        "mark_ready": _t("Ready for pickup"),
        "give_up": _t("Return unrepaired"),
        "rework": _t("Rework"),
        "cancel": _t("Cancel job"),
    }.get(code, code)


def kind(code: str) -> str:
    return {
        "free": _t("Free (warranty)"),
        "contract": _t("Contract"),
        "paid": _t("Paid"),
    }.get(code, code)


def kind_reason(code: str) -> str:
    return {
        "in_warranty": _t("in warranty"),
        "agreement": _t("covered by a maintenance agreement"),
        "expired": _t("warranty expired"),
        "no_sale_date": _t("sale date unknown"),
    }.get(code, code)


def category(code: str) -> str:
    return {
        "dealer": _t("Dealer"),
        "retailer": _t("Retailer"),
        "agent": _t("Commissioned agent"),
        "end_user": _t("End user"),
    }.get(code, code)


def direction(code: str) -> str:
    return {"in": _t("In"), "out": _t("Out"), "void": _t("Void")}.get(code, code)


def payment(code: str) -> str:
    return {
        "cash": _t("Cash"), "card": _t("Bank card"), "transfer": _t("Bank transfer"),
        "wechat": _t("WeChat Pay"), "alipay": _t("Alipay"), "account": _t("On account"),
    }.get(code, code)


def event(code: str) -> str:
    return {
        "created": _t("Taken in"), "transition": _t("State changed"), "informed": _t("Customer informed"),
        "diagnosis": _t("Diagnosis"), "part": _t("Part added"), "part_removed": _t("Part removed"),
        "labour": _t("Labour added"), "labour_removed": _t("Labour removed"), "kind": _t("Service kind"),
        "lost_receipt": _t("Lost receipt"), "receipt": _t("Receipt reissued"),
    }.get(code, code)


def role(code: str) -> str:
    return {
        "admin": _t("Administrator"), "info_manager": _t("Information manager"), "counter": _t("Counter staff"),
        "technician": _t("Technician"), "business": _t("Business staff"), "manager": _t("Manager"),
    }.get(code, code)
