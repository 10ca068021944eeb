"""Phone numbers in one canonical form (issue 11, part 4): what each way of
writing a number becomes, what is refused and why, and how numbers match."""
from __future__ import annotations

import pytest

from app.domain.core import phones

CANONICAL = [
    # mobiles: one 11-digit number however written
    ("+86 184 9746 5075", "18497465075"),
    ("+86-184-9746-5075", "18497465075"),
    ("0086-184-9746-5075", "18497465075"),
    ("0086 18497465075", "18497465075"),
    ("8618497465075", "18497465075"),
    ("138 0013 8000", "13800138000"),
    ("138-0013-8000", "13800138000"),
    ("180-1815-9083", "18018159083"),
    ("0138-0013-8000", "13800138000"),                    # a mobile dialled with a trunk 0
    ("１３８００１３８０００", "13800138000"),            # full-width digits
    ("＋８６　１３８ ００１３ ８０００", "13800138000"),
    ("手机：13800138000", "13800138000"),
    (" 13800138000 ", "13800138000"),
    # landlines: area code in brackets, after a dash, or known by its digits
    ("(010) 6255 1234", "010-62551234"),
    ("（010）62551234", "010-62551234"),
    ("010-62551234", "010-62551234"),
    ("010 6255 1234", "010-62551234"),
    ("01062551234", "010-62551234"),
    ("+86 10 6255 1234", "010-62551234"),
    ("+86 (0)10 6255 1234", "010-62551234"),
    ("0755-8888 6666", "0755-88886666"),
    ("075588886666", "0755-88886666"),
    ("0731-8888999", "0731-8888999"),                     # a 7-digit local number
    ("０２１－５８８８１２３４", "021-58881234"),
    ("电话:010-62888899", "010-62888899"),
    # extensions
    ("010-62551234 转8001", "010-62551234 转8001"),
    ("010-62551234转8001", "010-62551234 转8001"),
    ("010-62551234 ext. 8001", "010-62551234 转8001"),
    ("010-62551234 EXT 8001", "010-62551234 转8001"),
    ("010-62551234 分机 8001", "010-62551234 转8001"),
    ("010-62551234-8001", "010-62551234 转8001"),
    ("(010) 6255 1234 - 8001", "010-62551234 转8001"),
    ("0755-8888 6666 转 12", "0755-88886666 转12"),
    # a local number without its area code, service numbers, abroad
    ("6255 1234", "62551234"),
    ("400 810 8888", "400-810-8888"),
    ("800-820-8820", "800-820-8820"),
    ("+852 2123 4567", "+85221234567"),
    ("", ""),
    ("   ", ""),
]

REFUSED = [
    ("abc", "not a phone number"),
    ("138-abc", "not a phone number"),
    ("转8001", "not a phone number"),
    ("123", "Too few digits"),
    ("12345", "Too few digits"),
    ("1380013800", "11 digits"),                   # a mobile one digit short
    ("138001380001", "11 digits"),                 # one too many
    ("13800138000 转1", "no extension"),
    ("010-625512", "Too few digits"),
    ("010-6255123456", "Too many digits"),
    ("010-62551234-12345678", "Too many digits"),
    ("625512345678", "Too many digits"),
    ("+1 234", "7 to 15 digits"),
]


@pytest.mark.parametrize("typed, stored", CANONICAL)
def test_every_way_of_writing_a_number_is_stored_one_way(typed, stored):
    assert phones.normalise(typed) == stored
    assert phones.normalise(stored) == stored          # the canonical form is a fixed point
    assert phones.check(typed) == (stored, None)


@pytest.mark.parametrize("typed, why", REFUSED)
def test_nonsense_is_refused_with_a_message(typed, why):
    with pytest.raises(phones.PhoneError) as e:
        phones.normalise(typed)
    assert why in e.value.message
    value, message = phones.check(typed)
    assert value == typed and why in message
    assert phones.normalise_or_keep(typed) == typed     # old data that cannot be read is kept as it is


def test_same_number_whatever_way_it_is_written():
    mobile = ["+86 184 9746 5075", "0086-18497465075", "184 9746 5075", "184-9746-5075", "１８４９７４６５０７５"]
    assert len({phones.key(m) for m in mobile}) == 1 and phones.key(mobile[0]) == "18497465075"
    assert all(phones.same_number(mobile[0], m) for m in mobile)
    assert phones.same_number("(010) 6255 1234", "+86 10 62551234")
    assert phones.same_number("010-62551234-8001", "010 6255 1234 ext. 8001")
    assert not phones.same_number("010-62551234 转8001", "010-62551234 转8002")
    assert not phones.same_number("010-62551234 转8001", "010-62551234")
    assert not phones.same_number("13800138000", "13800138001")
    assert not phones.same_number("", "")
    assert phones.is_mobile("13800138000") and not phones.is_mobile("010-62551234")


def test_what_a_search_box_looks_for():
    assert phones.search_digits("+86 138 0013") == "1380013"       # the start of a number
    assert phones.search_digits("0086-138") == "138"
    assert phones.search_digits("(010) 6255-1234") == "01062551234"
    assert phones.search_digits("010-62551234 转8001") == "01062551234"
    assert phones.search_digits("６２５５") == "6255"
    assert phones.search_digits("北京") == "" and phones.search_digits("cu00012") == ""
    assert phones.search_key("010-62551234 转8001") == "01062551234 8001"
    assert phones.search_key("13800138000") == "13800138000"
