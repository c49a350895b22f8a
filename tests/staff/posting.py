"""The admin's article form as a browser posts it: fields, the split date and time, the photo rows."""

from html.parser import HTMLParser

from django.utils import timezone

from news.models import Article


def article_form(photos=(), existing=(), **fields):
    """The POST data of the admin's article form: fields, then new photo rows (dicts with a file)."""
    when = timezone.localtime(fields.pop("published_at", timezone.now()))
    data = {
        "title": "Hội nghị sơ kết công tác Đảng",
        "slug": "",
        "summary": "Tóm tắt hội nghị.",
        "category": "",
        "status": Article.Status.DRAFT,
        "published_at_0": when.strftime("%d/%m/%Y"),
        "published_at_1": when.strftime("%H:%M:%S"),
        "body": "<p>Đoạn một.</p><p>Đoạn hai.</p>",
    }
    data.update(fields)
    rows = [*existing, *photos]
    data.update(
        {
            "photos-TOTAL_FORMS": str(len(rows)),
            "photos-INITIAL_FORMS": str(len(existing)),
            "photos-MIN_NUM_FORMS": "0",
            "photos-MAX_NUM_FORMS": "1000",
        }
    )
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"photos-{index}-{key}"] = value
    return data


class _FormReader(HTMLParser):
    """The fields a browser would send back from a page's forms, untouched (files and buttons aside)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.data = {}
        self._textarea = self._select = None
        self._text = []
        self._first_option = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type", "text") not in ("file", "submit", "button", "image"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data[name] = attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []
        elif tag == "select" and name:
            self._select, self._first_option = name, None
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in attrs:
                self.data[self._select] = value

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea:
            # The newline after <textarea> is not part of its value, as in a browser.
            self.data[self._textarea] = "".join(self._text).removeprefix("\n")
            self._textarea = None
        elif tag == "select" and self._select:
            self.data.setdefault(self._select, self._first_option or "")
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)


def form_as_sent(page):
    """The POST data of the page's form as a browser sends it when staff press "Lưu" and change nothing."""
    reader = _FormReader()
    reader.feed(page)
    reader.data.pop("csrfmiddlewaretoken", None)
    return reader.data
