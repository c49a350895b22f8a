"""manage.py backup: one dated archive of the database, the media and the trash, then old ones pruned."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from backups import archive, database, folders
from backups.retention import archives_to_keep
from news import view_counter


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu, ảnh và thùng rác vào một tệp, rồi xoá các bản sao lưu cũ theo lịch giữ."

    def add_arguments(self, parser):
        parser.add_argument("--dest", help="thư mục chứa bản sao lưu (mặc định PORTAL_BACKUP_ROOT)")
        parser.add_argument("--no-prune", action="store_true", help="không xoá bản sao lưu cũ")

    def handle(self, *args, dest=None, no_prune=False, **options):
        folder = Path(dest or settings.PORTAL_BACKUP_ROOT).resolve()
        self._refuse_published_or_backed_up(folder)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        # Views counted in Redis and not yet written would be missing from the dump.
        view_counter.flush()

        path = folder / archive.file_name(timezone.now())
        if path.exists():
            raise CommandError(f"Đã có bản sao lưu {path.name}; chờ một giây rồi chạy lại.")
        writer = archive.Writer(path, database.vendor())
        try:
            dump = folder / f".{path.stem}.dump.partial"
            try:
                database.dump(dump)
                writer.add_path(database.DUMP_NAMES[database.vendor()], dump)
            finally:
                dump.unlink(missing_ok=True)
            counts = dict.fromkeys(folders.PARTS, 0)
            for part in folders.PARTS:
                store = folders.storage(part)
                for name in folders.names(part):
                    mtime = folders.modified(part, name) or timezone.now().timestamp()
                    with store.open(name, "rb") as source:
                        writer.add(f"{part}/{name}", source, store.size(name), mtime)
                    counts[part] += 1
            writer.close()
        except database.DatabaseToolFailed as error:
            writer.abandon()
            raise CommandError(f"Chưa sao lưu được: {error}") from error
        except BaseException:
            writer.abandon()
            raise

        size = path.stat().st_size / (1024 * 1024)
        self.stdout.write(
            f"Đã sao lưu vào {path} ({size:.1f} MB): cơ sở dữ liệu, {counts['media']} tệp ảnh, "
            f"{counts['documents']} tệp văn bản, {counts['trash']} tệp trong thùng rác."
        )
        if not no_prune:
            self._prune(folder)

    def _refuse_published_or_backed_up(self, folder):
        # Inside MEDIA_ROOT the web server would publish the archive (password hashes included); inside
        # a private folder each backup would contain the ones before it.
        roots = [
            Path(settings.MEDIA_ROOT),
            Path(settings.PORTAL_PRIVATE_ROOT),
            Path(settings.PORTAL_TRASH_ROOT),
        ]
        for root in roots:
            root = root.resolve()
            if folder == root or root in folder.parents:
                raise CommandError(
                    f"Thư mục sao lưu {folder} nằm trong {root}: hãy chọn thư mục khác (PORTAL_BACKUP_ROOT)."
                )

    def _prune(self, folder):
        found = {archive.moment_of(path): path for path in folder.iterdir()}
        found.pop(None, None)
        kept = archives_to_keep(found)
        for moment, path in sorted(found.items()):
            if moment not in kept:
                path.unlink()
                self.stdout.write(f"Đã xoá bản sao lưu cũ {path.name}.")
