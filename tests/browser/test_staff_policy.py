"""The admin's pages under its strict policy (no inline script), in real Chromium: none of them needs
what the policy refuses; only the article form with CKEditor has the editor's policy (portal/security.py).
A published article whose body was written around save() shows in the read-only view and runs nothing."""

from django.urls import reverse

from news.models import Article
from tests.staff.people import APPROVERS, EDITORS, PASSWORD, make_staff, restore_groups

HOSTILE = '<p>Đoạn đầu.</p><img src="/khong-co.png" onerror="alert(1)"><script>alert(2)</script>'


def log_in(page, base, username):
    page.goto(f"{base}{reverse('admin:login')}?next={reverse('admin:index')}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(base + reverse("admin:index"))


def test_staff_pages_need_nothing_the_strict_policy_refuses(desktop, live_server, make_article):
    restore_groups()
    make_staff("bien-tap", EDITORS)
    make_staff("duyet-tin", APPROVERS)
    article = make_article(title="Bài đã đăng về hội nghị")
    Article.objects.filter(pk=article.pk).update(body=HOSTILE)  # around save(): stored as given
    page, base = desktop, live_server.url
    refused, dialogs = [], []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda error: refused.append(str(error)))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    log_in(page, base, "bien-tap")
    page.goto(base + reverse("admin:news_article_change", args=[article.pk]))
    assert page.locator(".body-preview p").inner_text() == "Đoạn đầu."
    page.wait_for_load_state("networkidle")
    page.context.clear_cookies()  # logged out

    log_in(page, base, "duyet-tin")
    for address in (
        reverse("admin:index"),
        reverse("admin:news_article_changelist"),
        reverse("admin:news_article_history", args=[article.pk]),
        reverse("admin:news_article_recoverlist"),
        reverse("admin:news_category_changelist"),
        reverse("admin:view_statistics"),
    ):
        response = page.goto(base + address)
        assert response.status == 200, address
        assert "'unsafe-inline'" not in response.headers["content-security-policy"].split("style-src-attr")[0]
        page.wait_for_load_state("networkidle")
    assert refused == [], refused
    assert dialogs == [], dialogs
