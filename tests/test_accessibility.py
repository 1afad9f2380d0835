"""The website for every reader (WCAG 2.1 AA), as a screen reader and a keyboard meet it.

- axe-core (the engine behind most accessibility audits, through axe-playwright-python) finds no
  violation of its WCAG 2.1 A/AA rules on any page of the site, in the light and the dark colour
  mode. The dark mode reruns only the rules that depend on colour; the others read the same page.
  Highlighted code is read one span per token class (``SAMPLE_CODE``).
- Every figure on a chapter page has alt text in the page's language from its cell's metadata
  (``_ext/accessibility.py``), not its file path.
- A Korean page marks its English (code, Latin-script words) ``lang="en"``
  (``_ext/english_marks.py``).
- The animation player works from the keyboard.

The browser tests need ``/usr/bin/chromium`` (``tests/chromium.py``).
"""

import asyncio
import json
import re
from html import unescape
from pathlib import Path

import pytest

from tests.chromium import CHROMIUM, FLAGS, Visit, needs_chromium
from tests.helpers import CHAPTERS, SITE_PAGES

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("ko", "en")
PAGES = sorted(SITE_PAGES + ["search.html", "ko/search.html", "genindex.html"])
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
COLOUR_RULES = ["color-contrast", "link-in-text-block"]  # the rules a colour mode changes
HANGUL = re.compile("[\uac00-\ud7a3]")


# Code is highlighted token by token, and axe's contrast check costs about 1 ms per element: on
# a chapter page its thousands of spans took 2.4 of the 2.9 s. A span's colours come from its
# token's class, so axe reads one span of each class (in a cell's source, in its output) and
# every element that is not a span of code.
SAMPLE_CODE = """() => {
  const seen = new Set();
  for (const span of document.querySelectorAll(".highlight span")) {
    const key = span.className + (span.closest(".cell_output") ? " out" : " in");
    if (!seen.has(key)) { seen.add(key); span.dataset.contrastSample = ""; }
  }
  return seen.size;
}"""
UNSAMPLED = ".highlight span:not([data-contrast-sample])"
# the colours as they end: the theme fades them in when it sets the mode after the load
SETTLED = """() => Promise.all(document.getAnimations()
  .filter((a) => a.effect.getComputedTiming().endTime !== Infinity).map((a) => a.finished))"""


async def _audit_page(page, url, mode, axe):
    """axe's violations on one page in one colour mode: ``["rule: n × <html>", ...]``."""
    await page.goto(url, wait_until="load")
    await page.evaluate("() => window.MathJax?.startup?.promise")  # typeset, where it is
    await page.evaluate(SETTLED)
    theme = await page.evaluate("document.documentElement.dataset.theme")
    assert theme == mode, f"{url} shows the {theme} mode in a {mode} browser"
    await page.evaluate(SAMPLE_CODE)
    rules = {"type": "tag", "values": WCAG} if mode == "light" else \
        {"type": "rule", "values": COLOUR_RULES}
    result = await axe.run(page, context={"exclude": [[UNSAMPLED]]},
                           options={"runOnly": rules, "resultTypes": ["violations"]})
    return [f"{v['id']}: {len(v['nodes'])} × {v['nodes'][0]['html'][:160]}"
            for v in result.response["violations"]]


async def _audit(server, pages):
    """Every page in both modes: a browser tab per mode, the two side by side (two cores)."""
    from axe_playwright_python.async_playwright import Axe
    from playwright.async_api import async_playwright

    axe = Axe()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)

        async def tab(mode):
            context = await browser.new_context(viewport={"width": 1280, "height": 900},
                                                color_scheme=mode)
            page = await context.new_page()
            found = {(p, mode): await _audit_page(page, f"{server}/{p}", mode, axe)
                     for p in pages}
            await context.close()
            return found

        light, dark = await asyncio.gather(tab("light"), tab("dark"))
        await browser.close()
    return light | dark


