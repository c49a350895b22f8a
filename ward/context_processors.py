"""`ward` in every template: the ward's identity (ward.identity), read only where a template uses it; and
`today`, the date the header shows (ward.today)."""

from django.utils.functional import SimpleLazyObject

from .identity import for_request
from .today import today


def identity(request):
    return {"ward": SimpleLazyObject(lambda: for_request(request)), "today": today()}
