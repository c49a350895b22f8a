"""manage.py backup and restore: everything a ward publishes comes back from one archive.

Run on SQLite and on PostgreSQL (DATABASE_URL=postgres://…): the database part differs (the backup API,
pg_dump/pg_restore), the rest is the same.
"""

import io
import tarfile
from datetime import date, timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import timezone
from reversion.models import Version

from backups import archive
from documents.models import Document, DocumentFile, DocumentType, IssuingBody
from news.models import Article, ArticlePhoto, DailyViews
from news.view_log import add_views
from publishing import revisions, trash
from tests.documents.samples import pdf_bytes

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def archives(tmp_path, settings):
    settings.PORTAL_BACKUP_ROOT = tmp_path / "archives"
    return settings.PORTAL_BACKUP_ROOT


@pytest.fixture
def ward_content(make_article, make_photo, category, django_user_model, settings):
    """Two articles, photos with captions, two versions of one, views (lifetime, per day), a trashed
    photo, and a document (Văn bản) with its file in the documents' private storage."""
    editor = django_user_model.objects.create_user("bientap", password="mat-khau-dai-123", is_staff=True)
    first = make_article(title="Hội nghị sơ kết công tác dân vận", category=category)
    second = make_article(title="Tổng vệ sinh khu dân cư số 3")
    photos = [
        make_photo(first, caption="Đồng chí Bí thư phát biểu"),
        make_photo(first, caption="Đại biểu dự hội nghị"),
        make_photo(second, caption="Thanh niên dọn rác bờ kênh"),
    ]
    revisions.record(first, editor, "Tạo bài")
    first.summary = "Tóm tắt đã sửa sau khi duyệt."
    first.save()
    revisions.record(first, editor, "Sửa tóm tắt")
    add_views(
        {
            (first.pk, date(2026, 11, 30)): 12,
            (first.pk, date(2026, 12, 1)): 5,
            (second.pk, date(2026, 12, 1)): 3,
        }
    )
    removed = make_photo(second, caption="Ảnh chụp nhầm")
    removed_name = removed.image.name
    trash.retire(default_storage, removed_name)
    document = Document.objects.create(
        number="07-NQ/ĐU",
        doc_type=DocumentType.objects.get_or_create(name="Nghị quyết")[0],
        issuer=IssuingBody.objects.create(name="Ban Chấp hành Đảng bộ phường", order=1),
        summary="Về nâng cao chất lượng sinh hoạt chi bộ khu dân cư",
        issued_on=date(2026, 4, 26),
        signer="Trần Thị Mai",
        status=Document.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=1),
    )
    attached = DocumentFile(document=document)
    attached.file = SimpleUploadedFile("nghi-quyet-07.pdf", pdf_bytes())
    attached.save()
    return {"articles": [first, second], "photos": photos, "trashed": removed_name}


def snapshot():
    """What a reader and an approver can see, as plain values."""
    return {
        "articles": sorted(
            Article.objects.values_list("pk", "title", "summary", "slug", "view_total__views", "status")
        ),
        "photos": sorted(
            ArticlePhoto.objects.values_list("pk", "article_id", "caption", "image", "thumbnail")
        ),
        "versions": sorted(Version.objects.values_list("pk", "object_id", "serialized_data")),
        "comments": sorted(Version.objects.values_list("revision__comment", flat=True)),
        "daily": sorted(DailyViews.objects.values_list("article_id", "day", "views")),
        "documents": sorted(DocumentFile.objects.values_list("document__number", "file", "downloads")),
    }


def stored_files():
    from backups import folders

    return {
        part: {name: folders.storage(part).open(name).read() for name in folders.names(part)}
        for part in folders.PARTS
    }


def wipe():
    """A new server: every table empty, no media, no private folders."""
    from backups.folders import clear

    call_command("flush", interactive=False, verbosity=0)
    for part in ("media", "trash", "documents"):
        clear(part)


def only_archive(folder):
    (path,) = sorted(folder.glob("portal-*.tar"))
    return path


def test_backup_wipe_restore_brings_back_every_article_photo_revision_and_view(
    ward_content, archives, capsys
):
    before = snapshot()
    files_before = stored_files()
    assert len(before["versions"]) >= 2 and before["daily"] and files_before["trash"]
    assert before["documents"] and files_before["documents"]

    call_command("backup")
    assert "Đã sao lưu vào" in capsys.readouterr().out
    path = only_archive(archives)
    assert oct(path.stat().st_mode & 0o777) == "0o600"

    wipe()
    assert Article.objects.count() == 0 and not default_storage.listdir("")[1]

    call_command("restore", str(path))
    assert "Đã khôi phục" in capsys.readouterr().out
    assert snapshot() == before
    assert stored_files() == files_before
    # The trashed photo comes back from the restored trash, as an approver restoring a version needs.
    assert trash.bring_back(default_storage, ward_content["trashed"])