@pytest.fixture(scope="module")
def violations(site, server):
    """axe's findings for every page and mode, from one run of the whole site."""
    built = {p.relative_to(site).as_posix() for p in site.rglob("*.html")
             if not p.relative_to(site).parts[0].startswith("_")}
    assert built == set(PAGES), f"pages the audit does not know: {sorted(built ^ set(PAGES))}"
    return asyncio.run(_audit(server, PAGES))


@needs_chromium
@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("page", PAGES)
def test_axe_finds_nothing(violations, page, mode):
    assert violations[page, mode] == [], "\n".join(violations[page, mode])


def _figures(html):
    """The ``alt`` of every figure in a page's article: images and animation frames."""
    article = re.search(r'<article class="bd-article".*?</article>', html, flags=re.S).group(0)
    return [unescape(alt or "") for alt in
            re.findall(r'<img (?:[^>]*?\balt="([^"]*)")?[^>]*>', article)]


def _alt_texts(chapter, lang):
    cells = json.loads((ROOT / "chapters" / chapter / f"{lang}.ipynb").read_text())["cells"]
    return [text for cell in cells for text in cell["metadata"].get("alt", [])]


@pytest.mark.parametrize("chapter", CHAPTERS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_figure_says_what_it_shows_in_its_pages_language(site, chapter, lang):
    html = (site / "chapters" / chapter / f"{lang}.html").read_text(encoding="utf-8")
    shown = _figures(html)
    assert shown == _alt_texts(chapter, lang), "the page's alt texts are not its cells' texts"
    assert len(shown) >= 2  # every chapter has figures and an animation
    for alt in shown:
        assert len(alt) > 60 and "_images" not in alt and not alt.endswith(".png"), alt
        assert bool(HANGUL.search(alt)) == (lang == "ko"), f"alt text not in {lang}: {alt}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_both_editions_describe_the_same_figures(chapter):
    cells = {lang: json.loads((ROOT / "chapters" / chapter / f"{lang}.ipynb").read_text())
             ["cells"] for lang in LANGS}
    counts = {lang: [len(c["metadata"].get("alt", [])) for c in cells[lang]] for lang in LANGS}
    assert counts["ko"] == counts["en"]


@pytest.mark.parametrize("chapter", ["08_transposed_conv", "13_deconvnet_segmentation"])
def test_a_korean_page_marks_its_english(site, chapter):
    html = (site / "chapters" / chapter / "ko.html").read_text(encoding="utf-8")
    english = (site / "chapters" / chapter / "en.html").read_text(encoding="utf-8")
    cells = re.findall(r'<div class="cell_input[^"]*"[^>]*>', html)
    assert cells and all('lang="en"' in c for c in cells), cells[:2]
    words = re.findall(r'<span lang="en">([^<]+)</span>', html)
    assert len(words) > 20 and not any(HANGUL.search(w) for w in words), words[:20]
    assert "Zeiler &amp; Fergus" in words  # a run of words is one mark
    assert 'lang="en"' not in english.split("<body", 1)[1]  # an English page needs no marks


@needs_chromium
def test_the_animation_player_works_from_the_keyboard(browser, server):
    visit = Visit(browser, f"{server}/chapters/08_transposed_conv/ko.html")
    try:
        player = visit.page.locator("div.animation").first
        frame = player.locator("img")
        slider = player.locator("input[type=range]")
        assert slider.get_attribute("aria-label") == "프레임"
        first = frame.get_attribute("src")
        slider.focus()
        visit.page.keyboard.press("ArrowRight")
        assert slider.input_value() == "1" and frame.get_attribute("src") != first
        visit.page.keyboard.press("Tab")  # into the buttons: each a <button>, by its name
        focused = visit.page.evaluate("document.activeElement.getAttribute('aria-label')")
        assert focused == "느리게"
        player.locator("button[aria-label='첫 프레임']").focus()
        visit.page.keyboard.press("Enter")
        assert slider.input_value() == "0" and frame.get_attribute("src") == first
        player.locator("button[aria-label='다음 프레임']").focus()
        visit.page.keyboard.press("Space")
        assert slider.input_value() == "1"
    finally:
        visit.close()
