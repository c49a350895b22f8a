"""The ward's identity as staff set it: one row of settings, the main menu and the footer's links.

Staff edit all three on one admin page (ward.admin). Residents see them on every page through
ward.identity, which keeps them in the cache and drops them when any of these rows changes.
"""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.templatetags.static import static

from news.images import validate_image_file
from news.text import nfc

from .defaults import DEFAULT_LOGO
from .links import is_internal, validate_link
from .logo import process_logo
from .phone import tel_href, validate_phone
from .touch_icon import store as store_touch_icon

# Typed by staff: NFC (as news.text keeps all Vietnamese text) and without stray spaces at the ends.
TEXT_FIELDS = ("name", "party", "address", "opening_hours", "citizen_reception", "responsible", "licence")


class WardSettings(models.Model):
    """The one row (pk 1) of the ward's identity; made from the PORTAL_WARD_* settings on first use."""

    name = models.CharField("tên phường", max_length=120)
    party = models.CharField(
        "tên Đảng bộ",
        max_length=160,
        help_text="Dòng nhỏ phía trên tên phường, ví dụ: Đảng ủy phường Hòa Bình.",
    )
    logo = models.ImageField(
        "biểu trưng (logo)",
        upload_to="ward/",
        blank=True,
        validators=[validate_image_file],
        help_text=(
            "Ảnh PNG, JPEG hoặc WebP, vuông, nền trong suốt nếu có. Để trống: dùng biểu trưng mặc định."
        ),
    )
    address = models.CharField("địa chỉ trụ sở", max_length=255)
    phone = models.CharField("điện thoại", max_length=40, blank=True, validators=[validate_phone])
    email = models.EmailField("thư điện tử", blank=True)
    opening_hours = models.TextField(
        "giờ làm việc",
        blank=True,
        validators=[MaxLengthValidator(1000)],
        help_text="Mỗi dòng một khoảng thời gian, ví dụ: Thứ Hai – Thứ Sáu: 7 giờ 30 – 11 giờ 30.",
    )
    citizen_reception = models.TextField(
        "lịch tiếp công dân",
        blank=True,
        validators=[MaxLengthValidator(2000)],
        help_text=("Khi nào lãnh đạo phường tiếp công dân, ở đâu; mỗi dòng một lịch (văn bản thường)."),
    )
    responsible = models.CharField(
        "chịu trách nhiệm chính",
        max_length=200,
        blank=True,
        help_text="Họ tên và chức vụ, hiện ở cuối mỗi trang.",
    )
    licence = models.CharField(
        "giấy phép, bản quyền",
        max_length=300,
        blank=True,
        help_text="Dòng cuối trang, ví dụ số giấy phép hoặc “© Đảng ủy phường Hòa Bình”.",
    )

    class Meta:
        verbose_name = "thông tin phường và cổng"
        verbose_name_plural = "thông tin phường và cổng"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = 1  # one row: the portal shows one ward
        for field in TEXT_FIELDS:
            setattr(self, field, nfc(getattr(self, field)).strip())
        new_logo = bool(self.logo) and not self.logo._committed
        if new_logo:
            # A new upload: stored only as re-encoded here, never as the file that came in.
            self.logo = process_logo(self.logo)
        super().save(*args, **kwargs)
        if new_logo:
            store_touch_icon(self.logo)

    @property
    def logo_url(self):
        return self.logo.url if self.logo else static(DEFAULT_LOGO)

    @property
    def tel_href(self):
        return tel_href(self.phone)


class Link(models.Model):
    label = models.CharField("tên hiển thị", max_length=80)
    url = models.CharField(
        "địa chỉ",
        max_length=500,
        validators=[validate_link],
        help_text="Một trang của cổng, bắt đầu bằng / (ví dụ /lien-he/), hoặc địa chỉ đầy đủ https://…",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    is_shown = models.BooleanField("hiện", default=True)

    class Meta:
        abstract = True
        ordering = ("order", "pk")

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        self.label = nfc(self.label).strip()
        super().save(*args, **kwargs)

    @property
    def is_external(self):
        return not is_internal(self.url)


class MenuEntry(Link):
    site = models.ForeignKey(WardSettings, on_delete=models.CASCADE, related_name="menu_entries")

    class Meta(Link.Meta):
        verbose_name = "mục trình đơn chính"
        verbose_name_plural = "trình đơn chính"


class FooterLink(Link):
    site = models.ForeignKey(WardSettings, on_delete=models.CASCADE, related_name="footer_links")

    class Meta(Link.Meta):
        verbose_name = "liên kết cuối trang"
        verbose_name_plural = "liên kết cuối trang (“Liên kết”)"
