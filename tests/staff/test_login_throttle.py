"""The admin login is throttled: five wrong passwords for one account from one address lock that pair out."""

from django.test import RequestFactory, override_settings
from django.urls import reverse

from portal.login_throttle import client_ip

from .people import PASSWORD

LOCKED = "Tài khoản tạm thời bị khóa đăng nhập"


def attempt(client, password, username="bien-tap", address="203.0.113.7"):
    login = f"{reverse('admin:login')}?next={reverse('admin:index')}"
    return client.post(login, {"username": username, "password": password}, REMOTE_ADDR=address, follow=False)


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
