"""The ward's identity as every page reads it: settings, main menu and footer links in one cached value.

Read from the database once (three queries), then from the cache (Redis when REDIS_URL is set, shared
by all workers; otherwise this worker's memory) until a row of WardSettings, MenuEntry or FooterLink is
saved or deleted: then the value is dropped, at once and again when the transaction commits (as
news.page_cache does its generation), and the kept pages' generation moves, so no kept page shows the
old menu. Without a shared cache another worker learns of the change only when its copy expires, after
PORTAL_ARTICLE_CACHE_SECONDS, the time its kept article pages may lag behind too.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.templatetags.static import static

from news import page_cache

from . import defaults, touch_icon
from .links import is_internal, path_of
from .phone import tel_href

KEY = "ward:identity:v2"


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    external: bool

    @property
    def path(self):
        return path_of(self.url) if not self.external else None


@dataclass(frozen=True)
class Identity:
    """Plain values only, so that it pickles into Redis and a template can touch no database."""

    name: str
    party: str
    logo_url: str
    # A square PNG of the logo (ward.touch_icon): the home-screen icon, and the logo JSON-LD gives.
    touch_icon_url: str
    address: str
    phone: str
    email: str
    opening_hours: str
    citizen_reception: str
    responsible: str
    licence: str
    menu: tuple = ()
    links: tuple = ()

    @property
    def tel_href(self):
        return tel_href(self.phone)

    @property
    def party_organisation(self):
        """The ward's Party organisation, named from the ward: "Đảng bộ phường Hòa Bình".

        Not the `party` field, which names its committee (Đảng ủy); a portal belongs to the Đảng bộ.
        """
        return f"Đảng bộ {ward_in_a_phrase(self.name)}"

    @property
    def site_name(self):
        """What the site is, as ward portals word it: "Trang thông tin điện tử Đảng bộ phường Hòa Bình"."""
        return f"{SITE_KIND} {self.party_organisation}"


SITE_KIND = "Trang thông tin điện tử"
# The words a commune-level unit's name starts with; inside a phrase they are written in lower case.
UNIT_WORDS = ("Phường", "Xã", "Thị trấn", "Đặc khu")


def ward_in_a_phrase(name):
    """ "Phường Hòa Bình" as it reads inside a phrase: "phường Hòa Bình" (a bare "Hòa Bình" too)."""
    for word in UNIT_WORDS:
        if name.lower().startswith(word.lower() + " "):
            return word.lower() + name[len(word) :]
    return f"phường {name}"


def _links(rows):
    return tuple(Link(row.label, row.url, not is_internal(row.url)) for row in rows)


def load():
    """The identity read from the database, the row made from the defaults first if it is missing."""
    from .models import FooterLink, MenuEntry, WardSettings

    row = WardSettings.objects.filter(pk=1).first() or defaults.install(WardSettings, MenuEntry, FooterLink)
    return Identity(
        name=row.name,
        party=row.party,
        logo_url=row.logo_url,
        touch_icon_url=touch_icon.url_for(row.logo) if row.logo else static(touch_icon.DEFAULT_TOUCH_ICON),
        address=row.address,
        phone=row.phone,
        email=row.email,
        opening_hours=row.opening_hours,
        citizen_reception=row.citizen_reception,
        responsible=row.responsible,
        licence=row.licence,
        menu=_links(row.menu_entries.filter(is_shown=True)),
        links=_links(row.footer_links.filter(is_shown=True)),
    )


def current():
    """The identity every page shows: from the cache, or read and kept."""
    cache = caches["default"]
    identity = cache.get(KEY)
    if identity is None:
        identity = load()
        cache.set(KEY, identity, settings.PORTAL_ARTICLE_CACHE_SECONDS)
    return identity


# The identity as this worker last read it, and the pages' generation it was read for: every change
# of the identity bumps the generation (watch() below), so within one generation the copy in the
# shared cache is the same, and pages rendered afresh need not ask for it. A write that announces
# nothing is seen within the shared copy's lifetime and this one's (PORTAL_PAGE_CACHE_SECONDS).
_read = page_cache.Memory(1)


def for_request(request):
    """current(), kept in this worker for the request's pages' generation (news.page_cache)."""
    return _read.kept(KEY, page_cache.of_request(request), settings.PORTAL_PAGE_CACHE_SECONDS, current)


def offline():
    """The identity without touching the database (the 500 page: the database may be what failed)."""
    try:
        kept = caches["default"].get(KEY)
    except Exception:  # the cache may be down too; the defaults still name the ward
        kept = None
    if kept is not None:
        return kept
    values = defaults.settings_from_environment()
    return Identity(
        logo_url=static(defaults.DEFAULT_LOGO),
        touch_icon_url=static(touch_icon.DEFAULT_TOUCH_ICON),
        opening_hours="",
        citizen_reception="",
        responsible="",
        **values,
    )


def forget():
    caches["default"].delete(KEY)


def _changed(sender, **kwargs):
    if kwargs.get("raw"):
        return
    forget()
    # A worker that read the old rows while this transaction was open may have kept them meanwhile.
    transaction.on_commit(forget)


def watch():
    from .models import FooterLink, MenuEntry, WardSettings

    for model in (WardSettings, MenuEntry, FooterLink):
        label = model._meta.label
        post_save.connect(_changed, sender=model, dispatch_uid=f"ward_identity_save_{label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"ward_identity_del_{label}")
    page_cache.watch(WardSettings, MenuEntry, FooterLink)
