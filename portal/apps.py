from axes.apps import AppConfig as AxesAppConfig
from django.contrib.admin.apps import AdminConfig
from django.contrib.staticfiles.apps import StaticFilesConfig


class PortalStaticFilesConfig(StaticFilesConfig):
    """collectstatic leaves out what must never be served: CKEditor 4's test pages, samples and the
    plugins we do not load (spell-check services, PDF export), whose HTML pages have had XSS holes."""

    ignore_patterns = [
        *StaticFilesConfig.ignore_patterns,
        "samples",
        "tests",
        "wsc",
        "scayt",
        "exportpdf",
        "preview",
        "*.md",
        "bender-runner.config.json",
        "build-config.js",
    ]


class LoginThrottleConfig(AxesAppConfig):
    """django-axes under a Vietnamese name in the admin: the app's name is not a translatable string."""

    verbose_name = "Khóa đăng nhập"


class PortalAdminConfig(AdminConfig):
    default_site = "portal.admin_site.PortalAdminSite"

    def ready(self):
        super().ready()  # autodiscover: every app's admin module, django.contrib.auth's among them
        from . import admin_accounts

        admin_accounts.register()
