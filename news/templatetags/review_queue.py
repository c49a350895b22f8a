"""The admin's front page tells staff what waits for them: drafts to review, articles scheduled."""

from django import template
from django.db.models import Count, Q
from django.utils import timezone

from .. import publishing
from ..models import Article

register = template.Library()


@register.inclusion_tag("admin/news/review_queue.html", takes_context=True)
def review_queue(context):
    user = context["request"].user
    if not user.has_perm("news.view_article"):
        return {"shown": False}
    counts = Article.objects.aggregate(
        drafts=Count("pk", filter=Q(status=Article.Status.DRAFT)),
        scheduled=Count("pk", filter=Q(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())),
    )
    return {
        "shown": True,
        "can_publish": publishing.can_publish(user),
        "draft_state": publishing.STATE_DRAFT,
        "scheduled_state": publishing.STATE_SCHEDULED,
        **counts,
    }
