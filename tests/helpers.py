"""Small builders shared by the tests."""
from __future__ import annotations

import datetime as dt

from app.domain.counter import intake, products
from app.domain.customers import customers


def make_customer(name="北京海淀华信电子有限公司", phone="010-62888899", category="dealer"):
    return customers.create_customer(name, phone, category, "北京市海淀区中关村大街18号", user=None)


def take_in(user, customer=None, serial="PF3K9A2B", sale_date=None, items=("主机", "电源适配器"),
            fault="开机无显示，风扇异响", warranty_months=12, **kw):
    customer = customer or make_customer()
    if sale_date is None:
        sale_date = dt.date.today() - dt.timedelta(days=100)
    form = intake.IntakeForm(customer_id=customer.id, serial=serial, fault=fault, items=list(items),
                             product_model="TP-X1C-G11", product_name="ThinkPad X1 Carbon",
                             warranty_months=warranty_months, sale_date=sale_date, **kw)
    return intake.take_in(form, user)


def unit(serial):
    return products.find_unit(serial)
