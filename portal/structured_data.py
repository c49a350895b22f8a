"""What search engines read beside the page: schema.org JSON-LD, built as dicts and written into a
<script type="application/ld+json"> (ward/templatetags/structured_data.py puts it on the pages).

- Every page with breadcrumbs: a BreadcrumbList of the same trail, Trang chủ first.
- The home page: the WebSite with its search (SearchAction), and the ward's Organization.
- An article: a NewsArticle published by the ward's Organization; its author is the Person the byline
  names (Article.author), or the Organization where the byline names none (the Party committee's own
  voice).
- The Organization is the ward's identity (ward.identity, cached): its name, address, phone and email as
  staff set them, its logo the square PNG ward.touch_icon makes (a raster logo, as Google asks of a
  publisher's logo).

Every address is absolute, made by the request as the canonical links are. Nothing here reads the
database: the article, its section and its photos are those the page already has.
"""

import json

from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

CONTEXT = "https://schema.org"
LANGUAGE = "vi"
HOME_CRUMB = "Trang chủ"
# Inside <script> the HTML parser ends the element at the first "</script"; JSON's own \u escapes keep
# "<", ">" and "&" out of the text, so no title can close the element or open a comment. Replaced one
# by one: str.translate walks a Vietnamese text letter by letter, 30 times slower on an article's.
SCRIPT_ESCAPES = (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026"))


def script(*nodes):
    """One <script type="application/ld+json"> holding nodes (dicts) as one @graph."""
    data = {"@context": CONTEXT, "@graph": list(nodes)}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escaped in SCRIPT_ESCAPES:
        text = text.replace(character, escaped)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


def iso(moment):
    return timezone.localtime(moment).isoformat(timespec="seconds")


def home_url(absolute):
    return absolute(reverse("news:article_list"))


def organization(ward, absolute):
    """The ward's Party committee, the publisher of the portal."""
    home = home_url(absolute)
    node = {
        "@type": "Organization",
        "@id": f"{home}#to-chuc",
        "name": ward.party,
        "url": home,
        "logo": {"@type": "ImageObject", "url": absolute(ward.touch_icon_url)},
        "address": {"@type": "PostalAddress", "streetAddress": ward.address, "addressCountry": "VN"},
    }
    if ward.phone:
        node["telephone"] = ward.phone
    if ward.email:
        node["email"] = ward.email
    return node


def website(ward, absolute):
    """The portal, with the search a search engine may offer in its own results."""
    home = home_url(absolute)
    return {
        "@type": "WebSite",
        "@id": f"{home}#trang-web",
        "name": ward.site_name,
        "url": home,
        "inLanguage": LANGUAGE,
        "publisher": {"@id": f"{home}#to-chuc"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute(reverse("news:search")) + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumbs(trail, absolute):
    """trail: (name, path) pairs after Trang chủ, the page itself last."""
    steps = [(HOME_CRUMB, reverse("news:article_list")), *trail]
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": absolute(path)}
            for n, (name, path) in enumerate(steps, 1)
        ],
    }


def photo_images(photo, absolute):
    """The addresses of each stored size of a photo, largest first.

    Addresses only: schema.org's ImageObject takes width and height as a Distance ("1600 px") or a
    QuantitativeValue, not the bare pixel count, and the search engines need neither.
    """
    return [absolute(file.url) for _, file, _ in reversed(photo.sizes_offered())] or [
        absolute(photo.image.url)
    ]


def news_article(article, photos, ward, absolute):
    """The article as a NewsArticle: the first photo's sizes are its image, the ward's logo without one."""
    publisher = organization(ward, absolute)
    url = absolute(article.get_absolute_url())
    node = {
        "@type": "NewsArticle",
        "@id": f"{url}#bai-viet",
        "headline": article.title,
        "description": article.get_teaser() or article.title,
        "datePublished": iso(article.published_at),
        "dateModified": iso(article.modified_at),
        "image": photo_images(photos[0], absolute) if photos else [publisher["logo"]["url"]],
        "author": {"@type": "Person", "name": article.author} if article.author else publisher,
        "publisher": publisher,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "inLanguage": LANGUAGE,
    }
    if article.category:
        node["articleSection"] = article.category.name
    return node


def article_trail(article):
    trail = [(article.category.name, article.category.get_absolute_url())] if article.category else []
    return [*trail, (article.title, article.get_absolute_url())]
