"""The website in a real browser: Debian's headless Chromium, driven by Playwright.

The built site (the ``site`` fixture) is served on localhost. For an English and a Korean chapter
page: ``<html lang>`` is right and MathJax has typeset the math; the language switch lands on the
counterpart; an animation's Play button changes its frame; no request leaves localhost and the
console shows no error; a screenshot is saved (``_build/screenshots/``) and is not blank.

Needs ``/usr/bin/chromium`` (Debian: ``apt-get install chromium fonts-noto-cjk``; ``.ci/run``
installs both). Without it these tests are skipped, saying so. Playwright downloads no browser
here: it drives the system's Chromium.
"""

import re
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import pytest
from bilingual import page_language

from tests.chromium import Visit, needs_chromium
from tests.helpers import indexed_pages

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "_build" / "screenshots"
CHAPTER = "08_transposed_conv"
pytestmark = needs_chromium


@pytest.fixture(params=["en", "ko"])
def visit(request, browser, server):
    visit = Visit(browser, f"{server}/chapters/{CHAPTER}/{request.param}.html")
    visit.lang = request.param
    yield visit
    visit.close()


def test_language_and_rendered_math(visit):
    page = visit.page
    assert page.evaluate("document.documentElement.lang") == visit.lang
    assert page.locator("mjx-container").count() > 10, "MathJax did not typeset the math"
    assert page.locator("mjx-merror").count() == 0, "a formula failed to typeset"
    font = page.evaluate("getComputedStyle(document.querySelector('article')).fontFamily")
    if visit.lang == "ko":
        assert font.startswith('Pretendard') and "Noto Sans CJK KR" in font, font
        # the print-only contents' label, English in the theme's template (korean.js)
        assert page.locator("#jb-print-toc nav").get_attribute("aria-label") == "페이지"


def test_the_language_switch_lands_on_the_counterpart(visit):
    other = "ko" if visit.lang == "en" else "en"
    with visit.page.expect_navigation():
        visit.page.locator("button[onclick*='switchEdition']").first.click()
    assert visit.page.url.endswith(f"/chapters/{CHAPTER}/{other}.html")
    assert visit.page.evaluate("document.documentElement.lang") == other


def test_the_language_switch_lands_on_the_same_section(visit):
    """Read from the fourth section on, the switch opens the other page at its fourth section
    (the sections correspond one to one: test_book)."""
    page = visit.page
    ids = page.eval_on_selector_all("article section[id]", "s => s.map((e) => e.id)")
    page.locator(f"section#{ids[3]}").evaluate("s => s.scrollIntoView({behavior: 'instant'})")
    with page.expect_navigation():  # a click where the button is: Playwright's would scroll
        page.locator("button[onclick*='switchEdition']").first.dispatch_event("click")
    other = page.eval_on_selector_all("article section[id]", "s => s.map((e) => e.id)")
    assert urlsplit(page.url).fragment == other[3]
    top = page.locator(f"section#{other[3]}").evaluate("s => s.getBoundingClientRect().top")
    assert 0 <= top < 200, f"section {other[3]} is at {top}px, not at the top"


def test_playing_an_animation_changes_its_frame(visit):
    player = visit.page.locator("div.animation").first
    player.scroll_into_view_if_needed()
    frame = player.locator("img")
    before = frame.get_attribute("src")
    play = player.locator("button[onclick$='.play_animation()']")
    play.click()
    visit.page.wait_for_function(
        "([img, src]) => img.getAttribute('src') !== src", arg=[frame.element_handle(), before],
        timeout=10_000)
    assert play.locator("svg").count() == 1, "the Play icon is missing"
    words = {"en": ("Play", "Loop"), "ko": ("재생", "반복")}[visit.lang]  # korean.js
    assert play.get_attribute("title") == words[0]
    assert words[1] in player.locator("label").all_inner_texts()


def test_nothing_leaves_localhost_and_the_console_is_clean(visit, server):
    host = urlsplit(server).netloc
    visit.page.mouse.wheel(0, 20_000)  # lazy images and the rest of the page
    visit.page.wait_for_load_state("networkidle")
    outside = [u for u in visit.requests
               if urlsplit(u).scheme in ("http", "https", "ws", "wss")
               and urlsplit(u).netloc != host]
    assert not outside, f"requests to other hosts: {outside[:5]}"
    assert len(visit.requests) > 10
    assert not visit.errors, f"console errors: {visit.errors[:3]}"


def test_a_screenshot_that_is_not_blank(visit):
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{CHAPTER}_{visit.lang}.png"
    visit.page.screenshot(path=str(path))
    import matplotlib.image

    pixels = matplotlib.image.imread(path)[..., :3]
    ink = (pixels.mean(axis=2) < 0.5).mean()  # share of dark pixels: the text
    assert pixels.std() > 0.05 and 0.005 < ink < 0.5, f"{path} looks blank"
    assert len(np.unique((pixels * 255).astype(np.uint8).reshape(-1, 3), axis=0)) > 50


def search_results(page):
    """The pages a search page lists, once searchtools.js has finished (it writes the summary
    last), as docnames: ``chapters/08_transposed_conv/ko``."""
    page.wait_for_function(
        "document.querySelector('#search-results p.search-summary')?.textContent.length > 0",
        timeout=20_000)
    links = page.eval_on_selector_all(
        "#search-results ul li a", "links => links.map((a) => a.getAttribute('href'))")
    return [urlsplit(a).path.lstrip("./").removesuffix(".html") for a in links]