def test_restore_refuses_a_database_with_content_and_changes_nothing(ward_content, archives):
    call_command("backup")
    Article.objects.filter(pk=ward_content["articles"][0].pk).update(title="Tiêu đề sửa sau sao lưu")
    with pytest.raises(CommandError, match=r"Cơ sở dữ liệu không trống .*--force"):
        call_command("restore", str(only_archive(archives)))
    assert Article.objects.filter(title="Tiêu đề sửa sau sao lưu").exists()


def test_restore_refuses_a_media_folder_with_files(ward_content, archives):
    call_command("backup")
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(CommandError, match=r"Thư mục ảnh \(MEDIA_ROOT\) không trống"):
        call_command("restore", str(only_archive(archives)))
    assert Article.objects.count() == 0


def test_restore_force_replaces_what_is_there(ward_content, archives):
    before = snapshot()
    files_before = stored_files()
    call_command("backup")
    Article.objects.filter(pk=ward_content["articles"][0].pk).update(title="Tiêu đề sửa sau sao lưu")
    default_storage.save("uploads/la.jpg", default_storage.open(next(iter(files_before["media"]))))

    call_command("restore", str(only_archive(archives)), force=True)

    assert snapshot() == before
    assert stored_files() == files_before


def test_a_damaged_archive_is_refused_before_anything_changes(ward_content, archives):
    call_command("backup")
    path = only_archive(archives)
    with tarfile.open(path) as tar:
        photo = next(m for m in tar.getmembers() if m.name.startswith("media/"))
    data = bytearray(path.read_bytes())
    data[photo.offset_data + 100] ^= 0xFF
    path.write_bytes(bytes(data))
    wipe()
    with pytest.raises(CommandError, match="không khớp mã kiểm tra SHA-256"):
        call_command("restore", str(path))
    assert Article.objects.count() == 0
    assert not default_storage.listdir("")[1]


def test_an_archive_from_another_database_kind_is_refused(ward_content, archives, tmp_path):
    from django.db import connection

    call_command("backup")
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    source = only_archive(archives)
    forged = tmp_path / "portal-2026-01-01-000000.tar"
    writer = archive.Writer(forged, other)
    for name, member, mtime in archive.members(source):
        data = member.read()
        writer.add(name, io.BytesIO(data), len(data), mtime)
    writer.close()
    with pytest.raises(CommandError, match="không khôi phục chéo được"):
        call_command("restore", str(forged), force=True)


def test_backup_refuses_a_folder_the_web_server_publishes(db, settings):
    settings.PORTAL_BACKUP_ROOT = settings.MEDIA_ROOT / "sao-luu"
    with pytest.raises(CommandError, match="nằm trong"):
        call_command("backup")
    assert not (settings.MEDIA_ROOT / "sao-luu").exists()


def test_backup_prunes_old_archives_by_the_retention_rule(db, archives, capsys):
    """12 monthly archives are kept: with one a month through 2025, January 2025 and older go."""
    archives.mkdir(parents=True)
    monthly = [archives / f"portal-2025-{month:02d}-28-020000.tar" for month in range(1, 13)]
    same_day_earlier = archives / "portal-2026-10-31-010000.tar"
    kept_for_october = archives / "portal-2026-10-31-020000.tar"
    not_ours = archives / "ghi-chu.txt"
    for path in (*monthly, same_day_earlier, kept_for_october, not_ours):
        path.write_text("x")

    call_command("backup")

    out = capsys.readouterr().out
    assert kept_for_october.exists() and not_ours.exists()
    assert [path.exists() for path in monthly] == [False, False] + [True] * 10
    assert not same_day_earlier.exists()
    assert "Đã xoá bản sao lưu cũ portal-2025-01-28-020000.tar." in out
    newest = sorted(archives.glob("portal-*.tar"))[-1]
    assert archive.moment_of(newest).date() == timezone.localdate()


def test_every_stored_part_has_its_place_in_an_archive():
    from backups import folders

    assert {f"{part}/" for part in folders.PARTS} == set(archive.PREFIXES) - {"database/"}
