"""`ward` in every template: the ward's identity (ward.identity), read only where a template uses it."""

from django.utils.functional import SimpleLazyObject

from .identity import current


def identity(request):
    return {"ward": SimpleLazyObject(current)}
