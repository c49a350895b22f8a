"""What a visitor can send, as hypothesis strategies: paths, query strings, headers, cookies and bodies.

Everything is generated as a WSGI server hands it to Django: the path already %-decoded, as bytes read
as latin-1 (so invalid UTF-8 and NUL bytes arrive as they would), the query string raw, header values
as latin-1 text. Header values never hold CR, LF or NUL: gunicorn and nginx refuse such a request
before Django sees it. A cookie can still carry a NUL, quoted as \\000, which Django's parser unquotes.
"""

import itertools
import string
from dataclasses import dataclass, field
from urllib.parse import quote

from django.conf import settings
from django.core import signing
from django.urls import NoReverseMatch, reverse
from hypothesis import strategies as st

from news.counting import COOKIE_NAME, COOKIE_SALT

METHODS = ["GET", "HEAD", "POST", "OPTIONS", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND", "get"]
# Pages are read far more often than forms are sent; a method other than GET mostly earns a 405.
PAGE_METHODS = ["GET"] * 6 + ["HEAD"] * 2 + METHODS
FORM_METHODS = ["POST"] * 6 + METHODS
BROWSER = "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0"

# Text a visitor types, pastes or forges that broke web applications before.
NASTY = [
    "\x00",
    "%00",
    "%",
    "%ZZ",
    "%C4",
    "%C4%91",
    "..",
    ".",
    "../../etc/passwd",
    "",
    " ",
    "\t",
    "<script>alert(1)</script>",
    "\"'><img src=x onerror=alert(1)>",
    "' OR 1=1 --",
    "%' OR '1'='1",
    "\\",
    "\u202e",  # right-to-left override
    "\ufeff",
    "\u0338",  # a combining mark that NFC joins with a preceding >
    "e\u0301",
    "Ð",
    "đ",
    "Hội nghị Đảng ủy",
    "Ho\u0302\u0323i nghi\u0323",  # the same letters decomposed (NFD), as some phones type them
    "𝕏",
    "🇻🇳",
    "\U0010ffff",
    "ﬀ",
    "İ",
    "١٢٣",  # Arabic-Indic digits, which isdigit() accepts
    "１",  # a full-width digit one
    "²",  # a superscript two: isdigit() but not a number int() reads
    "-1",
    "0",
    "00000000000000000000001",
    "1e3",
    "NaN",
    "∞",
    "999999999999999999999999",
    "null",
    "[]",
    "{}",
    "a=b&c=d",
    "javascript:alert(1)",
    "//evil.example/",
    "https://evil.example/",
]


def long_text():
    """Thousands of one character: past every limit, without hypothesis drawing each one."""
    return st.builds(
        lambda c, n: c * n, st.sampled_from(["a", "9", "đ", "%", "\x00", "/", "ệ"]), st.integers(1, 6000)
    )


def mostly(common, rare, one_in=5):
    """common, and rare about once in one_in draws. st.one_of gives each branch the same chance (and
    merges branches that are the same strategy): common goes in as one_in - 1 copies of itself."""
    return st.one_of(*(common.map(_same) for _ in range(one_in - 1)), rare)


def _same(value):
    return value


def text():
    return st.one_of(st.sampled_from(NASTY), st.text(max_size=40), long_text())


def latin1(max_size=40):
    """A header value as a server hands it on: bytes read as latin-1, no control characters."""
    printable = st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f")
    return st.one_of(
        st.text(printable, max_size=max_size),
        text().map(lambda s: s.replace("\x00", "").encode().decode("latin-1")),
    )


# --- paths ------------------------------------------------------------------------------------------
@dataclass
class RealValues:
    """Values that exist, by parameter name: slugs of published, draft, scheduled and renamed articles
    and of sections, stored photo files, primary keys."""

    by_parameter: dict = field(default_factory=dict)

    def for_address(self, address):
        choices = [self.by_parameter.get(name) for name in address.parameters]
        if not all(choices):
            return None
        # Parameters are named per address ("path" is a photo's file for the media address and a page's
        # slugs under /gioi-thieu/): only the values this address's own pattern takes.
        combinations = itertools.islice(itertools.product(*choices), 500)
        paths = [path for values in combinations if (path := reversed_or_none(address, values))]
        return st.sampled_from(paths) if paths else None


def reversed_or_none(address, values):
    try:
        return real_path(address, dict(zip(address.parameters, values, strict=True)))
    except NoReverseMatch:
        return None


def real_path(address, values):
    if address.name == "static":
        from django.templatetags.static import static

        return static(values["path"])
    return reverse(address.name, kwargs=values)


def segment():
    """One path segment: text as UTF-8, or bytes that are no UTF-8 at all."""
    return st.one_of(text().map(lambda s: s.encode()), st.binary(max_size=12))


def path_under(prefix):
    return st.builds(
        lambda parts, slash: b"/" + prefix.encode() + b"/".join(parts) + (b"/" if slash else b""),
        st.lists(segment(), max_size=4),
        st.booleans(),
    )


def matching_path(address):
    """A path the pattern itself matches, its parameters random."""
    return st.from_regex(address.regex, fullmatch=True).map(lambda s: b"/" + s.encode())


MANGLES = {
    "no trailing slash": lambda path, extra: path.rstrip(b"/"),
    "upper case": lambda path, extra: path.upper(),
    "doubled slashes": lambda path, extra: path.replace(b"/", b"//"),
    "dot dot": lambda path, extra: path + b"/..",
    "more after it": lambda path, extra: path + extra,
}


def mangled(paths):
    """Real paths, then changed as a hand or a broken link changes them."""
    return st.builds(
        lambda path, how, extra: MANGLES[how](path, extra), paths, st.sampled_from(sorted(MANGLES)), segment()
    )


def real_paths(address, real):
    """Paths of this address that exist (or might: a draft's, a section's slug as an article's), as
    bytes; None where there is nothing to reverse() (the admin's catch-all and unnamed patterns)."""
    if not address.name:
        return None
    real_one = real.for_address(address) if address.parameters else st.just(real_path(address, {}))
    return None if real_one is None else real_one.map(lambda p: p.encode())


def path_for(address, real):
    """Any path for one address: real values, a real path mangled, values the pattern matches, or
    anything under its prefix."""
    kinds = [matching_path(address), path_under(address.prefix)]
    real_one = real_paths(address, real)
    if real_one is not None:
        # First: hypothesis draws the first branch most often, and a real page runs the most code.
        kinds = [real_one, mangled(real_one), *kinds]
    return st.one_of(kinds)


def as_path_info(raw):
    return raw.decode("latin-1")


# --- query strings ----------------------------------------------------------------------------------
# Parameters no page reads, but shared links and the admin carry.
KEYS = [
    "next",
    "CKEditorFuncNum",
    "responseType",
    "fbclid",
    "zarsrc",
    "utm_source",
    "o",
    "p",
    "_changelist_filters",
]
PAGE_LIKE = ["1", "2", "0", "-1", "1.5", "１", "²", "١", "9" * 7, "9" * 5000, "0" * 40 + "1", " 1", "1 "]


def query_string():
    """Mostly the parameters the pages read (page=, q=), repeated at times; then and again others."""
    page = st.tuples(st.just("page"), st.one_of(st.sampled_from(PAGE_LIKE), text()))
    search = st.tuples(st.just("q"), text())
    other = st.tuples(st.one_of(st.sampled_from(KEYS), text()), text())
    pairs = st.lists(st.one_of(page, search, other), min_size=1, max_size=5)
    encoded = pairs.map(lambda ps: "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in ps))
    # As typed into the address bar, unescaped: "q=%", "page=1&&", "q=a=b", Unicode.
    typed = pairs.map(lambda ps: "&".join(f"{k}={v}" for k, v in ps))
    too_many = st.integers(1001, 1300).map(lambda n: "&".join(f"k{i}=1" for i in range(n)))
    return mostly(st.one_of(encoded, typed), too_many, one_in=10).map(lambda q: q.encode().decode("latin-1"))


# --- headers ----------------------------------------------------------------------------------------
def hosts():
    allowed = [h for h in settings.ALLOWED_HOSTS if h != "*"] or ["localhost"]
    good = st.builds(
        lambda host, port, upper: (host.upper() if upper else host) + port,
        st.sampled_from(allowed),
        st.sampled_from(["", ":80", ":8000", ":443"]),
        st.booleans(),
    )
    bad = st.one_of(
        st.sampled_from(["evil.example", "", "localhost.", "[::1", "127.0.0.1:80:80", "a" * 300, "-"]),
        st.sampled_from(allowed).map(lambda host: host + ":abc"),
        latin1(),
    )
    # Most requests name our host, so that they reach the pages; the rest stop at Django's check.
    return mostly(good, bad)


def forwarded_for():
    """X-Forwarded-For as the proxy passes it on: whatever the client wrote, then the address the
    proxy saw (PORTAL_PROXY_COUNT=1 reads that last one)."""
    garbage = st.one_of(
        latin1(), st.sampled_from(["", ",", "::1", "1.2.3.4, 5.6.7.8", "999.1.1.1", "unknown"])
    )
    return st.builds(
        lambda g, real: f"{g}, {real}" if g else real, garbage, st.sampled_from(["10.0.0.7", "::1"])
    )


HEADER_VALUES = {
    "HTTP_ACCEPT_LANGUAGE": ["vi", "vi-VN,vi;q=0.9,en;q=0.8", "*", "en-US", "zz;q=abc", "x" * 5000],
    "HTTP_USER_AGENT": [BROWSER, "", "Googlebot/2.1", "Zalo android/12", "curl/8.0", "Mozilla/5.0"],
    "HTTP_ACCEPT": ["text/html", "*/*", "application/json", "image/webp,*/*", ";;;"],
    "HTTP_ACCEPT_ENCODING": ["gzip", "br", "gzip, deflate, br", "identity;q=0", "*"],
    "HTTP_RANGE": [
        *("bytes=0-10", "bytes=-1", "bytes=5-1", "bytes=0-", "bytes=99999999999999999999-"),
        *("bytes=a-b", "bytes=0-1,2-3", "bytes=" + "0-1," * 500, "items=0-1", "bytes=-0"),
    ],
    "HTTP_IF_NONE_MATCH": ['"abc"', "*", 'W/"x"', '"', ",,,", '"a", "b"'],
    "HTTP_IF_MODIFIED_SINCE": [
        *("Mon, 01 Jan 1900 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "-1", "0"),
        *("99999999999999999999", "Thu, 32 Foo 2026 25:61:61 GMT", "Sun, 06 Nov 1994 08:49:37 GMT"),
    ],
    "HTTP_REFERER": ["https://evil.example/", "http://localhost/", "", "not a url"],
    "HTTP_ORIGIN": ["https://evil.example", "null", "http://localhost", "http://testserver"],
    "HTTP_SEC_FETCH_SITE": ["same-origin", "cross-site", "none", "same-site", ""],
    "HTTP_SEC_PURPOSE": ["prefetch", "prefetch;prerender"],
    "HTTP_X_FORWARDED_PROTO": ["https", "http", "ftp", ""],
    "HTTP_X_REQUESTED_WITH": ["XMLHttpRequest"],
    "CONTENT_LENGTH": ["-1", "abc", "99999999999", ""],
}


def headers():
    """Some of the headers above, each a known value or latin-1 garbage; Host always set."""
    one = st.one_of(
        [
            st.tuples(st.just(name), st.one_of(st.sampled_from(values), latin1()))
            for name, values in sorted(HEADER_VALUES.items())
        ]
    )
    return st.builds(
        lambda host, chosen, xff: {"HTTP_HOST": host, "HTTP_USER_AGENT": BROWSER, **dict(chosen), **xff},
        hosts(),
        st.lists(one, max_size=5),
        st.one_of(st.just({}), forwarded_for().map(lambda v: {"HTTP_X_FORWARDED_FOR": v})),
    )


# --- cookies ----------------------------------------------------------------------------------------
def cookie_value():
    return st.one_of(
        latin1().map(lambda s: s.replace(";", "")),
        st.sampled_from(['"\\000abcdefghijk"', '"abc\\000def\\377"', '"unterminated', "\\", "=", '""']),
        st.text(string.ascii_lowercase + string.digits, min_size=32, max_size=32),  # a well-formed key
    )


def view_cookie():
    """The view-count cookie: garbage, or signed by us with garbage inside (as an older release of the
    portal, or a leaked key, could have written it)."""
    entry = st.one_of(
        st.builds(lambda n, t: f"article{n}-{t}", st.integers(0, 10**6), st.integers(0, 10**10)),
        st.builds(lambda n: f"article1-{'9' * n}", st.integers(10, 5000)),
        latin1().map(lambda s: s.replace(";", "")),
    )
    signed = st.lists(entry, max_size=50).map(
        lambda entries: signing.get_cookie_signer(salt=COOKIE_NAME + COOKIE_SALT).sign(".".join(entries))
    )
    return st.one_of(cookie_value(), signed).map(lambda v: v.replace(";", ""))


def cookies(staff_session_key):
    named = st.one_of(
        st.tuples(st.just(settings.SESSION_COOKIE_NAME), cookie_value()),
        st.tuples(st.just(settings.SESSION_COOKIE_NAME), st.just(staff_session_key)),
        st.tuples(st.just(settings.CSRF_COOKIE_NAME), cookie_value()),
        st.tuples(st.just(COOKIE_NAME), view_cookie()),
        st.tuples(latin1(12).map(lambda s: s.replace(";", "").replace("=", "")), cookie_value()),
    )
    header = st.lists(named, max_size=4).map(lambda pairs: "; ".join(f"{k}={v}" for k, v in pairs))
    return st.one_of(header, latin1())


# --- bodies -----------------------------------------------------------------------------------------
FORM_KEYS = ["username", "password", "next", "csrfmiddlewaretoken", "this_is_the_login_form", "q", "upload"]
BOUNDARY = "ranh-gioi-0123456789"
CONTENT_TYPES = [
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=koi8-r",
    "application/x-www-form-urlencoded; charset=xx",
    "multipart/form-data",
    "multipart/form-data; boundary=",
    f"multipart/form-data; boundary={'x' * 200}",
    "application/json",
    "text/plain",
    "",
]


def form_pairs(credentials):
    """Fields a login or search form could carry, sometimes a staff member's real name and password."""
    value = st.one_of(text(), st.sampled_from(credentials))
    return st.lists(st.tuples(st.one_of(st.sampled_from(FORM_KEYS), text()), value), max_size=6)


def file_content():
    from tests.staff.files import image_bytes, png_bomb, truncated_jpeg

    return st.one_of(
        st.binary(max_size=200),
        st.sampled_from([image_bytes((40, 30)), truncated_jpeg(), png_bomb(), b"<svg onload=alert(1)>"]),
    )


def multipart(pairs, files):
    lines = []
    for name, value in pairs:
        lines += [f"--{BOUNDARY}", f'Content-Disposition: form-data; name="{name}"', "", value]
    encoded = [line.encode() for line in lines]
    for name, filename, content in files:
        encoded += [
            f"--{BOUNDARY}".encode(),
            f'Content-Disposition: form-data; name="{name}"; filename="{filename}"'.encode(),
            b"Content-Type: image/jpeg",
            b"",
            content,
        ]
    return b"\r\n".join([*encoded, f"--{BOUNDARY}--".encode(), b""])


@dataclass
class Body:
    content: bytes
    content_type: str

    def __repr__(self):
        shown = self.content[:300] + (b"..." if len(self.content) > 300 else b"")
        return f"Body({shown!r}, {self.content_type!r})"


def bodies(credentials):
    pairs = form_pairs(credentials)
    urlencoded = pairs.map(
        lambda ps: Body(
            "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in ps).encode(),
            "application/x-www-form-urlencoded",
        )
    )
    upload = st.tuples(
        st.sampled_from(["upload", "file", ""]), text().map(lambda s: s.replace('"', "")), file_content()
    )
    form_data = st.builds(
        lambda ps, fs: Body(multipart(ps, fs), f"multipart/form-data; boundary={BOUNDARY}"),
        pairs.map(lambda ps: [(k.replace('"', ""), v) for k, v in ps]),
        st.lists(upload, max_size=2),
    )
    raw = st.builds(
        Body,
        st.one_of(st.binary(max_size=300), text().map(lambda s: s.encode())),
        st.one_of(
            st.sampled_from(CONTENT_TYPES),
            latin1(),
        ),
    )
    return st.one_of(st.just(Body(b"", "")), urlencoded, form_data, raw)


@dataclass
class Visit:
    """One request: what the fuzz test sends and, when it fails, what hypothesis shows."""

    method: str
    path: bytes
    query: str
    meta: dict
    body: Body
    behind_proxy: bool
    check_csrf: bool


# What one fuzz run varies; the rest of each request is what a resident's phone sends. Varying all at
# once, most requests stop at the first thing wrong with them (a foreign Host, a 405, a 404) and the
# code behind it, reading the query or the cookies, is seldom reached.
FOCUSES = ("path", "query", "headers", "cookies", "body", "anything")
SANE_META = {"HTTP_HOST": "localhost", "HTTP_USER_AGENT": BROWSER}


def visits(addresses, real, staff_session_key, credentials, focus):
    def wild(*names):
        return focus in names or focus == "anything"

    sane_paths = [real_paths(a, real) for a in addresses]
    sane_paths = [p for p in sane_paths if p is not None] or [matching_path(a) for a in addresses]
    any_path = [path_for(a, real) for a in addresses]
    methods = {"body": FORM_METHODS, "anything": PAGE_METHODS}.get(focus, ["GET", "GET", "HEAD"])
    return st.builds(
        Visit,
        method=st.sampled_from(methods),
        path=st.one_of(any_path if wild("path") else sane_paths),
        # The empty choice second: hypothesis draws the first branch of one_of more often.
        query=st.one_of(query_string(), st.just("")) if wild("query") else st.just(""),
        meta=st.builds(
            lambda h, c: {**h, "HTTP_COOKIE": c} if c else h,
            headers() if wild("headers") else st.just(SANE_META),
            st.one_of(cookies(staff_session_key), st.just("")) if wild("cookies") else st.just(""),
        ),
        body=bodies(credentials) if wild("body") else st.just(Body(b"", "")),
        behind_proxy=st.booleans() if wild("headers") else st.just(False),
        check_csrf=st.booleans() if wild("body") else st.just(False),
    )
