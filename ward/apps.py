from django.apps import AppConfig


class WardConfig(AppConfig):
    name = "ward"
    verbose_name = "Thông tin phường và cổng"

    def ready(self):
        from . import identity

        identity.watch()
