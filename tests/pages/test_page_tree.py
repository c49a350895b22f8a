"""Pages nest under /gioi-thieu/: addresses, breadcrumbs, the pages under each, what residents may open."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pages.models import Page


@pytest.mark.django_db
def test_public_excludes_pages_under_an_unpublished_one(make_page):
    top = make_page(title="Đảng bộ phường")
    middle = make_page(title="Ban Chấp hành", parent=top)
    leaf = make_page(title="Ban Thường vụ", parent=middle)
    assert set(Page.objects.public()) == {top, middle, leaf}
    middle.status = Page.Status.DRAFT
    middle.save()
    assert set(Page.objects.public()) == {top}
    middle.status = Page.Status.PUBLISHED
    middle.published_at = timezone.now() + timedelta(days=1)
    middle.save()
    assert set(Page.objects.public()) == {top}
