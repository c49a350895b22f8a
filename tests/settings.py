"""Settings for the test suite: production's module (portal.settings), with what tests need on top.

Tests run with debug off, like production. portal.settings stays the one place that reads the
environment; this module only gives the suite a secret key when none is set and overrides what a test
run needs instead of a deployment: Django serves uploads and the static source folders itself (no
collectstatic), and passwords are hashed fast. Subprocesses that test production (tests/test_security.py)
are started without DJANGO_SETTINGS_MODULE, so manage.py gives them portal.settings, not this.
"""

import os

# Before portal.settings reads it: with debug off it refuses to start without a key, as production must.
os.environ.setdefault("DJANGO_SECRET_KEY", "insecure-test-only-key-never-used-in-production-0123456789")

from portal.settings import *  # noqa: F403
from portal.settings import STORAGES

# The test server serves each test's own media folder (portal/urls.py reads this at import).
SERVE_MEDIA = True
# Hashed static names need collectstatic; tests serve the files as they are, from the source folders.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# PBKDF2's deliberate slowness is for stolen databases, not for test users logging in hundreds of times.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests flush counted views themselves (news.view_counter.flush): a worker's thread would outlive the
# test that started it and write into the next one's database.
PORTAL_VIEWS_FLUSH_THREAD = False
# A content type built from the publishing core alone, to prove the core carries a new type by itself.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.example_content"]  # noqa: F405
