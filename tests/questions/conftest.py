"""Questions made the way residents send them and staff answer them, on the real database."""

import itertools
from datetime import timedelta

import pytest
from django.utils import timezone

from questions.models import Question

_serial = itertools.count(1)


@pytest.fixture
def form_data():
    """What a resident types into the form, valid; each call a different sender."""

    def make(**fields):
        n = next(_serial)
        data = {
            "name": f"Nguyễn Văn An {n}",
            "phone": f"0912 {n % 1000:03d} {n % 1000:03d}",
            "email": "",
            "residential_group": "Tổ dân phố số 5",
            "subject": "Hỏi về giờ làm việc của bộ phận một cửa",
            "body": "Xin hỏi bộ phận một cửa có làm việc sáng thứ Bảy không?\nTôi cảm ơn.",
            "website": "",
        }
        data.update(fields)
        return data

    return make


@pytest.fixture
def make_question(db):
    made_here = itertools.count(1)

    def make(**fields):
        n = next(_serial)
        fields.setdefault("name", f"Trần Thị Bình {n}")
        fields.setdefault("phone", "0987654321")
        fields.setdefault("email", f"binh{n}@example.vn")
        fields.setdefault("residential_group", "Tổ dân phố số 2")
        fields.setdefault("subject", f"Câu hỏi số {n} về đường ngõ")
        fields.setdefault("body", f"Nội dung câu hỏi số {n}.")
        fields.setdefault("answer", f"Câu trả lời số {n} của phường.")
        fields.setdefault("status", Question.Status.PUBLISHED)
        fields.setdefault("published_at", timezone.now() - timedelta(hours=next(made_here)))
        return Question.objects.create(**fields)

    return make
