"""The pruning rule on dates alone: 7 daily, 4 weekly, 12 monthly archives are kept."""

from datetime import datetime, timedelta

from backups.retention import archives_to_keep


def at(day, hour=2):
    return datetime.fromisoformat(f"{day}T{hour:02d}:00:00")


def every_day(first, last, hour=2):
    day = at(first, hour)
    while day <= at(last, hour):
        yield day
        day += timedelta(days=1)


def test_a_year_of_nightly_backups_keeps_a_week_four_weeks_and_twelve_months():
    kept = archives_to_keep(every_day("2026-01-01", "2026-12-01"))
    days = sorted(moment.date().isoformat() for moment in kept)
    assert days == [
        # The newest of the 12 most recent months (November's and December's are daily ones).
        "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30",
        "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31",
        # The newest of weeks 46 and 47 (weeks 48 and 49 end in the daily ones).
        "2026-11-15", "2026-11-22",
        # The last 7 days.
        "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01",
    ]  # fmt: skip


def test_only_the_newest_of_a_day_counts_for_that_day():
    morning, evening = at("2026-12-01", 8), at("2026-12-01", 20)
    assert archives_to_keep([morning, evening]) == {evening}


def test_days_without_a_backup_do_not_use_up_the_seven_daily():
    """A server off for a fortnight still keeps its 7 latest nightly archives."""
    before_outage = list(every_day("2026-11-01", "2026-11-10"))
    after = [at("2026-11-25")]
    kept = archives_to_keep(before_outage + after, weekly=0, monthly=0)
    assert sorted(kept) == [*before_outage[-6:], after[0]]


def test_nothing_to_keep_from_nothing():
    assert archives_to_keep([]) == set()
