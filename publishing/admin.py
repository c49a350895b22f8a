"""One admin mixin for every publishable type: statuses, the editor's lock, review, versions.

A type's ModelAdmin inherits PublishableAdmin (and its photo or file inlines PublishableInline) and
gets: the statuses each user may pick, the lock on approved content, the list's state column and
filter, the submit/publish/unpublish actions, what to say about a time to come on save, its rows in
the admin front page's review queue, a version on every save that changed something, and the history,
compare, restore and recover screens (publishing/revisions.py).
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from reversion.models import Version

from . import revisions, rules
from .diff import changed, readable_text, word_diff
from .forms import PublishableForm
from .models import State, Status, state_of

MESSAGE_SCHEDULED = "Đã hẹn giờ: “{title}” sẽ tự hiện trên trang lúc {when}."
MESSAGE_NEVER_APPEARS = (
    "“{title}” đang ở trạng thái “{status}” nên sẽ không hiện trên trang, kể cả khi đến {when}."
    " Muốn hẹn giờ đăng, người duyệt tin chọn “Đã xuất bản” với thời gian đăng này."
)
MESSAGE_SUBMITTED = "Đã gửi {count} bài cho người duyệt tin."


def moment(when):
    return date_format(timezone.localtime(when), "H:i \\n\\g\\à\\y d/m/Y")


class StateFilter(admin.SimpleListFilter):
    title = "trạng thái"
    parameter_name = "trang_thai"

    def lookups(self, request, model_admin):
        return State.choices

    def queryset(self, request, queryset):
        if self.value() in State.values:
            return queryset.in_state(self.value())
        return queryset


class PublishableInline:
    """An inline of a publishable item (its photos, its files): part of what an approver approved."""

    def _may_change(self, request, obj):
        return rules.may_change(request.user, self.parent_model, obj)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._may_change(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may_change(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may_change(request, obj)


class PublishableAdmin(admin.ModelAdmin):
    form = PublishableForm
    # Rows saved with the item and restored with it (reversion's follow), e.g. ("photos",).
    revision_follow = ()
    # What the compare screen shows, as (field, label, is_html).
    compare_fields = ()
    actions = ["submit_selected", "publish_selected", "unpublish_selected"]
    publishing_readonly = ("state_description", "created_by", "created_at", "updated_by", "updated_at")
    # The fields of a type's "Đăng …" fieldset: its status and time, what they mean, who wrote and changed it.
    publishing_fields = (
        "status",
        "published_at",
        "state_description",
        ("created_by", "created_at"),
        ("updated_by", "updated_at"),
    )
    change_list_template = "publishing/admin/change_list.html"
    object_history_template = "publishing/admin/history.html"
    # The facet toggle is not translated into Vietnamese, and counting costs a query per filter choice.
    show_facets = admin.ShowFacets.NEVER

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        for relation in self.revision_follow:
            revisions.register(model._meta.get_field(relation).related_model)
        revisions.register(model, follow=self.revision_follow)

    # --- who may do what -------------------------------------------------------------------------
    def can_publish(self, request):
        return rules.can_publish(request.user, self.model)

    def has_publish_permission(self, request):
        return self.can_publish(request)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and rules.may_change(request.user, self.model, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        # modelform_factory makes a new class on every call, so these settings stay with this request.
        return super().get_form(request, obj, change=change, **kwargs).for_user(request.user)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        item = self.get_object(request, unquote(object_id))
        if item is not None and not rules.may_change(request.user, self.model, item):
            if request.method == "POST":
                # Django would answer 403; staff deserve to know why their save was refused.
                messages.error(request, rules.MESSAGE_LOCKED)
                return HttpResponseRedirect(request.get_full_path())
            messages.warning(request, rules.MESSAGE_LOCKED)
        return super().change_view(request, object_id, form_url, extra_context)

    # --- the list ----------------------------------------------------------------------------------
    def changelist_view(self, request, extra_context=None):
        may_recover = self.can_publish(request) and self.has_add_permission(request)
        return super().changelist_view(request, {"can_recover": may_recover, **(extra_context or {})})

    @admin.display(description="trạng thái", ordering="status")
    def state_label(self, item):
        return format_html('<span class="state state-{}">{}</span>', item.state, State(item.state).label)

    @admin.display(description="thời gian đăng", ordering="published_at")
    def published_time(self, item):
        return date_format(timezone.localtime(item.published_at), "d/m/Y H:i")

    @admin.display(description="tình trạng")
    def state_description(self, item):
        """What the item is to a reader now, in words, on its form."""
        if item is None or item.pk is None:
            return "Chưa lưu."
        state = item.state
        if state == State.PUBLISHED:
            return f"Đang hiện trên trang từ {moment(item.published_at)}."
        if state == State.SCHEDULED:
            return f"Đã hẹn giờ: sẽ tự hiện trên trang lúc {moment(item.published_at)}."
        if state == State.REVIEW:
            return "Chờ duyệt: chưa hiện trên trang cho đến khi người duyệt tin đăng."
        return "Bản nháp: chưa hiện trên trang."

    # --- saving ------------------------------------------------------------------------------------
    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        approved_now = "status" in form.changed_data and obj.status == Status.PUBLISHED
        if approved_now and "published_at" not in form.changed_data:
            # Approved with the time left as the draft had it (when it was started): as the list action
            # does, a past time becomes now. A time the approver typed is kept, past or future.
            rules.publish(obj)
        super().save_model(request, obj, form, change)
        self._say_when_it_appears(request, obj)

    def _say_when_it_appears(self, request, obj):
        if obj.published_at <= timezone.now():
            return
        words = {"title": obj, "when": moment(obj.published_at), "status": obj.get_status_display()}
        if obj.status == Status.PUBLISHED:
            messages.info(request, MESSAGE_SCHEDULED.format(**words))
        else:
            # A time to come on a draft reads like a schedule to whoever typed it; it is not one.
            messages.warning(request, MESSAGE_NEVER_APPEARS.format(**words))

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        revisions.record(obj, request.user, entry.get_change_message())
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        # Django's message is empty when no field and no inline row changed: no version for that save.
        if message:
            revisions.record(obj, request.user, entry.get_change_message())
        return entry

    def delete_model(self, request, obj):
        # A version as it was deleted, so that it can be recovered even if it predates versioning.
        revisions.record(obj, request.user, "Xóa")
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            revisions.record(obj, request.user, "Xóa")
        super().delete_queryset(request, queryset)

    # --- actions -----------------------------------------------------------------------------------
    @admin.action(description="Gửi duyệt các bài đã chọn", permissions=["change"])
    def submit_selected(self, request, queryset):
        sent = self._decide(request, queryset.filter(status=Status.DRAFT), rules.submit, "Gửi duyệt")
        self.message_user(request, MESSAGE_SUBMITTED.format(count=len(sent)), messages.SUCCESS)

    @admin.action(description="Xuất bản các bài đã chọn", permissions=["publish"])
    def publish_selected(self, request, queryset):
        approved = self._decide(request, queryset.exclude(status=Status.PUBLISHED), rules.publish, "Xuất bản")
        scheduled = sum(item.state == State.SCHEDULED for item in approved)
        live = len(approved) - scheduled
        self.message_user(request, f"Đã xuất bản {live} bài, hẹn giờ {scheduled} bài.", messages.SUCCESS)

    @admin.action(description="Gỡ xuống (trở về bản nháp) các bài đã chọn", permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        taken_down = self._decide(
            request, queryset.filter(status=Status.PUBLISHED), rules.unpublish, "Gỡ xuống"
        )
        self.message_user(request, f"Đã gỡ {len(taken_down)} bài về bản nháp.", messages.SUCCESS)

    def _decide(self, request, items, decision, message):
        """Apply a decision (rules.submit, publish, unpublish) to each item and save it; return them."""
        decided = []
        for item in items:
            decision(item)
            self._save_decision(request, item, message)
            decided.append(item)
        return decided

    def _save_decision(self, request, item, message):
        item.updated_by = request.user
        item.save(update_fields=["status", "published_at", "updated_by", "updated_at"])
        self.log_change(request, item, message)

    # --- the review queue --------------------------------------------------------------------------
    def review_rows(self, request):
        """This type's rows on the admin's front page: (label, count, address of that list)."""
        if not self.has_view_or_change_permission(request):
            return []
        counts = self.model._default_manager.review_counts()
        changelist = self._url("changelist")
        name = self.model._meta.verbose_name_plural.capitalize()
        rows = [
            (State.REVIEW, f"{name} chờ duyệt"),
            (State.DRAFT, f"{name} đang viết (bản nháp)"),
            (State.SCHEDULED, f"{name} đã lên lịch, chưa đến giờ đăng"),
        ]
        return [
            (label, counts[state], f"{changelist}?{StateFilter.parameter_name}={state}")
            for state, label in rows
        ]

    # --- versions ----------------------------------------------------------------------------------
    def get_urls(self):
        view = self.admin_site.admin_view
        prefix = self._url_prefix()
        return [
            path("<path:object_id>/history/compare/", view(self.compare_view), name=f"{prefix}_compare"),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                view(self.restore_view),
                name=f"{prefix}_restore",
            ),
            path("recover/", view(self.recover_list_view), name=f"{prefix}_recoverlist"),
            path("recover/<int:version_id>/", view(self.recover_view), name=f"{prefix}_recover"),
            *super().get_urls(),
        ]

    def _url_prefix(self):
        return f"{self.model._meta.app_label}_{self.model._meta.model_name}"

    def _url(self, name, *args):
        return reverse(f"admin:{self._url_prefix()}_{name}", args=args)

    def _context(self, request, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title,
            "can_restore": self.can_publish(request),
            **extra,
        }

    def _item_or_404(self, request, object_id):
        item = self.get_object(request, unquote(object_id))
        if item is None or not self.has_view_or_change_permission(request, item):
            raise Http404("Không tìm thấy bài này.")
        return item

    def history_view(self, request, object_id, extra_context=None):
        item = self._item_or_404(request, object_id)
        versions = list(revisions.versions_of(item))
        rows = [
            {
                "version": version,
                "when": revisions.when(version),
                "user": version.revision.user,
                "comment": version.revision.get_comment(),
                "restore_url": self._url("restore", item.pk, version.pk),
            }
            for version in versions
        ]
        context = self._context(
            request,
            f"Lịch sử sửa đổi: {item}",
            object=item,
            rows=rows,
            compare_url=self._url("compare", item.pk),
            change_url=self._url("change", item.pk),
        )
        return TemplateResponse(request, self.object_history_template, context)

    def _comparison(self, old, new, old_rows=None, new_rows=None):
        """[(label, diff html, changed)] for the compare fields of two field dicts, then for the rows
        each version follows (an article's photos, by their captions), given as {relation: [names]}."""
        rows = []
        for field, label, is_html in self.compare_fields:
            before, after = old.get(field) or "", new.get(field) or ""
            if is_html:
                before, after = readable_text(before), readable_text(after)
            rows.append((label, word_diff(before, after), changed(before, after)))
        for relation in self.revision_follow:
            label = self.model._meta.get_field(relation).related_model._meta.verbose_name_plural
            before = "\n".join((old_rows or {}).get(relation, []))
            after = "\n".join((new_rows or {}).get(relation, []))
            rows.append((label.capitalize(), word_diff(before, after), changed(before, after)))
        return rows

    def _followed_names(self, version):
        return {
            relation: [v.object_repr for v in rows] for relation, rows in revisions.followed(version).items()
        }

    def _current_names(self, item):
        return {
            relation: [str(row) for row in getattr(item, relation).all()] for relation in self.revision_follow
        }

    def compare_view(self, request, object_id):
        item = self._item_or_404(request, object_id)
        versions = revisions.versions_of(item)
        try:
            old = versions.get(pk=int(request.GET.get("tu", "")))
            new = versions.get(pk=int(request.GET.get("den", "")))
        except (ValueError, Version.DoesNotExist):
            messages.error(request, "Xin chọn hai bản lưu để so sánh.")
            return HttpResponseRedirect(self._url("history", item.pk))
        if old.revision.date_created > new.revision.date_created:
            old, new = new, old
        context = self._context(
            request,
            f"So sánh hai bản lưu: {item}",
            object=item,
            old_when=revisions.when(old),
            new_when=revisions.when(new),
            rows=self._comparison(
                old.field_dict, new.field_dict, self._followed_names(old), self._followed_names(new)
            ),
            history_url=self._url("history", item.pk),
        )
        return TemplateResponse(request, "publishing/admin/compare.html", context)

    def _may_restore(self, request, item=None):
        if not (self.can_publish(request) and self.has_change_permission(request, item)):
            raise PermissionDenied

    def _may_recover(self, request):
        # Recovering adds the item back: an approver who may also add items of this type.
        self._may_restore(request)
        if not self.has_add_permission(request):
            raise PermissionDenied

    def restore_view(self, request, object_id, version_id):
        item = self._item_or_404(request, object_id)
        self._may_restore(request, item)
        version = get_object_or_404(revisions.versions_of(item), pk=version_id)
        if request.method == "POST":
            return self._restore(request, version)
        current = {field: getattr(item, field) for field, _, _ in self.compare_fields}
        context = self._context(
            request,
            f"Khôi phục bản lưu lúc {revisions.when(version)}",
            object=item,
            rows=self._comparison(
                current, version.field_dict, self._current_names(item), self._followed_names(version)
            ),
            history_url=self._url("history", item.pk),
            action="restore",
        )
        return TemplateResponse(request, "publishing/admin/restore.html", context)

    def _restore(self, request, version):
        """Restore (or recover) as this version, say what came back, and open the item's form."""
        item, lost = revisions.restore(version, request.user)
        messages.success(request, f"Đã khôi phục “{item}” như bản lưu lúc {revisions.when(version)}.")
        if lost:
            messages.warning(request, f"{lost} ảnh của bản lưu đó đã bị xóa hẳn nên không khôi phục được.")
        return HttpResponseRedirect(self._url("change", item.pk))

    def recover_list_view(self, request):
        self._may_recover(request)
        rows = [
            {
                "version": version,
                "when": revisions.when(version),
                "user": version.revision.user,
                "url": self._url("recover", version.pk),
            }
            for version in revisions.deleted(self.model)
        ]
        name = self.model._meta.verbose_name_plural
        context = self._context(request, f"Khôi phục {name} đã xóa", rows=rows)
        return TemplateResponse(request, "publishing/admin/recover_list.html", context)

    def recover_view(self, request, version_id):
        self._may_recover(request)
        version = get_object_or_404(revisions.deleted(self.model), pk=version_id)
        if request.method == "POST":
            return self._restore(request, version)
        fields = version.field_dict
        context = self._context(
            request,
            f"Khôi phục “{version.object_repr}”",
            rows=self._comparison({}, fields, {}, self._followed_names(version)),
            state=State(state_of(fields["status"], fields["published_at"])).label,
            history_url=self._url("recoverlist"),
            action="recover",
        )
        return TemplateResponse(request, "publishing/admin/restore.html", context)


def review_queue(request, admin_site):
    """Every publishable type's rows for the admin's front page."""
    rows = []
    for model_admin in admin_site._registry.values():
        if isinstance(model_admin, PublishableAdmin):
            rows.extend(model_admin.review_rows(request))
    return rows
