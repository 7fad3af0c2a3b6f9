import datetime as dt

import time_machine

from kumppani.core import time


def test_now_is_aware_utc():
    assert time.now().tzinfo is dt.UTC


@time_machine.travel(dt.datetime(2026, 12, 31, 22, 30, tzinfo=dt.UTC))
def test_today_is_helsinki_date():
    # 22:30 UTC on New Year's Eve is already 00:30 on 1 January in Helsinki.
    assert time.today() == dt.date(2027, 1, 1)


def test_local_wall_clock_survives_dst():
    before = time.make_local(dt.date(2026, 3, 28), dt.time(18, 0))
    after = time.make_local(dt.date(2026, 3, 30), dt.time(18, 0))
    assert before.utcoffset() == dt.timedelta(hours=2)
    assert after.utcoffset() == dt.timedelta(hours=3)
    assert time.local(after).hour == 18


def test_add_working_days_skips_weekend():
    friday = time.make_local(dt.date(2026, 12, 4), dt.time(10, 0))
    assert time.add_working_days(friday, 3).date() == dt.date(2026, 12, 9)
