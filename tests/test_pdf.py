"""Each edition's PDF (``_ext/pdf.py``): built with the site, linked from its front page, with
its pages, its Hangul and no missing glyph, looked at with poppler's tools (``pdftotext``,
``pdffonts``, ``pdftoppm``; Debian's ``poppler-utils``, which ``.ci/run`` installs).
"""

import re
import shutil
import subprocess

import pytest

from tests.chromium import needs_chromium
from tests.helpers import CHAPTERS

POPPLER = all(shutil.which(tool) for tool in ("pdfinfo", "pdftotext", "pdffonts", "pdftoppm"))
pytestmark = [needs_chromium, pytest.mark.skipif(
    not POPPLER, reason="no poppler: `sudo apt-get install poppler-utils` (.ci/run does)")]
TITLE = {"ko": "08 · 전치 합성곱", "en": "08 · Transposed convolution"}


def _run(*command):
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_each_edition_has_its_pdf_linked_from_its_front_page(site, lang):
    front = (site / lang / "index.html").read_text(encoding="utf-8")
    assert f'href="../pdf/{lang}.pdf"' in front
    pdf = site / "pdf" / f"{lang}.pdf"
    info = _run("pdfinfo", str(pdf))
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 150 < pages < 600, f"{pages} pages"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_pdf_has_every_chapter_its_language_and_no_solution(site, lang):
    text = _run("pdftotext", "-enc", "UTF-8", str(site / "pdf" / f"{lang}.pdf"), "-")
    assert TITLE[lang] in text
    hangul = len(re.findall("[\uac00-\ud7a3]", text))
    assert (hangul > 50_000) if lang == "ko" else (hangul < 2_000), hangul
    assert "\ufffd" not in text, "a character the PDF could not encode"
    assert "raise NotImplementedError()" in text  # the exercises as their stubs, as on the site
    for chapter in CHAPTERS:
        assert f"{chapter[:2]} · " in text, f"chapter {chapter} is missing"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_font_is_embedded_with_its_characters_and_headings_are_bookmarks(site, lang):
    """No glyph left to the reader's fonts: each font is embedded and maps its glyphs back to
    characters (pdffonts' emb and uni columns), which is also what lets pdftotext read the
    Hangul above; Chromium writes the headings as the PDF's outline."""
    pdf = site / "pdf" / f"{lang}.pdf"
    fonts = [line.split() for line in _run("pdffonts", str(pdf)).splitlines()[2:]]
    # the columns end: emb sub uni object-number generation
    assert fonts and all(f[-5] == f[-3] == "yes" for f in fonts), \
        "a font is not embedded, or has no character map"
    assert b"/Outlines" in pdf.read_bytes(), "no bookmarks"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_page_renders(site, lang, tmp_path):
    """The middle page as an image, as poppler draws it for a reader: not blank."""
    pdf = str(site / "pdf" / f"{lang}.pdf")
    middle = str(int(re.search(r"Pages:\s+(\d+)", _run("pdfinfo", pdf)).group(1)) // 2)
    _run("pdftoppm", "-f", middle, "-l", middle, "-r", "50", "-png", pdf, str(tmp_path / "page"))
    import matplotlib.image

    pixels = matplotlib.image.imread(next(tmp_path.glob("page*.png")))[..., :3]
    ink = (pixels.mean(axis=2) < 0.5).mean()
    assert 0.005 < ink < 0.5, f"page {middle} of {lang}.pdf looks blank ({ink:.3f} dark)"
