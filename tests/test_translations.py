"""The committed catalogues (locale/vi/LC_MESSAGES/*.mo) are the .po files beside them, compiled.

Django reads only the .mo; a .po edited without running msgfmt changes nothing staff see.
"""

import gettext
import shutil
import subprocess
from pathlib import Path

import pytest

MESSAGES = Path(__file__).resolve().parents[1] / "locale" / "vi" / "LC_MESSAGES"


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_each_catalogue_is_compiled_from_its_po_file(domain, tmp_path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt (gettext) is not installed")
    compiled = tmp_path / f"{domain}.mo"
    subprocess.run([msgfmt, "--check", "-o", compiled, MESSAGES / f"{domain}.po"], check=True)
    with compiled.open("rb") as fresh, (MESSAGES / f"{domain}.mo").open("rb") as committed:
        assert gettext.GNUTranslations(committed)._catalog == gettext.GNUTranslations(fresh)._catalog
