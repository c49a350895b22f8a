"""The list's filters, from the query string a visitor can type anything into.

Type, issuing body and field are named by their slugs, the year by its digits. A value that names
nothing (a slug no row has, "abc" or 99999 for a year) leaves the list empty and says so: the visitor
followed a stale or mistyped link; it is never a 500.
"""

from news.text import nfc

FIRST_YEAR, LAST_YEAR = 1930, 2099
PARAMETERS = ("loai", "co-quan", "linh-vuc", "nam")


class DocumentFilters:
    def __init__(self, query):
        self.values = {}
        self.invalid = False
        for name in PARAMETERS:
            value = nfc(query.get(name, ""))[:100].strip()
            if value:
                self.values[name] = value
        year = self.values.get("nam")
        if year is not None and not (
            year.isascii() and year.isdigit() and FIRST_YEAR <= int(year) <= LAST_YEAR
        ):
            self.invalid = True

    # What the form shows as chosen.
    doc_type = property(lambda self: self.values.get("loai", ""))
    issuer = property(lambda self: self.values.get("co-quan", ""))
    field = property(lambda self: self.values.get("linh-vuc", ""))
    year = property(lambda self: self.values.get("nam", ""))

    @property
    def active(self):
        return bool(self.values)

    def apply(self, documents):
        if self.invalid:
            return documents.none()
        lookups = {"loai": "doc_type__slug", "co-quan": "issuer__slug", "linh-vuc": "field__slug"}
        for name, lookup in lookups.items():
            if name in self.values:
                documents = documents.filter(**{lookup: self.values[name]})
        if "nam" in self.values:
            documents = documents.filter(issued_on__year=int(self.values["nam"]))
        return documents
