from django.db import models

from publishing.models import Publishable


class SampleNotice(Publishable):
    """Named apart from the real notices app's Notice (model, table, permissions and admin URLs)."""

    title = models.CharField("tiêu đề", max_length=200)
    body = models.TextField("nội dung", blank=True)

    class Meta(Publishable.Meta):
        verbose_name = "thông báo mẫu"
        verbose_name_plural = "thông báo mẫu"
        permissions = [("publish_samplenotice", "Có thể duyệt đăng thông báo mẫu")]

    def __str__(self):
        return self.title
