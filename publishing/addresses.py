"""Addresses that outlive a rename: an item's earlier slugs keep leading to it.

Links to an article (later a page or a document) are out there, on Zalo, Facebook and printed notices;
when staff change its slug, the old address redirects (301) to the new one. Any content type with a
`slug` field inherits KeepsFormerSlugs and calls remember_slug_change() in its save().
"""

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models


class FormerSlug(models.Model):
    """An address an item had before staff changed its slug; its page redirects from it."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    slug = models.SlugField("đường dẫn cũ", max_length=200)

    class Meta:
        verbose_name = "đường dẫn cũ"
        verbose_name_plural = "đường dẫn cũ"
        constraints = [models.UniqueConstraint(fields=["content_type", "slug"], name="former_slug_unique")]

    def __str__(self):
        return self.slug


class KeepsFormerSlugs(models.Model):
    former_slugs = GenericRelation(FormerSlug)

    class Meta:
        abstract = True

    @classmethod
    def _former(cls):
        return FormerSlug.objects.filter(content_type=ContentType.objects.get_for_model(cls))

    def stored_slug(self):
        """The slug as the database has it, before this save."""
        if self.pk is None:
            return None
        return type(self)._default_manager.filter(pk=self.pk).values_list("slug", flat=True).first()

    def slug_is_taken(self, slug):
        # Another item's former address is taken too, or its old links would open this one.
        others = type(self)._default_manager.exclude(pk=self.pk)
        return (
            others.filter(slug=slug).exists()
            or self._former().filter(slug=slug).exclude(object_id=self.pk).exists()
        )

    def remember_slug_change(self, stored_slug):
        """After a save that changed the slug: the old one keeps leading here. Call inside the save's
        transaction. Taking an old address back makes it the item's own again."""
        if stored_slug and stored_slug != self.slug:
            content_type = ContentType.objects.get_for_model(type(self))
            FormerSlug.objects.update_or_create(
                content_type=content_type, slug=stored_slug, defaults={"object_id": self.pk}
            )
            self._former().filter(slug=self.slug).delete()