@pytest.mark.parametrize("lang, results, copy", [("ko", "검색 결과", "복사"),
                                                 ("en", "Search Results", "Copy")])
def test_search_from_a_chapter_stays_in_its_language(browser, server, lang, results, copy):
    """The search box of a Korean page leads to the Korean search page, whose results read in
    Korean and are the Korean edition's pages (``_ext/static/editions.js``); the code cells'
    copy buttons say 복사. English pages keep English, and English results."""
    visit = Visit(browser, f"{server}/chapters/{CHAPTER}/{lang}.html")
    try:
        page = visit.page
        assert page.locator("button.copybtn").first.get_attribute("data-tooltip") == copy
        page.keyboard.press("Control+k")
        page.keyboard.type("stride")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        target = "/ko/search.html" if lang == "ko" else "/search.html"
        assert urlsplit(page.url).path == target
        listed = search_results(page)
        assert page.locator("#search-results h2").inner_text() == results
        editions = {page_language(name) for name in listed}
        assert len(listed) > 3 and editions <= {lang, None}, (editions, listed[:5])
        assert page.evaluate("document.documentElement.lang") == ("ko" if lang == "ko" else "en")
        assert not visit.errors, visit.errors[:3]
    finally:
        visit.close()


def test_search_excerpts_show_no_tex(browser, server):
    """A result's excerpt is the page's text around the word; a formula in it shows as "…", not
    as its TeX source (``_ext/static/editions.js``)."""
    visit = Visit(browser, f"{server}/search.html?q=stride", math=False)
    try:
        search_results(visit.page)
        visit.page.wait_for_selector("#search-results p.context", timeout=20_000)
        excerpts = " ".join(visit.page.locator("#search-results p.context").all_inner_texts())
        assert "…" in excerpts, "no formula near 'stride' in any excerpt: choose another word"
        assert "\\(" not in excerpts and "\\[" not in excerpts, excerpts[:300]
    finally:
        visit.close()


def test_the_korean_search_stems_a_query_as_the_index_was_stemmed(browser, server, site):
    """What a reader types goes through the browser's stemmer (``_ext/korean_search.py``'s
    JavaScript), which must give each Hangul word of a Korean chapter the stem that Python gave
    it in the index; then 가중치를 lists every Korean page indexed under 가중치, and no English
    one, with 가중치 highlighted in their summaries."""
    from korean_search import SearchEnglishKorean

    html = (site / "chapters" / CHAPTER / "ko.html").read_text(encoding="utf-8")
    words = sorted({w for w in re.findall(r"\w+", re.sub(r"<[^>]+>", " ", html))
                    if re.search("[\uac00-\ud7a3]", w)})
    assert len(words) > 500
    visit = Visit(browser, f"{server}/ko/search.html?q=가중치를", math=False)
    try:
        stems = visit.page.evaluate(
            "words => { const s = new Stemmer(); return words.map((w) => s.stemWord(w)); }", words)
        python = SearchEnglishKorean({})
        assert stems == [python.stem(w) for w in words]
        assert stems != words  # particles were stripped
        listed = set(search_results(visit.page))
        indexed = {p for p in indexed_pages(site, "가중치") if page_language(p) != "en"}
        assert len(indexed) > 10 and indexed <= listed, sorted(indexed - listed)
        assert not any(page_language(p) == "en" for p in listed), sorted(listed)
        visit.page.wait_for_selector("#search-results span.highlighted", timeout=20_000)
        marked = visit.page.locator("#search-results span.highlighted").all_inner_texts()
        assert "가중치" in marked, marked[:5]  # the stem of what was typed, in the summaries
        assert not visit.errors, visit.errors[:3]
    finally:
        visit.close()


def test_a_hangul_query_on_the_shared_search_page_finds_the_korean_edition(browser, server):
    """The landing page belongs to both editions and its search box leads to search.html: a
    query in Hangul there lists Korean pages, a query in Latin letters English ones."""
    for query, edition in (("전치", "ko"), ("transposed", "en")):
        visit = Visit(browser, f"{server}/search.html?q={query}", math=False)
        try:
            listed = search_results(visit.page)
            editions = {page_language(name) for name in listed}
            assert len(listed) > 3 and editions <= {edition, None}, (query, listed[:5])
        finally:
            visit.close()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_on_a_phone_the_sidebars_open_and_nothing_scrolls_sideways(browser, server, lang):
    """At a phone's width (390 px) a chapter fits the screen (the language switch once pushed
    it to 410), and the header's buttons open the chapter list and the page's contents
    (``_static/sidebar-toggles.js``; the theme listened to hidden twins of them)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(f"{server}/chapters/{CHAPTER}/{lang}.html", wait_until="networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        for kind in ("primary", "secondary"):
            button = page.locator(f".article-header-buttons .{kind}-toggle, "
                                  f".header-article-items .{kind}-toggle").first
            assert button.is_visible()
            button.click()
            dialog = page.locator(f"#pst-{kind}-sidebar-modal")
            page.wait_for_function("d => d.open", arg=dialog.element_handle(), timeout=5_000)
            assert dialog.locator("a").count() > 5  # the chapters; the page's sections
            page.keyboard.press("Escape")
            page.wait_for_function("d => !d.open", arg=dialog.element_handle(), timeout=5_000)
    finally:
        context.close()
