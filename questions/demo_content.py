"""Demo questions for `manage.py load_demo`: residents' questions and the ward's answers, our own words.

Invented senders at example addresses; the answered ones are published, one waits for an answer.
"""

from datetime import timedelta

from django.utils import timezone

from .models import Question

# (subject, question, answer or "", days ago it was asked)
QUESTIONS = [
    (
        "Giờ tiếp nhận hồ sơ vào thứ Bảy",
        "Tôi đi làm cả tuần, chỉ rảnh sáng thứ Bảy. Bộ phận một cửa của phường có nhận hồ sơ chứng thực"
        " bản sao vào thứ Bảy không ạ?",
        "Bộ phận tiếp nhận và trả kết quả của phường làm việc sáng thứ Bảy từ 7 giờ 30 đến 11 giờ 30,"
        " nhận hồ sơ chứng thực bản sao và xác nhận cư trú.\n\nBạn nhớ mang theo bản chính giấy tờ cần"
        " chứng thực và căn cước của mình.",
        12,
    ),
    (
        "Đèn chiếu sáng ngõ 12 bị hỏng",
        "Cột đèn đầu ngõ 12 tổ dân phố số 4 tắt đã gần hai tuần, buổi tối các cháu đi học về rất tối."
        " Mong phường cho người sửa.",
        "Cảm ơn bác đã báo. Phường đã chuyển tin đến đơn vị quản lý chiếu sáng; đèn đã được thay bóng"
        " ngày 25/11. Nếu đèn lại tắt, xin gọi tổ trưởng tổ dân phố hoặc văn phòng phường.",
        8,
    ),
    (
        "Góp ý về giờ thu gom rác",
        "Xe thu gom rác đến khu tôi lúc 22 giờ, nhiều nhà đã ngủ nên rác để ngoài đường cả đêm. Đề nghị"
        " phường bàn với đơn vị thu gom cho xe đến sớm hơn.",
        "Phường ghi nhận góp ý. Từ tháng 12, xe thu gom ở các tổ dân phố số 3, 4 và 5 đến trong khoảng"
        " 18 giờ 30 đến 20 giờ. Xin bà con để rác đúng giờ, buộc kín túi.",
        5,
    ),
    (
        "Đăng ký lớp học bơi hè cho thiếu nhi",
        "Năm nay phường có mở lớp dạy bơi miễn phí cho các cháu như năm ngoái không, đăng ký ở đâu?",
        "",
        1,
    ),
]


def load(stdout):
    """Create the demo questions not yet there (by subject), and say how many were made."""
    now = timezone.now()
    existing = set(
        Question.objects.filter(subject__in=[q[0] for q in QUESTIONS]).values_list("subject", flat=True)
    )
    made = 0
    for n, (subject, body, answer, days_ago) in enumerate(QUESTIONS, start=1):
        if subject in existing:
            continue
        question = Question.objects.create(
            name=f"Người dân mẫu {n}",
            email=f"nguoidan{n}@example.vn",
            residential_group=f"Tổ dân phố số {n + 2}",
            subject=subject,
            body=body,
            answer=answer,
            status=Question.Status.PUBLISHED if answer else Question.Status.DRAFT,
            published_at=now - timedelta(days=days_ago - 1),
        )
        # Asked some days ago and answered the day after, as the dates on the page then read.
        asked = now - timedelta(days=days_ago)
        Question.objects.filter(pk=question.pk).update(
            created_at=asked, answered_at=asked + timedelta(days=1) if answer else None
        )
        made += 1
    if made:
        stdout.write(f"Đã tạo {made} câu hỏi mẫu.")
