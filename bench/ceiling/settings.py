"""Settings of the ceiling site (bench/ceiling): production-like (debug off), and nothing else."""

import os

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1").split(",") if h]
ROOT_URLCONF = "bench.ceiling.urls"
WSGI_APPLICATION = "bench.ceiling.wsgi.application"
INSTALLED_APPS = []
# Two of the twelve the portal runs: the ceiling pays for a middleware chain, not for its work.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]
DATABASES = {}
TEMPLATES = []
USE_I18N = False
USE_TZ = True
