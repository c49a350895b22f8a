"""Staff answer questions in the admin: the queue, the answer, publishing by approvers only, versions,
and the sender's contact data for those with questions.view_contact alone."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from questions.models import Question
from tests.staff.people import APPROVERS, EDITORS, make_staff

RECEPTION = "Tiếp nhận hỏi đáp"
LIST = reverse("admin:questions_question_changelist")
PRIVATE = ("Hoàng Văn Em", "0977111222", "em.hoang@example.vn", "Tổ dân phố số 9")


def change_url(question):
    return reverse("admin:questions_question_change", args=[question.pk])


def answer_form(question, **fields):
    when = timezone.localtime(question.published_at)
    data = {
        "subject": question.subject,
        "body": question.body,
        "answer": question.answer,
        "status": question.status,
        "published_at_0": when.strftime("%d/%m/%Y"),
        "published_at_1": when.strftime("%H:%M:%S"),
    }
    data.update(fields)
    return data


@pytest.fixture
def asked(make_question):
    name, phone, email, group = PRIVATE
    return make_question(
        name=name,
        phone=phone,
        email=email,
        residential_group=group,
        subject="Hỏi về hồ sơ trợ cấp",
        body="Mẹ tôi 80 tuổi, xin hỏi thủ tục nhận trợ cấp.",
        answer="",
        status=Question.Status.DRAFT,
    )


@pytest.fixture
def as_staff(client, db):
    def login(*groups):
        user = make_staff("-".join(str(hash(g) % 1000) for g in groups) or "nv", groups[0])
        for group in groups[1:]:
            user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        return user

    return login


def test_the_front_page_shows_the_queue_chờ_trả_lời(client, as_staff, asked, make_question):
    make_question(status=Question.Status.REVIEW)
    as_staff(EDITORS)
    text = client.get(reverse("admin:index")).content.decode()
    assert "Câu hỏi của người dân chờ trả lời" in text
    assert f'href="{LIST}?tra_loi=cho"' in text
    assert "Hỏi đáp chờ duyệt đăng lên trang" in text
    queue = client.get(LIST + "?tra_loi=cho").content.decode()
    assert asked.reference in queue and "Chờ trả lời" in queue


@pytest.mark.parametrize("groups", [(EDITORS,), (APPROVERS,)])
def test_without_the_permission_contact_data_is_nowhere_in_the_admin(client, as_staff, asked, groups):
    as_staff(*groups)
    pages = [
        LIST,
        change_url(asked),
        reverse("admin:questions_question_history", args=[asked.pk]),
    ]
    for address in pages:
        text = client.get(address).content.decode()
        for private in PRIVATE:
            assert private not in text, (address, private)
    # A search by phone, email or name finds nothing: those fields are not searched for them (the
    # search box shows what they typed, so the page is read for the question's reference).
    for query in ("0977111222", "em.hoang", "Hoàng Văn Em"):
        assert asked.reference not in client.get(LIST, {"q": query}).content.decode()
    assert asked.reference in client.get(LIST, {"q": "trợ cấp"}).content.decode()


def test_with_the_permission_contact_data_is_shown_and_searched(client, as_staff, asked):
    as_staff(RECEPTION)
    assert "0977111222" in client.get(LIST).content.decode()
    found = client.get(LIST + "?q=0977111222").content.decode()
    assert asked.reference in found
    form = client.get(change_url(asked)).content.decode()
    for private in PRIVATE:
        assert private in form
    assert "Người gửi (chỉ cán bộ tiếp nhận hỏi đáp xem được)" in form


def test_contact_data_cannot_be_changed_even_with_the_permission(client, as_staff, asked):
    as_staff(RECEPTION)
    client.post(
        change_url(asked), answer_form(asked, name="Người khác", phone="0900000000", answer="Đã gọi.")
    )
    asked.refresh_from_db()
    assert asked.name == "Hoàng Văn Em" and asked.phone == "0977111222"
    assert asked.answer == "Đã gọi."


def test_an_editor_answers_and_proposes_but_cannot_publish(client, as_staff, asked):
    editor = as_staff(EDITORS)
    response = client.post(
        change_url(asked), answer_form(asked, answer="Xin mời bác đến phường.", status="review")
    )
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.status == Question.Status.REVIEW
    assert asked.answered_by == editor and asked.answered_at is not None
    response = client.post(change_url(asked), answer_form(asked, status="published"))
    assert "Chỉ người duyệt tin mới được xuất bản" in response.content.decode()
    asked.refresh_from_db()
    assert asked.status == Question.Status.REVIEW


def test_an_approver_publishes_and_the_public_sees_it_without_the_sender(client, as_staff, asked):
    as_staff(APPROVERS)
    response = client.post(
        change_url(asked), answer_form(asked, answer="Bác mang sổ hộ khẩu đến phường.", status="published")
    )
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.is_public
    client.logout()
    text = client.get("/hoi-dap/").content.decode()
    assert "Bác mang sổ hộ khẩu đến phường." in text and "Một người dân" in text
    assert "Hoàng Văn Em" not in text


def test_a_question_without_an_answer_cannot_be_published(client, as_staff, asked):
    as_staff(APPROVERS)
    response = client.post(change_url(asked), answer_form(asked, status="published"))
    assert "chưa có câu trả lời nên chưa đăng lên trang Hỏi đáp được" in response.content.decode()
    asked.refresh_from_db()
    assert asked.status == Question.Status.DRAFT
    data = {"action": "publish_selected", "_selected_action": [asked.pk]}
    response = client.post(LIST, data, follow=True)
    assert "1 câu hỏi chưa có câu trả lời nên chưa đăng." in response.content.decode()
    asked.refresh_from_db()
    assert asked.status == Question.Status.DRAFT


def test_the_answer_is_plain_text_and_nfc(client, as_staff, asked):
    as_staff(APPROVERS)
    client.post(change_url(asked), answer_form(asked, answer="  Tra\u0309 lơ\u0300i <b>ngay</b>  "))
    asked.refresh_from_db()
    assert asked.answer == "Trả lời <b>ngay</b>"


def test_versions_keep_the_answer_and_never_the_contact_data(client, as_staff, asked):
    as_staff(APPROVERS)
    client.post(change_url(asked), answer_form(asked, answer="Lần một."))
    client.post(change_url(asked), answer_form(asked, answer="Lần hai."))
    versions = Version.objects.get_for_object(asked)
    assert versions.count() == 2
    for version in versions:
        for private in PRIVATE:
            assert private not in version.serialized_data
    assert "Lần một." in versions.last().serialized_data


def test_staff_add_no_questions_by_hand(client, as_staff, db):
    as_staff(APPROVERS)
    assert client.get(reverse("admin:questions_question_add")).status_code == 403


@pytest.mark.parametrize("count", [2, 8])
def test_the_list_asks_the_database_the_same_for_more_questions(
    client, as_staff, make_question, django_assert_num_queries, count
):
    for _ in range(count):
        make_question(answer="")
    as_staff(RECEPTION)
    client.get(LIST)
    # Session, user, permissions (user's and groups'), the count twice (filtered and total), the rows.
    with django_assert_num_queries(7):
        assert client.get(LIST).status_code == 200


def test_the_migration_gives_each_group_its_part_of_hoi_dap(db):
    def codenames(name):
        permissions = Group.objects.get(name=name).permissions.filter(content_type__app_label="questions")
        return set(permissions.values_list("codename", flat=True))

    assert codenames(EDITORS) == {"view_question", "change_question"}
    assert codenames(APPROVERS) == {"view_question", "change_question", "publish_question", "delete_question"}
    assert codenames(RECEPTION) == {"view_question", "change_question", "view_contact"}


@pytest.mark.parametrize(
    "lookup", ["phone", "phone__startswith", "email__icontains", "name__exact", "residential_group"]
)
def test_contact_data_cannot_be_probed_by_filtering_the_list(client, as_staff, asked, lookup):
    as_staff(EDITORS)
    response = client.get(LIST, {lookup: "09"})
    assert asked.reference not in response.content.decode()
    assert response.status_code == 400


def test_with_the_permission_the_list_may_be_filtered_by_phone(client, as_staff, asked):
    as_staff(RECEPTION)
    assert asked.reference in client.get(LIST, {"phone__startswith": "0977"}).content.decode()


def test_the_history_compares_two_answers(client, as_staff, asked):
    as_staff(APPROVERS)
    client.post(change_url(asked), answer_form(asked, answer="Xin mời bác đến phường sáng thứ Hai."))
    client.post(change_url(asked), answer_form(asked, answer="Xin mời bác đến phường sáng thứ Ba."))
    old, new = Version.objects.get_for_object(asked).order_by("pk")
    address = reverse("admin:questions_question_compare", args=[asked.pk])
    text = client.get(address, {"tu": old.pk, "den": new.pk}).content.decode()
    assert "Câu trả lời" in text
    assert "<del>Hai.</del>" in text and "<ins>Ba.</ins>" in text
    for private in PRIVATE:
        assert private not in text
