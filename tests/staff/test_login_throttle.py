"""The admin login is throttled: five wrong passwords for one account from one address lock that pair out."""

from datetime import timedelta

from axes.models import AccessAttempt
from django.db.models import F
from django.test import RequestFactory, override_settings
from django.urls import reverse

from portal.login_throttle import ATTEMPT_DATA_CHARS, client_ip

from .people import PASSWORD

LOCKED = "Tài khoản tạm thời bị khóa đăng nhập"


def attempt(client, password, username="bien-tap", address="203.0.113.7", junk=None):
    login = f"{reverse('admin:login')}?next={reverse('admin:index')}"
    data = {"username": username, "password": password}
    if junk:
        login += f"&rac={junk}"
        data["rac"] = junk
    return client.post(login, data, REMOTE_ADDR=address, follow=False)


def minutes_pass(minutes):
    """Move every recorded attempt that many minutes into the past, as if the clock had run on."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))


def test_a_correct_password_logs_in(client, editor):
    response = attempt(client, PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_five_wrong_passwords_lock_the_account_from_that_address(client, editor):
    for _ in range(4):
        response = attempt(client, "sai-mat-khau")
        assert response.status_code == 200
        assert LOCKED not in response.content.decode()
    response = attempt(client, "sai-mat-khau")
    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKED in page
    assert "Xin thử lại sau 15 phút" in page

    # Even the right password is refused while the lock holds.
    response = attempt(client, PASSWORD)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert client.get(reverse("admin:index")).status_code == 302


def test_the_lock_holds_one_account_at_one_address(client, editor, approver):
    for _ in range(5):
        attempt(client, "sai-mat-khau")
    # The same person from the office's address, and another account from the attacker's, still log in.
    assert attempt(client, PASSWORD, address="198.51.100.20").status_code == 302
    client.logout()
    assert attempt(client, PASSWORD, username="duyet-tin").status_code == 302


def test_the_client_address_is_taken_from_the_connection_unless_proxies_are_declared(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    assert client_ip(request) == "10.0.0.2"
    with override_settings(PORTAL_PROXY_COUNT=1):
        # The proxy appended the real client; what came before it is whatever the client claimed.
        assert client_ip(request) == "203.0.113.7"


def test_the_administrator_lifts_a_lock_on_pages_in_vietnamese(client, editor, admin_client):
    for _ in range(5):
        attempt(client, "sai-mat-khau")
    home = admin_client.get(reverse("admin:index")).content.decode()
    assert "Khóa đăng nhập" in home and "Axes" not in home
    page = admin_client.get(reverse("admin:axes_accessattempt_changelist")).content.decode()
    assert "Lượt đăng nhập" in page
    assert "Đang bị khóa" in page and "Locked Out" not in page
    assert "Xóa các lượt đã hết hạn" in page
    assert "203.0.113.7" in page


def test_wrong_tries_during_a_lockout_do_not_keep_it_on(client, editor):
    """One wrong try every few minutes from the office's address kept an official out all day."""
    for _ in range(5):
        attempt(client, "sai-mat-khau")
    for _ in range(3):  # a wrong try 4, 8 and 12 minutes into the lockout: each refused, none restarts it
        minutes_pass(4)
        response = attempt(client, "sai-mat-khau")
        assert response.status_code == 429
        assert LOCKED in response.content.decode()
    minutes_pass(4)  # 16 minutes after the fifth failure
    response = attempt(client, PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_lockout_still_holds_for_its_whole_fifteen_minutes(client, editor):
    for _ in range(5):
        attempt(client, "sai-mat-khau")
    minutes_pass(14)
    assert attempt(client, PASSWORD).status_code == 429
    minutes_pass(2)
    assert attempt(client, PASSWORD).status_code == 302


def test_junk_sent_with_failed_logins_does_not_grow_the_attempt_row(client, editor):
    """1,000 characters of junk per POST grew one row to 1.5 MB; what is kept of it is bounded."""
    junk = "x" * 1000
    for _ in range(3):  # past the lockout's fifteen minutes twice: each round starts a new count
        for _ in range(12):
            attempt(client, "sai-mat-khau", junk=junk)
        minutes_pass(16)
    for _ in range(4):
        attempt(client, "sai-mat-khau", junk=junk)
    row = AccessAttempt.objects.get(username="bien-tap")
    assert row.failures_since_start == 4
    assert len(row.get_data) <= ATTEMPT_DATA_CHARS
    assert len(row.post_data) <= ATTEMPT_DATA_CHARS
    # What is kept is the latest attempt's data (axes cuts each to 1,024 characters).
    assert row.post_data.rstrip("x").endswith("\nrac=")
    assert attempt(client, "sai-mat-khau").status_code == 429  # and the count still locks
