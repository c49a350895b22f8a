"""What a fresh install shows before staff change anything: the PORTAL_WARD_* settings, the default main
menu and the footer's links.

Used by the data migration and, should the row be missing (a flushed database), on first use: the
environment variables are first-run defaults only; after that the row in the database is what counts.
"""

from django.conf import settings
from django.db import transaction

DEFAULT_LOGO = "img/ward-logo.svg"
MENU = (
    ("Giới thiệu", "/gioi-thieu/"),
    ("Tin tức", "/tin-tuc/"),
    ("Thông báo", "/thong-bao/"),
    ("Văn bản", "/van-ban/"),  # documents/0002 adds it where this menu was installed before
    ("Lịch công tác", "/lich-cong-tac/"),  # schedule/0003 likewise
    ("Hỏi đáp", "/hoi-dap/"),
    ("Liên hệ", "/lien-he/"),
)
FOOTER_LINKS = (
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/"),
    ("Cổng giao tiếp điện tử thành phố Hà Nội", "https://hanoi.gov.vn/"),
    ("Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn/"),
)


def settings_from_environment():
    return {
        "name": settings.PORTAL_WARD_NAME,
        "party": settings.PORTAL_WARD_PARTY,
        "address": settings.PORTAL_WARD_ADDRESS,
        "phone": settings.PORTAL_WARD_PHONE,
        "email": settings.PORTAL_WARD_EMAIL,
        "licence": f"© {settings.PORTAL_WARD_PARTY}",
    }


def install(settings_model, menu_model, link_model):
    """Create the row with the default menu and links, unless it exists; return the row.

    Takes the models as arguments so the migration can pass its historical ones.
    """
    # One transaction: a reader never finds the row without its menu. Two first requests at once both
    # miss the row; get_or_create lets the second take the first's row instead of failing on pk=1.
    with transaction.atomic():
        row, created = settings_model.objects.get_or_create(pk=1, defaults=settings_from_environment())
        if not created:
            return row
        menu_model.objects.bulk_create(
            menu_model(site=row, label=label, url=url, order=n) for n, (label, url) in enumerate(MENU, 1)
        )
        link_model.objects.bulk_create(
            link_model(site=row, label=label, url=url, order=n)
            for n, (label, url) in enumerate(FOOTER_LINKS, 1)
        )
    return row
    row = settings_model.objects.create(pk=1, **settings_from_environment())
    menu_model.objects.bulk_create(
        menu_model(site=row, label=label, url=url, order=n) for n, (label, url) in enumerate(MENU, 1)
    )
    link_model.objects.bulk_create(
        link_model(site=row, label=label, url=url, order=n) for n, (label, url) in enumerate(FOOTER_LINKS, 1)
    )
    return row
