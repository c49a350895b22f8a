"""The admin's article form as a browser posts it: fields, the split date and time, the photo rows."""

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
