"""Refusing a NUL byte in the address of a staff page before it reaches the database.

The admin's change lists turn query parameters into filters (?name=…, ?username=…); PostgreSQL refuses
a text value with a NUL byte, so such an address was a 500. The public pages read their few parameters
themselves and answer a NUL with a normal page; the admin has too many to check one by one, so its
requests with one get the 400 page instead.
"""

from django.core.exceptions import BadRequest

from .security import is_staff_tool


class StaffQueryGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_staff_tool(request.path) and "\x00" in "".join(
            key + "".join(values) for key, values in request.GET.lists()
        ):
            raise BadRequest("NUL byte in a staff page's query string")
        return self.get_response(request)
