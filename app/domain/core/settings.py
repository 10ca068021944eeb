"""Settings every station shares, kept in the database."""
from __future__ import annotations

import json

from app.domain.core import limits
from app.domain.core.errors import ValidationError, tx
from app.domain.core.models import Setting, User
from app.domain.core.permissions import require

DEFAULTS = {
    "company_name": "华信电子科技有限公司 售后服务部",
    "company_phone": "010-6288 8899",
    "company_address": "北京市海淀区中关村大街 18 号",
    "pickup_terms": json.dumps([
        "凭本收据取件，请妥善保管；收据遗失请携带本人身份证件到柜台办理挂失。",
        "维修完成后我们将电话通知您，请于通知之日起 30 天内取件，逾期将收取保管费。",
        "送修前请自行备份数据，本公司不对数据丢失承担责任。",
        "保修期内非人为损坏免费维修；人为损坏、进液及保修期外按价收费。",
    ], ensure_ascii=False),
    "default_promise_days": "3",
    "default_labour_rate": "80.00",
    # Days of daily copies kept of an SQLite database (app.domain.backup.daily; 0 = none).
    "backup_keep_days": "14",
}


# The most characters a shared setting holds (app.domain.core.limits):
# the company's name, phone and address as every document prints them;
# any other setting the TextField's maximum.
MAX_LENGTHS = {"company_name": 200, "company_phone": 64, "company_address": 300}
# The pickup terms as typed, one a line (stored as a JSON list, which adds
# a few characters a line to what TEXT_MAX must hold).
PICKUP_TERMS_TYPED = 3000


def max_length(key: str) -> int:
    return MAX_LENGTHS.get(key, limits.max_length(Setting.value))


def check(key: str, value) -> str | None:
    """The message for storing ``value`` as setting ``key`` (None if fine)."""
    return limits.text_problem(value, max_length(key))


def get(key: str) -> str:
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row is not None else DEFAULTS.get(key, "")


def set_value(key: str, value: str, user: User | None) -> None:
    """Store a shared setting; only a user with "settings.company" may."""
    require(user, "settings.company")
    limits.require(Setting, {"key": key})
    message = check(key, value)
    if message:
        raise ValidationError({key: message})
    if key == "company_name" and not value.strip():
        raise ValidationError({key: tx("The company name is printed on every document.")})
    Setting.insert(key=key, value=value).on_conflict_replace().execute() \
        if not _is_pg() else Setting.insert(key=key, value=value).on_conflict(
            conflict_target=[Setting.key], update={Setting.value: value}).execute()


def _is_pg() -> bool:
    from app.domain.core import db

    return db.is_postgres()


def company():
    from app.printing.core.company import Company

    try:
        terms = json.loads(get("pickup_terms"))
    except ValueError:
        terms = [get("pickup_terms")]
    return Company(name=get("company_name"), phone=get("company_phone"),
                   address=get("company_address"), pickup_terms=list(terms))
