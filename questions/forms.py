"""The public question form: what a resident may send, checked field by field in Vietnamese.

Everything is plain text (never HTML): NFC, no control characters, shown escaped. A NUL byte is refused
with a message rather than silently dropped, so nothing a resident did not see is stored.
"""

from django import forms
from django.core.exceptions import ValidationError

from news.text import nfc

from .contact import contact_key, normal_phone
from .models import Question

BODY_MAX = 3000
MESSAGE_NUL = "Nội dung có ký tự không hợp lệ (ký tự rỗng). Xin gõ lại hoặc dán lại dưới dạng chữ thường."
MESSAGE_REQUIRED = "Xin điền mục này."
MESSAGE_TOO_LONG = "Mục này dài quá: tối đa {limit} ký tự, bạn đã viết {length} ký tự."
MESSAGE_PHONE = "Số điện thoại chưa đúng. Xin ghi số Việt Nam, ví dụ 0912 345 678 hoặc 024 3825 1234."
MESSAGE_EMAIL = "Địa chỉ thư điện tử chưa đúng, ví dụ: ten@gmail.com."
MESSAGE_NO_CONTACT = "Xin ghi số điện thoại hoặc thư điện tử (một trong hai) để cán bộ phường trả lời bạn."
# The honeypot: hidden from people (CSS, aria-hidden, no tab stop), filled in by form-filling bots.
HONEYPOT = "website"


def thousands(number):
    return f"{number:,}".replace(",", ".")


class PlainText(forms.CharField):
    """A line or a text of a resident's: NFC, a NUL refused in Vietnamese, the length in Vietnamese."""

    def __init__(self, *, max_length, **kwargs):
        kwargs.setdefault("error_messages", {"required": MESSAGE_REQUIRED})
        super().__init__(max_length=None, **kwargs)
        self.limit = max_length
        self.widget.attrs["maxlength"] = str(max_length)

    def to_python(self, value):
        if isinstance(value, str) and "\x00" in value:
            raise ValidationError(MESSAGE_NUL, code="null_characters_not_allowed")
        text = nfc(super().to_python(value)).strip()
        if len(text) > self.limit:
            message = MESSAGE_TOO_LONG.format(limit=thousands(self.limit), length=thousands(len(text)))
            raise ValidationError(message, code="max_length")
        return text


class QuestionForm(forms.Form):
    name = PlainText(label="Họ và tên", max_length=100)
    phone = PlainText(label="Số điện thoại", max_length=20, required=False)
    email = PlainText(label="Thư điện tử", max_length=254, required=False)
    residential_group = PlainText(
        label="Tổ dân phố",
        max_length=100,
        required=False,
        help_text="Không bắt buộc, ví dụ: Tổ dân phố số 5.",
    )
    subject = PlainText(label="Tiêu đề", max_length=200)
    body = PlainText(
        label="Câu hỏi hoặc góp ý",
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=f"Tối đa {thousands(BODY_MAX)} ký tự.",
    )
    website = forms.CharField(
        label="Trang web (xin để trống)",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["phone"].widget.input_type = "tel"
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        self.fields["email"].widget.input_type = "email"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    @property
    def is_bot(self):
        """Whether the hidden field was filled: a person never sees it."""
        return bool(self.data.get(HONEYPOT))

    def clean_phone(self):
        raw = self.cleaned_data["phone"]
        if not raw:
            return ""
        phone = normal_phone(raw)
        if phone is None:
            raise ValidationError(MESSAGE_PHONE, code="phone")
        return phone

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email:
            try:
                forms.EmailField().clean(email)
            except ValidationError:
                raise ValidationError(MESSAGE_EMAIL, code="email") from None
        return email

    def clean(self):
        cleaned = super().clean()
        has_errors = "phone" in self.errors or "email" in self.errors
        if not has_errors and not cleaned.get("phone") and not cleaned.get("email"):
            raise ValidationError(MESSAGE_NO_CONTACT, code="no_contact")
        return cleaned

    @property
    def contact_key(self):
        return contact_key(self.cleaned_data["phone"], self.cleaned_data["email"])

    def save(self):
        fields = {name: self.cleaned_data[name] for name in ("name", "phone", "email", "residential_group")}
        return Question.receive(
            subject=self.cleaned_data["subject"], body=self.cleaned_data["body"], **fields
        )
