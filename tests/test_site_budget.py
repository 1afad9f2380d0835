"""The website stays light on a phone: a budget on what each page loads, measured on the built
site, compressed as a static host serves it. (Lighthouse itself is ``make audit``: it needs
Chromium's full run per page and the npm registry.)

- Each page's HTML, and the whole of what it loads (HTML, style sheets, scripts; not the
  figures, which load lazily, nor fonts), stay within a budget.
- Nothing holds the first paint but the HTML and its style sheets: every script in the head is
  ``defer``red or ``async`` (the search pages excepted: ``_ext/lighter.py``).
- Font Awesome's 1.5 MB script is gone (``_ext/icons.py``), the search index loads on the search
  pages only, MathJax only where there is math, and no animation frame is inline.
"""

import gzip
import re
from functools import cache
from html.parser import HTMLParser

import pytest

from tests.helpers import SITE_PAGES

PAGES = SITE_PAGES
HTML_KB = 300  # a page's HTML, uncompressed (chapter 08's was 1,260 with its frames inline)
FIRST_PAINT_KB = 140  # compressed: the HTML and the style sheets, which the first paint waits for
TOTAL_KB = 500  # compressed: the HTML, style sheets and scripts (MathJax is about 270 of it)


class Loads(HTMLParser):
    """The style sheets and scripts of a page, in order: (kind, url, blocking)."""

    def __init__(self):
        super().__init__()
        self.loads, self.in_head = [], True

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body":
            self.in_head = False
        elif tag == "link" and a.get("rel") == "stylesheet":
            self.loads.append(("css", a["href"], True))
        elif tag == "script" and a.get("src"):
            blocking = self.in_head and "defer" not in a and "async" not in a
            self.loads.append(("js", a["src"], blocking))


def loads(html):
    parser = Loads()
    parser.feed(html)
    return parser.loads


@cache
def compressed(path):
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def _file(site, page, url):
    return (site / page).parent.joinpath(url.split("?")[0]).resolve()


@pytest.mark.parametrize("page", PAGES)
def test_a_page_stays_within_its_budget(site, page):
    path = site / page
    html = path.read_text(encoding="utf-8")
    assert path.stat().st_size <= HTML_KB * 1000, f"{page}: {path.stat().st_size} bytes of HTML"
    found = loads(html)
    blocking = [url for kind, url, blocks in found if kind == "js" and blocks]
    assert not blocking, f"{page}: scripts that hold the first paint: {blocking}"
    first = compressed(path) + sum(compressed(_file(site, page, url))
                                   for kind, url, _ in found if kind == "css")
    total = compressed(path) + sum(compressed(_file(site, page, url)) for _, url, _ in found)
    assert first <= FIRST_PAINT_KB * 1000, f"{page}: {first} bytes before the first paint"
    assert total <= TOTAL_KB * 1000, f"{page}: {total} bytes in all"


@pytest.mark.parametrize("page", PAGES)
def test_a_page_loads_only_what_it_shows(site, page):
    html = (site / page).read_text(encoding="utf-8")
    urls = [url for _, url, _ in loads(html)]
    assert not [u for u in urls if "fontawesome" in u]
    assert not [u for u in urls if "searchindex" in u or "searchtools" in u]
    has_math = 'class="math' in html
    assert any("mathjax" in u for u in urls) == has_math, f"{page}: MathJax is not where math is"
    assert "data:image/png;base64" not in html, f"{page}: an animation frame is inline"


def test_the_search_pages_load_the_index(site):
    for page in ("search.html", "ko/search.html"):
        assert any("searchindex" in u for _, u, _ in loads((site / page).read_text("utf-8")))


def test_the_icons_are_drawn_without_the_script(site):
    """Every icon a page names has its rule in icons.css (a missing one would show a square)."""
    from icons import used_icons

    css = (site / "_static" / "icons.css").read_text(encoding="utf-8")
    used = set()
    for page in PAGES:
        used |= used_icons((site / page).read_text(encoding="utf-8"))
    assert len(used) > 10
    for pack, name in used:
        assert re.search(rf"\.{pack}\.fa-{name}\b[^{{]*{{[^}}]*--fa-icon: url\(", css), name
