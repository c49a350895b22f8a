"""{% schedule_home_block %}: the home page's Lịch công tác block (schedule.home), one query."""

from django import template

from ..home import upcoming_days

register = template.Library()


@register.inclusion_tag("schedule/_home_block.html")
def schedule_home_block():
    return {"days": upcoming_days()}
