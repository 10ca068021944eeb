"""Captions of the archive card, the overview table and their exports, in
the document languages ("zh_CN", the default, and "en").

:func:`AL` gives the captions; :func:`code` prints a code (category,
status, address kind) as a word, falling back to the code itself so an
unknown code is still visible. :func:`field` names a history entry's field
("contact:12.mobile" -> "联系人#12 手机").
"""
from __future__ import annotations

from app.printing.core.common import norm_lang

_ZH = {
    "card_title": "用户档案",
    "overview_title": "用户情况一览表",
    "code": "客户编号", "name": "客户名称", "short_name": "简称", "category": "类别", "status": "状态",
    "phone": "电话", "email": "电子邮箱", "address": "地址", "region": "地区",
    "business_content": "经营内容", "legal_representative": "负责人", "registered_capital": "注册资本",
    "employees": "员工人数", "tax_id": "统一社会信用代码", "bank_name": "开户银行", "bank_account": "银行账号",
    "credit_rating": "信用等级", "credit_limit": "信用额度", "cooperation_since": "合作起始",
    "annual_volume": "年交易额", "tier": "客户级别", "responsible_id": "业务负责人", "responsible": "业务负责人",
    "notes": "备注", "created_at": "建档时间", "updated_at": "最近修改",
    "basic": "基本情况", "credit": "信用及与本公司关系", "contacts": "联系人", "addresses": "地址",
    "changes": "最近变更记录", "contact_name": "姓名", "title": "职务", "mobile": "手机", "wechat": "微信",
    "primary": "主要", "kind": "类型", "postcode": "邮编", "at": "时间", "user": "修改人", "field": "项目",
    "old": "原值", "new": "新值", "none": "（无）", "filter": "筛选条件", "all_customers": "全部客户",
    "text": "搜索", "sort": "排序", "count": "共 {n} 户", "cut": "共 {total} 户，打印前 {n} 户",
    "page": "第 {page} 页 / 共 {pages} 页", "printed_at": "打印时间", "printed_by": "打印人", "colon": "：",
    "keeper_signature": "信息管理员", "confidential": "内部资料 注意保密",
    "contact": "联系人", "address_entry": "地址", "added": "新增", "removed": "删除", "seq": "序号",
}

_EN = {
    "card_title": "Customer archive",
    "overview_title": "Customer overview",
    "code": "Code", "name": "Name", "short_name": "Short name", "category": "Category", "status": "Status",
    "phone": "Phone", "email": "E-mail", "address": "Address", "region": "Region",
    "business_content": "Business", "legal_representative": "Legal representative",
    "registered_capital": "Registered capital", "employees": "Employees", "tax_id": "Tax ID",
    "bank_name": "Bank", "bank_account": "Bank account", "credit_rating": "Credit rating",
    "credit_limit": "Credit limit", "cooperation_since": "Customer since", "annual_volume": "Annual volume",
    "tier": "Tier", "responsible_id": "Responsible", "responsible": "Responsible", "notes": "Notes",
    "created_at": "Created", "updated_at": "Last changed",
    "basic": "General", "credit": "Credit and relationship", "contacts": "Contacts", "addresses": "Addresses",
    "changes": "Latest changes", "contact_name": "Name", "title": "Title", "mobile": "Mobile",
    "wechat": "WeChat", "primary": "Primary", "kind": "Kind", "postcode": "Postcode", "at": "When",
    "user": "By", "field": "Field", "old": "Old", "new": "New", "none": "(none)", "filter": "Filter",
    "all_customers": "all customers", "text": "Search", "sort": "Sorted by", "count": "{n} customers",
    "cut": "{total} customers, the first {n} printed", "page": "Page {page} of {pages}",
    "printed_at": "Printed", "printed_by": "By", "colon": ": ", "keeper_signature": "Information manager",
    "confidential": "Internal - confidential", "contact": "Contact", "address_entry": "Address",
    "added": "added", "removed": "removed", "seq": "No.",
}

_CODES = {
    "zh_CN": {
        "category": {"dealer": "经销商", "retailer": "零售商", "agent": "委托代理商", "end_user": "终端用户"},
        "status": {"active": "正常", "suspended": "暂停", "closed": "终止往来", "prospect": "候选", "refused": "未选定",
                   "all": "全部"},
        "address_kind": {"office": "办公", "shipping": "收货", "billing": "开票", "warehouse": "仓库", "other": "其他"},
        "credit_rating": {"none": "未评级"},
    },
    "en": {
        "category": {"dealer": "Dealer", "retailer": "Retailer", "agent": "Commissioned agent", "end_user": "End user"},
        "status": {"active": "Active", "suspended": "Suspended", "closed": "Closed", "prospect": "Prospect",
                   "refused": "Refused", "all": "All"},
        "address_kind": {"office": "Office", "shipping": "Shipping", "billing": "Billing", "warehouse": "Warehouse",
                         "other": "Other"},
        "credit_rating": {"none": "Not rated"},
    },
}

#: The overview's columns, in the order they are printed and exported.
OVERVIEW_COLUMNS = ("code", "name", "short_name", "category", "region", "phone", "credit_rating", "credit_limit",
                    "status", "responsible", "cooperation_since")


def AL(lang: str | None = "zh_CN") -> dict[str, str]:
    return _EN if norm_lang(lang) == "en" else _ZH


def code(group: str, value: str, lang: str | None = "zh_CN") -> str:
    if not value:
        return ""
    return _CODES[norm_lang(lang)][group].get(value, value)


def field(name: str, lang: str | None = "zh_CN") -> str:
    """A history entry's field in words."""
    t = AL(lang)
    tag, _, rest = name.partition(":")
    if not rest:
        return t.get(name, name)
    word = t["contact"] if tag == "contact" else t["address_entry"] if tag == "address" else tag
    if rest == "+":
        return f"{word} {t['added']}"
    if rest == "-":
        return f"{word} {t['removed']}"
    rid, _, attr = rest.partition(".")
    return f"{word}#{rid} {t.get('contact_name' if attr == 'name' else attr, attr)}"
