"""Nothing a visitor sends gets a server error: a fuzz test of every address a visitor can reach.

Hypothesis throws random paths (under each address's prefix, matching its pattern with random values,
and real addresses mangled), query strings, headers (Host inside and outside ALLOWED_HOSTS, ranges,
conditional requests, a forged X-Forwarded-For behind a proxy), cookies (garbage session ids and
view-count cookies) and bodies (login and search forms, uploads, broken multipart) at every address the
URL resolver knows (tests/fuzz/addresses.py), with debug off as in production. Any answer but a 5xx
passes: a 400, 403, 404 or 405 is the right answer to most of this.

The examples are the same on every run of the same code (derandomize) and nothing is written to a
hypothesis database in the project. PORTAL_FUZZ_EXAMPLES sets how many requests the tests send in all
(default 3,000); PORTAL_FUZZ_SEED runs other random examples instead of the fixed ones
(docs/SECURITY.md).
"""

import os
import traceback
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone
from hypothesis import HealthCheck, given, seed
from hypothesis import settings as fuzz_settings

from news.models import Article, Category
from tests.conftest import article_maker, new_photo, point_at
from tests.shared_rows import kept_until_the_last_test
from tests.staff.people import EDITORS, PASSWORD, make_staff

from .addresses import fuzzed_groups
from .strategies import RealValues, as_path_info, visits

EXAMPLES = int(os.environ.get("PORTAL_FUZZ_EXAMPLES", "3000"))
SEED = os.environ.get("PORTAL_FUZZ_SEED")


def fuzzing(examples):
    """Hypothesis settings for a test that sends this many requests."""

    def apply(test):
        configured = fuzz_settings(
            max_examples=max(1, round(examples)),
            deadline=None,
            derandomize=SEED is None,
            database=None,
            suppress_health_check=[
                HealthCheck.too_slow,
                HealthCheck.data_too_large,
                HealthCheck.large_base_example,
            ],
        )(test)
        return seed(int(SEED))(configured) if SEED is not None else configured

    return apply


def make_site(make_article, make_photo):
    """A ward site with something at each address: sections, a published article with a photo, a
    draft, a scheduled article, a renamed one, and an editor whose session the fuzz may present."""
    section = Category.objects.create(name="Xây dựng Đảng", order=1)
    empty = Category.objects.create(name="Thông báo", order=2)
    article = make_article(title="Hội nghị Ban Chấp hành Đảng bộ phường", category=section)
    photo = make_photo(article)
    draft = make_article(title="Bản nháp kế hoạch", status=Article.Status.DRAFT)
    scheduled = make_article(title="Lịch tiếp dân tuần sau", published_at=timezone.now() + timedelta(days=2))
    renamed = make_article(title="Lễ kết nạp đảng viên", category=section)
    former = renamed.slug
    renamed.slug = "le-ket-nap-dang-vien-khu-3"
    renamed.save()
    editor = make_staff("bien-tap", EDITORS)
    staff = Client()
    staff.force_login(editor)
    slugs = [article.slug, draft.slug, scheduled.slug, renamed.slug, former, section.slug, empty.slug]
    real = RealValues(
        {
            "slug": slugs,
            "path": [photo.image.name, photo.thumbnail.name, "css/site.css", "js/site.js", "img/favicon.svg"],
            "object_id": [str(article.pk), str(section.pk), str(editor.pk)],
            "id": [str(editor.pk)],
            "version_id": [1, 2],
            "content_type_id": [str(ContentType.objects.get_for_model(Article).pk)],
            "app_label": ["news", "auth"],
        }
    )
    credentials = ["bien-tap", PASSWORD, "mat-khau-sai"]
    return real, staff.cookies["sessionid"].value, credentials


@pytest.fixture(scope="module")
def shared_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The site made once for this module's tests (tests/shared_rows.py); each request is rolled back."""
    folder = tmp_path_factory.mktemp("fuzzed-site")
    with kept_until_the_last_test(django_db_blocker, folder):
        yield folder, make_site(article_maker(), new_photo)


@pytest.fixture
def site(shared_site, db, settings):
    folder, made = shared_site
    point_at(settings, folder)
    return made


def send(visit):
    """One request, its database changes rolled back (each example starts from the same site)."""
    client = Client(raise_request_exception=False, enforce_csrf_checks=visit.check_csrf)
    extra = {**visit.meta, "PATH_INFO": as_path_info(visit.path), "QUERY_STRING": visit.query}
    with override_settings(PORTAL_PROXY_COUNT=1 if visit.behind_proxy else 0), transaction.atomic():
        response = client.generic(
            visit.method, "/", data=visit.body.content, content_type=visit.body.content_type, **extra
        )
        transaction.set_rollback(True)
    return response


def assert_no_server_error(visit):
    response = send(visit)
    if response.status_code >= 500:
        error = "".join(traceback.format_exception(*response.exc_info)) if response.exc_info else ""
        pytest.fail(f"{response.status_code} for {visit!r}\n{error}")


def fuzz(site, examples, addresses, focus):
    real, staff_session, credentials = site

    @fuzzing(examples)
    @given(visits(addresses, real, staff_session, credentials, focus))
    def run(visit):
        assert_no_server_error(visit)

    run()


GROUPS = fuzzed_groups()
FORMS = [group for group in GROUPS if group[0].name in {"admin:login", "news:search", "ckeditor_upload"}]
PAGE_FOCUSES = ("path", "query", "headers", "cookies", "anything")


def named(group):
    return group[0].name if len(group) == 1 else f"{group[0].name.partition(':')[0]} (the rest)"


# Each address (and the rest of the admin, together) gets an equal share, and each thing a request
# can vary a run of its own (strategies.FOCUSES): hypothesis, left to choose among them, favours the
# first and last of a list and varies one example many times over.
@pytest.mark.parametrize("focus", PAGE_FOCUSES)
@pytest.mark.parametrize("group", GROUPS, ids=named)
def test_every_address_answers_anything_without_a_server_error(site, group, focus):
    fuzz(site, EXAMPLES * 2 / 3 / len(GROUPS) / len(PAGE_FOCUSES), group, focus)


@pytest.mark.parametrize("group", FORMS, ids=named)
def test_the_forms_answer_anything_sent_to_them_without_a_server_error(site, group):
    """The login page, search and the editor's uploader, sent forms, files and broken bodies by any
    method, with or without a CSRF check."""
    fuzz(site, EXAMPLES / 3 / len(FORMS), group, "body")


def test_the_fuzzed_addresses_are_read_from_the_url_resolver():
    """A page added to any urls.py is fuzzed without anyone listing it here."""
    names = {address.name for group in GROUPS for address in group}
    assert {
        "news:article_list",
        "news:article_detail",
        "news:category",
        "news:category_feed",
        "news:search",
        "news:feed",
        "news:sitemap",
        "news:robots",
        "media",
        "admin:login",
        "admin:index",
        "ckeditor_upload",
        "ckeditor_browse",
        "static",
    } <= names
    assert len(FORMS) == 3
