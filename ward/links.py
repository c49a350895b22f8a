"""Which addresses a menu entry or a footer link may point to, and how it is shown.

An entry points either to a page of this portal (a path starting with one "/") or to another site over
http or https. Anything else is refused: `javascript:` and `data:` addresses run code in the reader's
browser, and "//host" is another site dressed as a path.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

MESSAGE_SCRIPT = "Không được dùng địa chỉ javascript: (đoạn mã chạy trong trình duyệt của người đọc)."
MESSAGE_SCHEME = (
    "Địa chỉ phải là một trang của cổng, bắt đầu bằng / (ví dụ /lien-he/), "
    "hoặc một trang web bắt đầu bằng http:// hoặc https://."
)
MESSAGE_MALFORMED = "Địa chỉ trang web không hợp lệ, xin kiểm tra lại (ví dụ https://dichvucong.gov.vn/)."
MESSAGE_SPACES = "Địa chỉ không được chứa dấu cách hay ký tự điều khiển."

_web_address = URLValidator(schemes=["http", "https"], message=MESSAGE_MALFORMED)


def is_internal(url):
    return url.startswith("/") and not url.startswith("//")


def validate_link(url):
    """A model field validator: a site path or an http(s) address, nothing that runs code."""
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise ValidationError(MESSAGE_SPACES, code="spaces")
    if url.lower().startswith("javascript:"):
        raise ValidationError(MESSAGE_SCRIPT, code="javascript")
    if is_internal(url):
        return
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise ValidationError(MESSAGE_SCHEME, code="scheme")
    _web_address(url)


def path_of(url):
    """The path part of an internal address (its query and fragment dropped), for marking the menu."""
    return urlsplit(url).path or "/"
