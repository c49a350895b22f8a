"""Which archives a backup folder keeps: the newest of each of the last 7 days, 4 weeks and 12 months.

A pure function of the archives' times, so the rule is tested on dates alone. Periods count only where
an archive exists (as borg and restic prune): a server that was off for a week still keeps 7 daily
archives, reaching further back. Within a period the newest archive stands for it; one archive may
stand for its day, its week and its month at once.
"""

DAILY, WEEKLY, MONTHLY = 7, 4, 12


def _day(moment):
    return moment.date()


def _week(moment):
    year, week, _ = moment.isocalendar()
    return (year, week)


def _month(moment):
    return (moment.year, moment.month)


def archives_to_keep(moments, daily=DAILY, weekly=WEEKLY, monthly=MONTHLY):
    """The subset of `moments` (archive times) to keep; every other archive may be deleted."""
    newest_first = sorted(set(moments), reverse=True)
    kept = set()
    for period_of, periods in ((_day, daily), (_week, weekly), (_month, monthly)):
        seen = set()
        for moment in newest_first:
            period = period_of(moment)
            if period in seen:
                continue
            if len(seen) == periods:
                break
            seen.add(period)
            kept.add(moment)
    return kept
