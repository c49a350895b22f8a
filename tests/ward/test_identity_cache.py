"""The ward's identity is read once, kept in the cache, and dropped when staff change any part of it."""

import dataclasses

from django.core.cache import caches
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from ward import identity
from ward.models import FooterLink, MenuEntry, WardSettings


def test_the_identity_is_read_once_then_served_from_the_cache(db, django_assert_num_queries):
    identity.forget()
    with django_assert_num_queries(3):  # the settings row, the menu, the footer links
        first = identity.current()
    with django_assert_num_queries(0):
        assert identity.current() == first


def test_a_page_costs_three_queries_more_only_while_the_identity_is_not_kept(reader, make_article):
    """The one read of the identity (the ward's three tables), then nothing more than the page's own;
    the menu's sections too only the first time (the frame is kept: ward.templatetags.kept_parts)."""
    make_article()
    identity.forget()
    with CaptureQueriesContext(connection) as cold:
        reader.get("/", HTTP_COOKIE="sessionid=")  # a cookie: past the kept page, rendered afresh
    with CaptureQueriesContext(connection) as warm:
        reader.get("/", HTTP_COOKIE="sessionid=")
    assert len([q for q in cold if '"ward_' in q["sql"]]) == 3
    assert len(cold) == len(warm) + 3 + 1
    assert [q["sql"] for q in warm if '"ward_' in q["sql"]] == []


def test_saving_the_settings_a_menu_entry_or_a_link_drops_the_identity(db):
    site = WardSettings.objects.get(pk=1)
    identity.current()
    site.name = "Phường Đổi Tên"
    site.save()
    assert identity.current().name == "Phường Đổi Tên"
    # Not "Văn bản": the documents app puts that one in the default menu.
    entry = MenuEntry.objects.create(site=site, label="Tin ảnh", url="/tin-tuc/anh/", order=60)
    assert identity.current().menu[-1].label == "Tin ảnh"
    entry.delete()
    assert "Tin ảnh" not in [e.label for e in identity.current().menu]
    link = FooterLink.objects.create(site=site, label="Cổng thành phố", url="https://hanoi.gov.vn/")
    assert "Cổng thành phố" in [e.label for e in identity.current().links]
    link.is_shown = False
    link.save()
    assert "Cổng thành phố" not in [e.label for e in identity.current().links]


def test_a_value_kept_while_the_change_was_uncommitted_is_dropped_at_commit(transactional_db):
    """Another worker may read the old rows between the save and the commit, and keep them."""
    identity.current()
    with transaction.atomic():
        site = WardSettings.objects.get(pk=1)
        site.party = "Đảng ủy phường Mới"
        site.save()
        # As a worker that read the row before this commit would keep it:
        stale = dataclasses.replace(identity.current(), party="Đảng ủy phường Cũ")
        caches["default"].set(identity.KEY, stale)
    assert identity.current().party == "Đảng ủy phường Mới"


def test_a_kept_page_is_dropped_when_the_name_changes(reader, make_article):
    make_article()
    assert '<span class="brand-name">Đảng bộ phường Hòa Bình</span>' in reader.get("/").content.decode()
    site = WardSettings.objects.get(pk=1)
    site.name = "Phường Bình Minh"
    site.save()
    html = reader.get("/").content.decode()
    assert '<span class="brand-name">Đảng bộ phường Bình Minh</span>' in html
    assert '<span class="brand-name">Đảng bộ phường Hòa Bình</span>' not in html


def test_the_server_error_page_names_the_ward_from_the_cache_without_the_database(db):
    site = WardSettings.objects.get(pk=1)
    site.name = "Phường Đã Lưu"
    site.save()
    identity.current()
    assert identity.offline().name == "Phường Đã Lưu"
    identity.forget()
    assert identity.offline().name == "Phường Hòa Bình"  # the first-run default


def test_with_redis_every_worker_shares_the_one_value_and_a_save_drops_it(settings, redis_cache):
    """Production's cache: the identity pickles into Redis, where a save in any worker deletes it."""
    kept = identity.current()
    names = [name.decode() for name in redis_cache.scan_iter(match=f"{settings.PORTAL_REDIS_PREFIX}:*")]
    assert any(identity.KEY in name for name in names)
    assert caches["default"].get(identity.KEY) == kept
    site = WardSettings.objects.get(pk=1)
    site.name = "Phường Chung Một Bộ Nhớ"
    site.save()
    assert caches["default"].get(identity.KEY) is None
    assert identity.current().name == "Phường Chung Một Bộ Nhớ"


def test_a_row_made_by_another_request_meanwhile_is_taken_not_refused(db, monkeypatch):
    """Two first requests at once: both find no row, one makes it; the other must not fail on pk=1."""
    from ward import defaults
    from ward.models import FooterLink, MenuEntry, WardSettings

    WardSettings.objects.all().delete()
    values = defaults.settings_from_environment()

    def the_other_request_got_there_first():
        # Asked for the new row's values, just after this request found no row: the other one makes it.
        monkeypatch.setattr(defaults, "settings_from_environment", lambda: values)
        defaults.install(WardSettings, MenuEntry, FooterLink)
        return values

    monkeypatch.setattr(defaults, "settings_from_environment", the_other_request_got_there_first)
    row = defaults.install(WardSettings, MenuEntry, FooterLink)
    assert row.pk == 1 and WardSettings.objects.count() == 1
    assert MenuEntry.objects.count() == len(defaults.MENU)
