"""Sessions in the database, looked up only by a key Django itself could have made.

Django's session keys are 32 lower-case letters and digits, but its database store looks up whatever the
sessionid cookie holds once it is 8 characters long. A cookie can carry a NUL byte (quoted as "\\000"),
which PostgreSQL refuses in a query: the article page, which asks whether the reader is staff, answered
500. A key of anything but ASCII letters and digits is no session, and costs no query.
"""

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore


class SessionStore(DatabaseSessionStore):
    def _validate_session_key(self, key):
        return super()._validate_session_key(key) and key.isascii() and key.isalnum()
