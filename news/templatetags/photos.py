"""{% responsive_photo %}: one article photo as the page shows it, in every size it was stored in.

The browser picks the size from srcset by the width the layout gives the photo (sizes), and the WebP
copies through a <picture> where any was kept (only those smaller than their JPEG are). width and
height reserve the photo's space before it arrives; only the first photo of a page loads at once.
"""

from django import template

register = template.Library()


@register.inclusion_tag("news/_photo.html")
def responsive_photo(photo, sizes, alt="", eager=False, lead=None, small=False):
    """sizes: the photo's width in the layout (site.css), e.g. "(min-width: 40rem) 14rem, 7rem".

    eager, or photo being lead (the page's first photo): fetched at once, not when scrolled near.
    small: a list's thumbnail, whose src (for a browser without srcset) is the smallest size.
    """
    offered = photo.sizes_offered() if photo.width else []
    has_webp = any(webp for _, _, webp in offered)
    # For a browser that cannot choose: not the 2000 px image, the 1200 px size where there is one.
    src = photo.thumbnail_url if small else (photo.medium or photo.image).url
    return {
        "photo": photo,
        "src": src,
        "srcset": ", ".join(f"{file.url} {width}w" for width, file, _ in offered) if len(offered) > 1 else "",
        # A candidate without WebP is offered as its JPEG: a browser reading WebP reads JPEG too.
        "webp_srcset": ", ".join(f"{(webp or file).url} {width}w" for width, file, webp in offered)
        if has_webp
        else "",
        "sizes": sizes,
        "alt": alt,
        "eager": eager or (lead is not None and photo == lead),
    }
