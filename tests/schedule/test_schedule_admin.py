"""Staff enter a week in the admin: dd/mm/yyyy and 24-hour times, Vietnamese refusals, review through
the publishing core, the "điều chỉnh" mark on a published week, and "Chép lịch tuần trước"."""

from datetime import date, time, timedelta

from django.urls import reverse
from reversion.models import Version

from schedule.models import Entry, Week

from .conftest import MONDAY, local

ADD = reverse("admin:schedule_week_add")


def week_form(entries=(), existing=(), **fields):
    data = {
        "monday": "30/11/2026",
        "note": "",
        "status": Week.Status.DRAFT,
        "published_at_0": "27/11/2026",
        "published_at_1": "08:00:00",
    }
    data.update(fields)
    rows = [*existing, *entries]
    data.update(
        {
            "entries-TOTAL_FORMS": str(len(rows)),
            "entries-INITIAL_FORMS": str(len(existing)),
            "entries-MIN_NUM_FORMS": "0",
            "entries-MAX_NUM_FORMS": "1000",
        }
    )
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"entries-{index}-{key}"] = value
    return data


def row(**fields):
    return {"day": "30/11/2026", "start": "", "end": "", "part": "", "what": "Giao ban", **fields}


def test_an_editor_enters_a_week_with_vietnamese_dates_and_times(editor_client):
    data = week_form(
        [row(start="7h30", end="09:00", place="Phòng họp số 1"), row(day="01/12/2026", part="sang")]
    )
    response = editor_client.post(ADD, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    week = Week.objects.get()
    assert week.monday == MONDAY and week.status == Week.Status.DRAFT
    first, second = week.entries.all()
    assert (first.start, first.end, first.place) == (time(7, 30), time(9, 0), "Phòng họp số 1")
    assert (second.day, second.part) == (date(2026, 12, 1), "sang")


def test_an_end_before_the_start_is_refused_and_nothing_is_saved(editor_client):
    response = editor_client.post(ADD, week_form([row(start="14:00", end="08:30")]))
    assert response.status_code == 200
    assert "Giờ kết thúc (08:30) phải sau giờ bắt đầu (14:00)." in response.text
    assert not Week.objects.exists() and not Entry.objects.exists()


def test_a_twelve_hour_time_is_refused_in_vietnamese(editor_client):
    response = editor_client.post(ADD, week_form([row(start="2:30 PM")]))
    assert "Giờ không hợp lệ. Xin gõ giờ theo 24 giờ" in response.text
    assert not Week.objects.exists()


def test_a_day_of_another_week_and_a_wednesday_as_monday_are_refused(editor_client):
    response = editor_client.post(ADD, week_form([row(day="08/12/2026")]))
    assert "Ngày 08/12/2026 không thuộc tuần này" in response.text
    response = editor_client.post(ADD, week_form(monday="02/12/2026"))
    assert "Ngày 02/12/2026 là Thứ Tư; tuần này bắt đầu từ Thứ Hai 30/11/2026" in response.text
    assert not Week.objects.exists()


def test_an_editor_cannot_publish_a_week(editor_client):
    response = editor_client.post(ADD, week_form([row(start="08:00")], status=Week.Status.PUBLISHED))
    assert "Chỉ người duyệt tin mới được xuất bản" in response.text
    assert not Week.objects.exists()


def test_entries_written_as_the_week_is_published_are_not_amendments(approver_client):
    response = approver_client.post(ADD, week_form([row(start="08:00")], status=Week.Status.PUBLISHED))
    assert response.status_code == 302
    assert Week.objects.get().is_public
    assert Entry.objects.get().amended_at is None


def _existing(entry, **changes):
    return {
        "id": str(entry.pk),
        "week": str(entry.week_id),
        "day": entry.day.strftime("%d/%m/%Y"),
        "start": entry.start.strftime("%H:%M") if entry.start else "",
        "end": entry.end.strftime("%H:%M") if entry.end else "",
        "part": entry.part,
        "what": entry.what,
        "place": entry.place,
        **changes,
    }


def test_an_approver_amends_a_published_week_the_entry_is_marked_with_its_time(
    approver_client, make_week, at
):
    week = make_week(entries=[{"what": "Họp chi bộ", "start": time(8, 0)}, {"what": "Tiếp công dân"}])
    changed, untouched = week.entries.all()
    when = at(local(date(2026, 12, 2), 14, 30))
    data = week_form(
        existing=[_existing(changed, start="09:30"), _existing(untouched)],
        status=Week.Status.PUBLISHED,
        published_at_0=f"{week.published_at.astimezone(local(MONDAY).tzinfo):%d/%m/%Y}",
        published_at_1=f"{week.published_at.astimezone(local(MONDAY).tzinfo):%H:%M:%S}",
    )
    response = approver_client.post(reverse("admin:schedule_week_change", args=[week.pk]), data)
    assert response.status_code == 302
    changed.refresh_from_db()
    untouched.refresh_from_db()
    assert changed.amended_at == when and changed.start == time(9, 30)
    assert untouched.amended_at is None
    # Kept in the versions: the last one holds the entry with its mark.
    version = Version.objects.get_for_model(Entry).filter(object_id=str(changed.pk)).order_by("-pk").first()
    assert version.field_dict["amended_at"] == when
    page = approver_client.get(week.get_absolute_url())
    assert "Điều chỉnh lúc 14:30 ngày 02/12/2026" in page.text


def test_copying_last_week_makes_next_weeks_draft_from_its_recurring_entries(approver_client, make_week):
    week = make_week(
        entries=[
            {"what": "Giao ban đầu tuần", "start": time(7, 30), "recurring": True},
            {"what": "Tiếp công dân", "part": "sang", "day": MONDAY + timedelta(days=1), "recurring": True},
            {"what": "Hội nghị Ban Chấp hành", "start": time(8, 0)},
        ]
    )
    response = approver_client.post(
        reverse("admin:schedule_week_changelist"),
        {"action": "copy_to_next_week", "_selected_action": [week.pk]},
    )
    new = Week.objects.get(monday=MONDAY + timedelta(days=7))
    assert response.status_code == 302 and response.url == reverse(
        "admin:schedule_week_change", args=[new.pk]
    )
    assert new.status == Week.Status.DRAFT
    copied = [(e.day, e.what, e.start, e.part, e.recurring) for e in new.entries.all()]
    assert copied == [
        (date(2026, 12, 7), "Giao ban đầu tuần", time(7, 30), "", True),
        (date(2026, 12, 8), "Tiếp công dân", None, "sang", True),
    ]
    # Copied entries are new ones: their own calendar identities.
    assert not set(new.entries.values_list("uid", flat=True)) & set(
        week.entries.values_list("uid", flat=True)
    )


def test_copying_onto_a_week_that_exists_changes_nothing_and_says_so(approver_client, make_week):
    week = make_week(entries=[{"what": "Giao ban", "recurring": True}])
    make_week(monday=MONDAY + timedelta(days=7), entries=[{"what": "Việc đã có"}])
    response = approver_client.post(
        reverse("admin:schedule_week_changelist"),
        {"action": "copy_to_next_week", "_selected_action": [week.pk]},
        follow=True,
    )
    assert "Tuần 07/12/2026 đã có lịch, không chép đè." in response.text
    assert list(
        Entry.objects.filter(week__monday=MONDAY + timedelta(days=7)).values_list("what", flat=True)
    ) == ["Việc đã có"]


def test_versions_of_a_week_compare_and_restore_its_entries(approver_client, make_week):
    week = make_week(status=Week.Status.DRAFT)
    change = reverse("admin:schedule_week_change", args=[week.pk])
    first = week_form([row(start="08:00", what="Họp chi bộ tháng 12")])
    assert approver_client.post(change, first).status_code == 302
    entry = week.entries.get()
    second = week_form(existing=[_existing(entry, what="Họp chi bộ mở rộng")])
    assert approver_client.post(change, second).status_code == 302
    versions = list(Version.objects.get_for_object(week).order_by("pk"))
    assert len(versions) == 2
    compare = approver_client.get(
        reverse("admin:schedule_week_compare", args=[week.pk]), {"tu": versions[0].pk, "den": versions[1].pk}
    )
    assert compare.status_code == 200
    assert "<del>tháng 12</del>" in compare.text and "<ins>mở rộng</ins>" in compare.text
    restore = reverse("admin:schedule_week_restore", args=[week.pk, versions[0].pk])
    assert approver_client.get(restore).status_code == 200
    assert approver_client.post(restore).status_code == 302
    assert list(week.entries.values_list("what", flat=True)) == ["Họp chi bộ tháng 12"]


def test_a_nul_byte_or_a_5000_character_text_is_refused_in_vietnamese(editor_client):
    response = editor_client.post(ADD, week_form([row(start="08:00", what="Giao ban\x00")]))
    assert response.status_code == 200 and "Nội dung có ký tự không hợp lệ (ký tự NUL)." in response.text
    response = editor_client.post(ADD, week_form([row(start="08:00", what="Giao ban " * 600)]))
    assert response.status_code == 200 and "tối đa 1000 kí tự" in response.text
    assert not Week.objects.exists() and not Entry.objects.exists()


def test_an_editor_cannot_change_the_entries_of_a_published_week(editor_client, make_week):
    week = make_week(entries=[{"what": "Giao ban"}])
    entry = week.entries.get()
    data = week_form(existing=[_existing(entry, what="Giao ban đã sửa")], status=Week.Status.PUBLISHED)
    response = editor_client.post(reverse("admin:schedule_week_change", args=[week.pk]), data, follow=True)
    assert "chỉ người duyệt tin mới được sửa" in response.text
    entry.refresh_from_db()
    assert entry.what == "Giao ban"
