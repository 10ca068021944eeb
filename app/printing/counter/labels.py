"""Printed labels in the document languages ("zh_CN", the default, and "en").

The data objects carry the domain's codes ("free", "waiting_parts", "wechat");
:func:`L` gives the captions, and :func:`code_label` turns a code into its
printed word, falling back to the code itself so an unknown code is still
visible rather than blank.
"""
from __future__ import annotations

from app.printing.core.common import norm_lang

_ZH = {
    # document titles
    "receipt_title": "用户产品领取收据",
    "card_title": "维修卡",
    "voucher_title": "服务凭证",
    # captions
    "receipt_no": "收据号",
    "job_no": "维修单号",
    "issued_at": "开单时间",
    "customer": "客户",
    "customer_code": "客户编号",
    "phone": "电话",
    "address": "地址",
    "product": "产品",
    "model": "型号",
    "serial": "序列号",
    "sale_date": "购买日期",
    "warranty_until": "保修截止",
    "items": "随机物品",
    "item": "物品",
    "fault": "故障描述",
    "condition": "外观状况",
    "diagnosis": "检测结果",
    "service_kind": "服务类型",
    "agreement_no": "协议号",
    "promised_date": "预计取件",
    "received_by": "接待员",
    "received_at": "接收日期",
    "delivered_at": "交付日期",
    "state": "状态",
    "terms": "取件须知",
    "customer_signature": "客户签字",
    "technician_signature": "技术员签字",
    "date": "日期",
    "customer_unit": "客户及产品",
    "service": "服务信息",
    "parts": "配件及材料",
    "part_kind_material": "材料",
    "description": "名称",
    "quantity": "数量",
    "unit_price": "单价",
    "amount": "金额",
    "labour": "工时",
    "technician": "技术员",
    "hours": "工时(小时)",
    "rate": "费率",
    "charges": "费用结算",
    "parts_total": "配件合计",
    "labour_total": "工时合计",
    "gross_total": "维修费用合计",
    "covered": "保修/协议承担",
    "due": "应收金额",
    "paid": "实收金额",
    "payment_method": "付款方式",
    "collected_by": "取件人",
    "technicians": "维修技术员",
    "history": "维修历史",
    "cost": "费用",
    "charged": "收费",
    "printed_at": "打印时间",
    "page": "第 {page} / {pages} 页",
    "none": "无",
    "keep_receipt": "凭此收据取件，请妥善保管。",
    "copy_customer": "客户联",
    "copy_counter": "存根联",
    "clerk_signature": "接待员签字",
    "pickup_signature": "取件人签字",
    "colon": "：",
    "open_paren": "（",
    "close_paren": "）",
}

_EN = {
    "receipt_title": "Pickup receipt",
    "card_title": "Repair card",
    "voucher_title": "Service voucher",
    "receipt_no": "Receipt no.",
    "job_no": "Job no.",
    "issued_at": "Issued",
    "customer": "Customer",
    "customer_code": "Customer no.",
    "phone": "Phone",
    "address": "Address",
    "product": "Product",
    "model": "Model",
    "serial": "Serial no.",
    "sale_date": "Sale date",
    "warranty_until": "Warranty until",
    "items": "Items received",
    "item": "Item",
    "fault": "Fault",
    "condition": "Condition",
    "diagnosis": "Diagnosis",
    "service_kind": "Service",
    "agreement_no": "Agreement no.",
    "promised_date": "Promised",
    "received_by": "Received by",
    "received_at": "Received",
    "delivered_at": "Delivered",
    "state": "State",
    "terms": "Pickup terms",
    "customer_signature": "Customer signature",
    "technician_signature": "Technician signature",
    "date": "Date",
    "customer_unit": "Customer and unit",
    "service": "Service",
    "parts": "Parts and materials",
    "part_kind_material": "material",
    "description": "Description",
    "quantity": "Qty",
    "unit_price": "Unit price",
    "amount": "Amount",
    "labour": "Labour",
    "technician": "Technician",
    "hours": "Hours",
    "rate": "Rate",
    "charges": "Charges",
    "parts_total": "Parts total",
    "labour_total": "Labour total",
    "gross_total": "Cost of work",
    "covered": "Covered by warranty/agreement",
    "due": "Amount due",
    "paid": "Paid",
    "payment_method": "Payment method",
    "collected_by": "Collected by",
    "technicians": "Technicians",
    "history": "Service history",
    "cost": "Cost",
    "charged": "Charged",
    "printed_at": "Printed at",
    "page": "Page {page} of {pages}",
    "none": "none",
    "keep_receipt": "Bring this receipt to collect your unit.",
    "copy_customer": "Customer copy",
    "copy_counter": "Counter copy",
    "clerk_signature": "Clerk signature",
    "pickup_signature": "Collected by (signature)",
    "colon": ": ",
    "open_paren": " (",
    "close_paren": ")",
}

_CODES = {
    "zh_CN": {
        "service_kind": {"free": "无偿(保修)", "contract": "协议", "paid": "有偿"},
        "state": {
            "received": "已接收", "diagnosing": "检测中", "waiting_parts": "待料",
            "repairing": "维修中", "repaired": "已修复", "ready": "待取件",
            "delivered": "已交付", "cancelled": "已取消", "returned": "未修退回",
        },
        "payment_method": {
            "cash": "现金", "card": "刷卡", "transfer": "转账",
            "wechat": "微信", "alipay": "支付宝", "account": "记账",
        },
    },
    "en": {
        "service_kind": {"free": "Free (warranty)", "contract": "Contract", "paid": "Paid"},
        "state": {
            "received": "Received", "diagnosing": "Diagnosing", "waiting_parts": "Waiting for parts",
            "repairing": "Repairing", "repaired": "Repaired", "ready": "Ready for pickup",
            "delivered": "Delivered", "cancelled": "Cancelled", "returned": "Returned unrepaired",
        },
        "payment_method": {
            "cash": "Cash", "card": "Card", "transfer": "Bank transfer",
            "wechat": "WeChat Pay", "alipay": "Alipay", "account": "On account",
        },
    },
}


def L(lang: str | None = "zh_CN") -> dict[str, str]:
    """The caption dictionary for ``lang``."""
    return _EN if norm_lang(lang) == "en" else _ZH


def code_label(group: str, code: str, lang: str | None = "zh_CN") -> str:
    """Printed word for a domain code; ``group`` is "service_kind", "state" or "payment_method"."""
    if not code:
        return ""
    return _CODES[norm_lang(lang)][group].get(code, code)


def kind_label(code: str, lang: str | None = "zh_CN") -> str:
    return code_label("service_kind", code, lang)


def state_label(code: str, lang: str | None = "zh_CN") -> str:
    return code_label("state", code, lang)


def payment_label(code: str, lang: str | None = "zh_CN") -> str:
    return code_label("payment_method", code, lang)
