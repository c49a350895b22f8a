"""manage.py restore ARCHIVE: the database, the media and the trash back from one backup archive."""

from django.core.management.base import BaseCommand, CommandError

from backups import archive as archive_module
from backups import database, folders
from news import page_cache


class Command(BaseCommand):
    help = (
        "Khôi phục cơ sở dữ liệu, ảnh và thùng rác từ một bản sao lưu, vào cơ sở dữ liệu và "
        "thư mục trống (--force để thay dữ liệu đang có)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="tệp portal-….tar do manage.py backup ghi")
        parser.add_argument(
            "--force", action="store_true", help="xoá dữ liệu đang có và thay bằng bản sao lưu"
        )

    def handle(self, *args, archive=None, force=False, **options):
        path = archive
        try:
            manifest = archive_module.verify(path)
        except archive_module.BrokenArchive as error:
            raise CommandError(str(error)) from error
        if manifest["database"] != database.vendor():
            raise CommandError(
                f"Bản sao lưu là của cơ sở dữ liệu {manifest['database']}, còn cổng tin đang dùng "
                f"{database.vendor()}: không khôi phục chéo được. Không khôi phục gì."
            )
        if database.DUMP_NAMES[database.vendor()] not in manifest["files"]:
            raise CommandError("Bản sao lưu không có cơ sở dữ liệu. Không khôi phục gì.")
        if not force:
            self._refuse_unless_empty()

        # The database first: if it fails, the files are as they were.
        for name, source, _ in archive_module.members(path):
            if name.startswith("database/"):
                self._restore_database(source)
                break
        counts = dict.fromkeys(folders.PARTS, 0)
        if force:
            for part in folders.PARTS:
                folders.clear(part)
        for name, source, mtime in archive_module.members(path):
            part, _, rest = name.partition("/")
            if part in folders.PARTS:
                folders.write(part, rest, source, mtime)
                counts[part] += 1
        # Pages kept rendered from the database as it was must not be served.
        page_cache.bump()
        self.stdout.write(
            f"Đã khôi phục từ {path} (sao lưu lúc {manifest['created']}): cơ sở dữ liệu, "
            f"{counts['media']} tệp ảnh, {counts['documents']} tệp văn bản, "
            f"{counts['trash']} tệp trong thùng rác. "
            "Nếu mã nguồn mới hơn bản sao lưu, chạy tiếp manage.py migrate."
        )

    def _refuse_unless_empty(self):
        table = database.first_table_with_rows()
        if table:
            raise CommandError(
                f"Cơ sở dữ liệu không trống (bảng {table} có dữ liệu). Khôi phục sẽ xoá dữ liệu này; "
                "dùng một cơ sở dữ liệu mới, hoặc thêm --force nếu chắc chắn muốn thay. Không khôi phục gì."
            )
        for prefix, label in folders.LABELS.items():
            found = folders.first_file(prefix)
            if found:
                raise CommandError(
                    f"{label} không trống (có {found}). Khôi phục sẽ thay các tệp này; dùng thư mục trống, "
                    "hoặc thêm --force nếu chắc chắn muốn thay. Không khôi phục gì."
                )

    def _restore_database(self, source):
        import tempfile

        with tempfile.NamedTemporaryFile(prefix="portal-restore-", suffix=".dump") as dump:
            while chunk := source.read(1024 * 1024):
                dump.write(chunk)
            dump.flush()
            try:
                database.restore(dump.name)
            except database.DatabaseToolFailed as error:
                raise CommandError(f"Chưa khôi phục được cơ sở dữ liệu: {error}") from error
