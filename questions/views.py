"""Hỏi đáp's public pages: the answered questions (kept rendered like the news lists), one of them, the
form (never kept: it carries each visitor's CSRF token) and the confirmation with the reference."""

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from news.pagination import paginate
from news.views import canonical, kept_page

from . import throttle
from .forms import QuestionForm
from .models import PUBLIC_SENDER, Question, new_reference

PER_PAGE = 10
SENT_SALT = "questions.sent"
# The confirmation can be reloaded for a day; after that its address shows the form again.
SENT_MAX_AGE = 24 * 60 * 60
MESSAGE_TOO_MANY = (
    "Bạn đã gửi nhiều lần trong thời gian ngắn nên phường tạm chưa nhận thêm. Xin thử lại sau khoảng"
    " {minutes} phút, hoặc gọi điện đến văn phòng phường."
)


@require_safe
@kept_page
def index(request):
    page = paginate(request, Question.objects.published().order_by("-published_at", "-pk"), PER_PAGE)
    context = {"page": page, "canonical_url": canonical(request, page), "public_sender": PUBLIC_SENDER}
    return render(request, "questions/index.html", context)


@require_safe
@kept_page
def detail(request, pk):
    # Staff preview a question at its public address before it is published, as with articles.
    questions = Question.objects.all() if request.user.is_staff else Question.objects.published()
    question = questions.filter(pk=pk).first()
    if question is None:
        raise Http404("Không tìm thấy câu hỏi này.")
    context = {
        "question": question,
        "preview": not question.is_public,
        "public_sender": PUBLIC_SENDER,
        "canonical_url": request.build_absolute_uri(question.get_absolute_url()),
    }
    return render(request, "questions/detail.html", context)


def _sent(reference):
    token = signing.dumps(reference, salt=SENT_SALT)
    return redirect(f"{reverse('questions:sent')}?ma={token}")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def ask(request):
    if request.method != "POST":
        return _form_page(request, QuestionForm())
    form = QuestionForm(request.POST)
    if not throttle.address_allows(request):
        return _refused(request, form)
    if form.is_bot:
        # A bot learns nothing: the same confirmation, with a reference that names no question.
        return _sent(new_reference())
    if not form.is_valid():
        return _form_page(request, form, status=400)
    if not throttle.contact_allows(form.contact_key):
        return _refused(request, form)
    return _sent(form.save().reference)


def _refused(request, form):
    message = MESSAGE_TOO_MANY.format(minutes=throttle.minutes_left())
    return _form_page(request, form, status=429, refusal=message)


def _form_page(request, form, status=200, **extra):
    context = {
        "form": form,
        "public_sender": PUBLIC_SENDER,
        "contact_days": settings.PORTAL_QUESTION_CONTACT_DAYS,
        **extra,
    }
    return render(request, "questions/ask.html", context, status=status)


@never_cache
@require_safe
def sent(request):
    try:
        reference = signing.loads(request.GET.get("ma", ""), salt=SENT_SALT, max_age=SENT_MAX_AGE)
    except signing.BadSignature:
        return redirect("questions:ask")
    return render(request, "questions/sent.html", {"reference": reference})
