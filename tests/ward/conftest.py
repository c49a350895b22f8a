import pytest

from ward import identity


@pytest.fixture(autouse=True)
def ward_row(db):
    """The settings row and the default menu: made by the migration, and again on first use after a
    browser test's flush emptied the tables (ward.defaults)."""
    identity.current()
