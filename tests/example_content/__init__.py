"""A content type made of the publishing core alone, installed for the tests only (tests/settings.py).

It shows what a new type (a notice, a page, a document) writes to get drafts, review, scheduling, the
editor's lock, the review queue and versions: the lines in models.py and admin.py, nothing else.
"""
