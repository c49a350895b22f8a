"""Versions of publishable content: kept on every save that changed something, compared, restored.

django-reversion stores the versions (one revision per save, the item and the rows it follows, such as
an article's photos). Restoring does not use reversion's raw revert: it copies a version's fields onto
the live item and saves it through the model's own save(), so the body is sanitized again, the search
text and slug rules apply, and what is not content (the view count, derived search text) is untouched.

A model's live rows (revision_live_rows, such as an article's view count) are kept with each version
but left as they are by a restore; only recovering a deleted item brings them back.
"""

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from reversion.models import Version
from reversion.revisions import _get_options

from .trash import retire_on_commit

# Fields that say how and when an item is shown, not what it says: restoring an earlier text keeps the
# item where it is now (a published article stays published). Recovering a deleted item brings them back.
PLACEMENT_FIELDS = {"status", "published_at", "created_by_id", "created_at", "updated_at", "updated_by_id"}


def register(model, follow=()):
    """Keep versions of model: its concrete fields less what it declares derived (revision_exclude),
    with the rows it follows (follow) and its live rows."""
    if reversion.is_registered(model):
        return
    live = _live_relations(model)
    for relation in live:
        register(model._meta.get_field(relation).related_model)
    exclude = set(getattr(model, "revision_exclude", ()))
    fields = [f.name for f in model._meta.concrete_fields if f.name not in exclude]
    reversion.register(model, fields=fields, follow=(*follow, *live))


def _live_relations(model):
    return tuple(getattr(model, "revision_live_rows", ()))


def record(item, user, comment):
    """Store a version of item (and what it follows) as saved now, by user, with the admin's message."""
    with reversion.create_revision(manage_manually=True):
        reversion.add_to_revision(item)
        reversion.set_user(user)
        reversion.set_comment(comment)


def versions_of(item):
    """Versions of item, newest first, with who saved them."""
    return (
        Version.objects.get_for_object(item)
        .select_related("revision", "revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def deleted(model):
    """The last version of each deleted item of model, newest deletion first."""
    return Version.objects.get_deleted(model).select_related("revision", "revision__user")


def when(version):
    # To the second: two saves a minute apart, or in the same minute, must read apart in the history.
    return date_format(timezone.localtime(version.revision.date_created), "H:i:s \\n\\g\\à\\y d/m/Y")


def followed(version):
    """{relation: [versions]} of the rows saved with this version (an article's photos), its live rows
    aside."""
    live = _live_relations(version._model)
    return {
        relation: _saved_rows(version, relation)
        for relation in _get_options(version._model).follow
        if relation not in live
    }


def _saved_rows(version, relation):
    model = version._model._meta.get_field(relation).related_model
    content_type = ContentType.objects.get_for_model(model)
    saved = version.revision.version_set.filter(content_type=content_type)
    # In the order the rows have on the item (an article's photos as they appear), not as stored:
    # compared with the item's rows as they are now, another order reads as photos changed.
    return sorted(saved, key=lambda v: _ordering_key(model, v))


def _ordering_key(model, version):
    fields = version.field_dict
    names = [name.lstrip("-") for name in model._meta.ordering if name.lstrip("-") not in ("pk", "id")]
    return (*((fields.get(name) is None, fields.get(name) or 0) for name in names), int(version.object_id))


def _copy(version, target, skip=()):
    fields = {field.attname: field for field in type(target)._meta.concrete_fields}
    for name, value in version.field_dict.items():
        if name in skip:
            continue
        field = fields.get(name)
        # A section or an account deleted since the version was kept: the row would point at nothing, and
        # the restore fail as its transaction commits (files already back on the site). Left empty instead.
        dangling = field is not None and field.is_relation and field.null and value is not None
        if dangling and not field.related_model._default_manager.filter(pk=value).exists():
            value = None
        setattr(target, name, value)


def _files_let_go(row, fields):
    """Row's stored files that the version's fields do not name: off the site once the restore commits."""
    let_go = []
    for field in row._meta.concrete_fields:
        if isinstance(field, models.FileField):
            current, kept = getattr(row, field.attname), fields.get(field.attname)
            if current and current.name != getattr(kept, "name", kept):
                let_go.append(current)
    return let_go


def restore(version, user):
    """Make the item as this version had it, photos and captions included.

    An existing item keeps its status and time; a deleted one comes back as it was when deleted.
    Returns the saved item and how many of the version's photos could not come back (their files were
    purged from the trash).
    """
    model = version._model
    with transaction.atomic():
        item = model._default_manager.filter(pk=version.object_id).first()
        recovering = item is None
        if recovering:
            item = model(pk=version.object_id)
        current_slug = None if recovering else getattr(item, "slug", None)
        _copy(version, item, skip=() if recovering else PLACEMENT_FIELDS)
        if hasattr(item, "slug_is_taken") and item.slug_is_taken(item.slug):
            # Another item has had that address since (a new article of the same title took a deleted
            # one's): keep the address the item has now, or let save() make a new one for a recovery.
            item.slug = current_slug or ""
        item.updated_by = user
        item.save()
        lost = 0
        for relation, row_versions in followed(version).items():
            manager = getattr(item, relation)
            kept = []
            for row_version in row_versions:
                row = manager.model._default_manager.filter(pk=row_version.object_id).first()
                row = row or manager.model(pk=row_version.object_id)
                # Files first: setting an image field reads the file it names.
                if hasattr(row, "bring_back_files") and not row.bring_back_files(row_version.field_dict):
                    lost += 1
                    continue
                if row._state.adding is False:
                    retire_on_commit(_files_let_go(row, row_version.field_dict))
                _copy(row_version, row)
                row.save()
                kept.append(row.pk)
            for row in manager.exclude(pk__in=kept):
                row.delete()
        if recovering:
            for relation in _live_relations(model):
                related = model._meta.get_field(relation).related_model
                for row_version in _saved_rows(version, relation):
                    row = related(pk=row_version.object_id)
                    _copy(row_version, row)
                    row.save()
        record(item, user, f"Khôi phục bản lưu lúc {when(version)}")
    return item, lost
