"""Settings for the ward news portal: one module, every knob an environment variable.

Local defaults (SQLite in the project folder, debug off unless asked for) need nothing set. Production
sets DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL and DJANGO_HTTPS=1; the README lists them all.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Environment, read once -------------------------------------------------------------------
DEBUG = env_flag("DJANGO_DEBUG")
HTTPS = env_flag("DJANGO_HTTPS")
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        # A guessable key in production would let anyone forge view-count cookies and sessions.
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "insecure-local-only-key-never-used-in-production-0123456789"  # noqa: S105
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# A form sent with a stale or missing token: a Vietnamese page saying nothing was saved.
CSRF_FAILURE_VIEW = "portal.csrf_failure.csrf_failure"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has one writer at a time. A transaction that reads and then writes (an admin save) cannot
    # wait for a view counted in between, and failed at once with "database is locked"; taking the write
    # lock when the transaction begins makes each wait its turn, for up to 20 seconds.
    # Write-ahead logging with synchronous=NORMAL: a commit (one per counted view on the embedded
    # default) no longer waits for the disk, and readers no longer wait for a writer. What it risks is
    # the last commits before a power cut, not before a crash of the portal; production is PostgreSQL.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # libpq waits for ever on a server that accepts the connection and never answers; a worker (or a
    # health check, portal/health.py) gives up after this many seconds instead.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
REDIS_URL = os.environ.get("REDIS_URL", "")
# Every key the portal writes to Redis starts with this: wards sharing one Redis set one each.
PORTAL_REDIS_PREFIX = os.environ.get("PORTAL_REDIS_PREFIX", "portal")
# Counted views wait in Redis at most about this long before they are written to the database.
PORTAL_VIEWS_FLUSH_SECONDS = int(os.environ.get("PORTAL_VIEWS_FLUSH_SECONDS", "5"))
# Each worker flushes in a thread of its own; off, only `manage.py flush_views` does (tests).
PORTAL_VIEWS_FLUSH_THREAD = env_flag("PORTAL_VIEWS_FLUSH_THREAD", default=True)
# One client address adds at most this many views to one article per window (news.view_counter).
PORTAL_VIEWS_PER_ADDRESS = int(os.environ.get("PORTAL_VIEWS_PER_ADDRESS", "60"))
PORTAL_VIEWS_ADDRESS_WINDOW = int(os.environ.get("PORTAL_VIEWS_ADDRESS_WINDOW", "600"))
# Kept pages (news.page_cache): lists show view counts, so they are kept only briefly; an article page
# gets its count afresh on every request and is kept longer. Any change to content drops both at once.
PORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("PORTAL_PAGE_CACHE_SECONDS", "10"))
PORTAL_ARTICLE_CACHE_SECONDS = int(os.environ.get("PORTAL_ARTICLE_CACHE_SECONDS", "300"))
# The admin lives at an unadvertised path so that scanners of /admin/ find nothing.
PORTAL_ADMIN_PATH = os.environ.get("PORTAL_ADMIN_PATH", "quan-tri/").strip("/") + "/"
# Login throttling needs the client's address. Behind a reverse proxy it is in X-Forwarded-For;
# PORTAL_PROXY_COUNT is how many proxies (each appending one address) stand in front of Django.
# 0 (the default) uses the connection's own address.
PORTAL_PROXY_COUNT = int(os.environ.get("PORTAL_PROXY_COUNT", "0"))
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")
# Production's web server serves uploads; the development server does it itself (tests/settings.py too).
SERVE_MEDIA = env_flag("PORTAL_SERVE_MEDIA", default=DEBUG)
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
# Files the portal keeps for itself and must never publish, outside MEDIA_ROOT (which the web server
# serves): photos kept between a refused save of the article form and the next (news.kept_photos), and
# removed photos waiting for a restore (publishing.trash; `manage.py purge_trash` deletes those older
# than PORTAL_TRASH_DAYS).
PORTAL_PRIVATE_ROOT = Path(os.environ.get("PORTAL_PRIVATE_ROOT") or BASE_DIR / "private")
PORTAL_TRASH_ROOT = Path(os.environ.get("PORTAL_TRASH_ROOT") or PORTAL_PRIVATE_ROOT / "trash")
PORTAL_TRASH_DAYS = int(os.environ.get("PORTAL_TRASH_DAYS", "90"))
# Hỏi đáp (questions/): residents' questions. Their sender's name, phone, email and tổ dân phố are
# deleted by `manage.py purge_question_contacts` this many days after the answer (or after receipt, for
# a question never answered). One address may send PER_ADDRESS forms, and one phone or email have
# PER_CONTACT questions stored, per window of seconds (questions.throttle, Django's cache).
PORTAL_QUESTION_CONTACT_DAYS = int(os.environ.get("PORTAL_QUESTION_CONTACT_DAYS", "180"))
PORTAL_QUESTION_LIMIT_WINDOW = int(os.environ.get("PORTAL_QUESTION_LIMIT_WINDOW", "3600"))
PORTAL_QUESTION_LIMIT_PER_ADDRESS = int(os.environ.get("PORTAL_QUESTION_LIMIT_PER_ADDRESS", "10"))
PORTAL_QUESTION_LIMIT_PER_CONTACT = int(os.environ.get("PORTAL_QUESTION_LIMIT_PER_CONTACT", "3"))
# Documents' files (Văn bản): private too, residents get them only through the download view. Unset,
# they are in PORTAL_PRIVATE_ROOT/documents/ (the "documents" storage, portal/storages.py).
PORTAL_DOCUMENTS_ROOT = os.environ.get("PORTAL_DOCUMENTS_ROOT") or None
PORTAL_DOCUMENT_MAX_BYTES = int(os.environ.get("PORTAL_DOCUMENT_MAX_MB", "20")) * 1024 * 1024
# S3-compatible storage for media (and, with a second bucket, the private files); unset: local disk.
PORTAL_S3_BUCKET = os.environ.get("PORTAL_S3_BUCKET", "")
PORTAL_S3_PRIVATE_BUCKET = os.environ.get("PORTAL_S3_PRIVATE_BUCKET", "")
PORTAL_S3_ENDPOINT_URL = os.environ.get("PORTAL_S3_ENDPOINT_URL", "")
PORTAL_S3_REGION = os.environ.get("PORTAL_S3_REGION", "")
PORTAL_S3_CUSTOM_DOMAIN = os.environ.get("PORTAL_S3_CUSTOM_DOMAIN", "")
# Where `manage.py backup` writes its archives (backups/): never inside MEDIA_ROOT, which is published,
# nor inside the private folders, which each backup contains.
PORTAL_BACKUP_ROOT = Path(os.environ.get("PORTAL_BACKUP_ROOT") or BASE_DIR / "backup-archives")

# The ward's identity on a fresh install only: the first use (or the migration) copies these into the
# row staff then edit in the admin ("Thông tin phường và cổng", ward.models); after that they change
# nothing the public sees. The admin's own title still reads PORTAL_WARD_NAME.
PORTAL_WARD_NAME = os.environ.get("PORTAL_WARD_NAME", "Phường Hòa Bình")
PORTAL_WARD_PARTY = os.environ.get("PORTAL_WARD_PARTY", "Đảng ủy phường Hòa Bình")
PORTAL_WARD_ADDRESS = os.environ.get(
    "PORTAL_WARD_ADDRESS", "Số 1 đường Hòa Bình, phường Hòa Bình, thành phố Hà Nội"
)
PORTAL_WARD_PHONE = os.environ.get("PORTAL_WARD_PHONE", "024 0000 0000")
PORTAL_WARD_EMAIL = os.environ.get("PORTAL_WARD_EMAIL", "vanphong@hoabinh.example.vn")

# --- Django ------------------------------------------------------------------------------------
INSTALLED_APPS = [
    "portal.apps.PortalAdminConfig",  # django.contrib.admin with portal.admin_site as its site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "portal.apps.PortalStaticFilesConfig",
    "django.contrib.sitemaps",
    "ckeditor",
    "ckeditor_uploader",
    "portal.apps.LoginThrottleConfig",  # django-axes
    "reversion",
    "publishing",
    "news",
    "ward",
    "questions",
    "pages",
    "notices",
    "documents",
    "backups",
    "schedule",
]

MIDDLEWARE = [
    # First, so that every log line of the request carries its id (portal/request_id.py).
    "portal.request_id.RequestIdMiddleware",
    # /healthz answers before anything reads the Host header or redirects to HTTPS (portal/health.py).
    "portal.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before SecurityHeadersMiddleware, which sets SAMEORIGIN for the staff tools: this one then leaves
    # it; and before KeptPages, so kept pages get DENY as every other public page.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Kept pages for anonymous readers, answered before the layers below (news/middleware.py).
    "news.middleware.KeptPages",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # No LocaleMiddleware: the portal speaks one language (LANGUAGE_CODE), so there is nothing to choose
    # from Accept-Language on every request, and kept pages need no Vary on it.
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.staff_query_guard.StaffQueryGuardMiddleware",
    # django-axes asks to be last: it turns a login refused for too many failures into its lockout page.
    "axes.middleware.AxesMiddleware",
]

# Axes' backend comes first so that it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "news.context_processors.portal",
                "ward.context_processors.identity",
            ],
        },
    }
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

if REDIS_URL:
    CACHES = {
        "default": {
            # Django's, with one Redis client a pool rather than one a call (portal/redis_cache.py).
            "BACKEND": "portal.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": PORTAL_REDIS_PREFIX,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
# Our Vietnamese for the admin strings Django's own catalogue leaves in English (locale/vi/).
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Django's Vietnamese locale has no input formats, so the admin would ask staff for 2026-11-25; they
# write 25/11/2026. The first format is the one the admin's date picker writes.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
# And shows them dd/mm/yyyy (portal/formats/vi/formats.py), not "20:02 Ngày 25 tháng 11 năm 2026".
FORMAT_MODULE_PATH = ["portal.formats"]

# Media on S3-compatible storage (several app servers, docs/SCALING.md): needs `pip install
# django-storages[s3]` (requirements-s3.txt). Credentials come from AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY, which boto3 reads from the environment itself. Published media go to a bucket
# readers fetch from directly; the private files (kept photos, trash) to a second bucket, never public.
S3_STORAGES = {}
if PORTAL_S3_BUCKET:
    _s3 = {
        "endpoint_url": PORTAL_S3_ENDPOINT_URL or None,
        "region_name": PORTAL_S3_REGION or None,
        # Our code relies on a storage never overwriting: a new photo gets a new name.
        "file_overwrite": False,
    }
    S3_STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "bucket_name": PORTAL_S3_BUCKET,
            "custom_domain": PORTAL_S3_CUSTOM_DOMAIN or None,
            "querystring_auth": False,  # public addresses, cacheable by browsers, like /media/ on disk
        },
    }
    if PORTAL_S3_PRIVATE_BUCKET:
        for alias in ("private", "trash", "documents"):
            S3_STORAGES[alias] = {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    **_s3,
                    "bucket_name": PORTAL_S3_PRIVATE_BUCKET,
                    "location": alias,
                    "default_acl": "private",
                    "querystring_auth": True,
                },
            }

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Files never published, on disk under PORTAL_PRIVATE_ROOT and PORTAL_TRASH_ROOT (portal/storages.py).
    "private": {"BACKEND": "portal.storages.PrivateStorage"},
    "trash": {"BACKEND": "portal.storages.TrashStorage"},
    "documents": {"BACKEND": "portal.storages.DocumentsStorage"},
    **S3_STORAGES,
    "staticfiles": {
        # Hashed names need `collectstatic`; local debug (and tests/settings.py) serve the files as they are.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Local debug (and tests/settings.py) serve static files straight from the source folders, without
# collectstatic.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
# Stored uploads are never executable or world-writable. (An upload past Django's 2.5 MB waits in a
# temporary file, not in memory; news.images reads at most 15 MB of it.)
FILE_UPLOAD_PERMISSIONS = 0o644
# A form's text, files aside: an article body is far below this; photos pasted into it are not.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Security ----------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Django's database sessions, refusing a cookie's key that Django could not have made (portal/sessions.py).
SESSION_ENGINE = "portal.sessions"
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# --- Login throttling (django-axes) -------------------------------------------------------------
# Five wrong passwords for one account from one address lock that pair out for 15 minutes; the
# account stays usable from the office while someone guesses from elsewhere. Attempts are kept in the
# database, which every worker shares (the local-memory cache would not be).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "portal.login_throttle.lockout_response"
AXES_CLIENT_IP_CALLABLE = "portal.login_throttle.client_ip"
# A login tried during the lockout (the real user's correct one included) does not start the 15
# minutes again: otherwise one wrong try every few minutes from the office's address keeps an official
# out all day. The lockout ends 15 minutes after the fifth failure, whatever is tried meanwhile.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Axes' own handler, keeping a bounded amount of each failed login's data (portal/login_throttle.py).
AXES_HANDLER = "portal.login_throttle.BoundedAttemptHandler"

# django-ckeditor bundles CKEditor 4, whose upstream is end-of-life. docs/SECURITY.md lists the
# measures that contain it (staff-only editor and uploader, nh3 on save, CSP); with those in place
# the warning is noise on every `check`.
SILENCED_SYSTEM_CHECKS = ["ckeditor.W001"]

# --- The editor --------------------------------------------------------------------------------
CKEDITOR_UPLOAD_PATH = "uploads/"
CKEDITOR_IMAGE_BACKEND = "pillow"
CKEDITOR_ALLOW_NONIMAGE_FILES = False
CKEDITOR_RESTRICT_BY_USER = False
CKEDITOR_CONFIGS = {
    "default": {
        "language": "vi",
        "height": 420,
        "width": "100%",
        "toolbar": "news",
        "toolbar_news": [
            ["Format"],
            ["Bold", "Italic", "Underline", "RemoveFormat"],
            ["NumberedList", "BulletedList", "Blockquote"],
            ["Link", "Unlink"],
            ["Image", "Table"],
            ["PasteText", "PasteFromWord"],
            ["Undo", "Redo"],
            ["Source", "Maximize"],
        ],
        "format_tags": "p;h2;h3;h4",
        # The Format list's names: CKEditor's Vietnamese says "Heading 2" and "Bình thường (P)". Its
        # format plugin labels entries from its language file only, so js/editor-vi.js puts these there.
        "format_p": {"element": "p", "name": "Đoạn văn"},
        "format_h2": {"element": "h2", "name": "Tiêu đề 2"},
        "format_h3": {"element": "h3", "name": "Tiêu đề 3"},
        "format_h4": {"element": "h4", "name": "Tiêu đề 4"},
        # Vietnamese letters as letters, not "v&agrave;": the source view reads as typed, and less of
        # the body differs from what is stored. (&nbsp; &lt; &gt; &amp; stay: basicEntities.)
        "entities": False,
        # Paste from Word keeps structure (headings, lists, tables) but not Word's fonts and colours.
        "pasteFromWordRemoveFontStyles": True,
        "pasteFromWordRemoveStyles": True,
        # The elements path ("body p" under the text) is HTML for developers, not for ward staff.
        "removePlugins": "exportpdf,elementspath",
        # What the sanitizer drops anyway (ids, classes, styles, link targets) is not offered.
        "removeDialogTabs": "image:advanced;link:advanced;link:target",
        # Read aloud by screen readers; CKEditor's own say "Rich Text Editor, id_body".
        "title": "Nội dung bài viết",
        "applicationTitle": "Trình soạn thảo nội dung bài viết",
        # The image dialog's preview shows the photo beside sample text; CKEditor's is Latin.
        "image_previewText": ("Đoạn văn mẫu để xem ảnh nằm thế nào bên cạnh chữ trong bài. " * 8).strip(),
    }
}

# One handler, on the root logger; "django" keeps none of its own, so each line is written once
# (portal/logs.py says why it was twice). PORTAL_LOG_FORMAT=json: one JSON object per line.
LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "WARNING")
LOG_FORMAT = os.environ.get("PORTAL_LOG_FORMAT", "text")
if LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured("PORTAL_LOG_FORMAT must be text or json.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "portal.logs.RequestIdFilter"},
        "short_client_errors": {"()": "portal.logs.ShortClientErrors"},
    },
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "portal.logs.JsonLines"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id", "short_client_errors"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"django": {"handlers": [], "level": LOG_LEVEL, "propagate": True}},
}
