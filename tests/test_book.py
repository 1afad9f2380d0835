"""The website: it builds with warnings as errors, and each edition is wired correctly.

Reads the HTML of the real book (the ``site`` fixture in ``tests/conftest.py`` builds it once):
language attributes, the switch to the other language, a sidebar with one edition, the Colab
button of the page's own language, the theme's words in Korean on Korean pages, rendered math,
the bibliography, exercises shown as their stubs, and no load from another host.

The notebooks are not executed a second time: the build takes the outputs that nbval collected
when it ran them earlier in the same session (``conftest.py``). A notebook nbval did not run
(``pytest tests/test_book.py`` alone, say) is executed by the build, as ``make book`` does.
"""

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.helpers import indexed_pages

ROOT = Path(__file__).resolve().parents[1]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
CHAPTERS = sorted(p.name for p in (ROOT / "chapters").iterdir() if re.match(r"\d\d_", p.name))
EDITION_PAGES = ("index", "how_to_use", "cheatsheet", "glossary", "references")  # ko/*.md, en/*.md


def _page(site, name):
    return (site / f"{name}.html").read_text(encoding="utf-8")


def _sidebar(html):
    return html.split('class="bd-links bd-docs-nav"', 1)[1].split("</nav>", 1)[0]


@pytest.mark.parametrize("chapter", CHAPTERS)
@pytest.mark.parametrize("lang, other, switch", [("ko", "en", "English"), ("en", "ko", "한국어")])
def test_chapter_page_is_wired_to_its_language(site, chapter, lang, other, switch):
    html = _page(site, f"chapters/{chapter}/{lang}")
    assert re.search(rf'<html[^>]* lang="{lang}"', html), "wrong <html lang>"
    assert f"switchEdition('{other}.html', [" in html and switch in html, "no switch"
    assert f'hreflang="{other}"' in html
    nav = _sidebar(html)
    assert f"chapters/{chapter}/{lang}.html" in nav or f"{lang}.html" in nav
    assert f"{other}.html" not in nav and f"/{other}/" not in nav, "sidebar mixes editions"
    repo = CONFIG["repository"]["url"].removeprefix("https://github.com/")
    colab = (f"https://colab.research.google.com/github/{repo}/blob/"
             f"{CONFIG['repository']['branch']}/chapters/{chapter}/{lang}.ipynb")
    assert colab in html, "Colab button must open this language's notebook"
    assert "class=\"math" in html, "math not rendered as MathJax markup"
    assert "BEGIN SOLUTION" not in html, "solutions must be hidden on the website"


@pytest.mark.parametrize("chapter", CHAPTERS)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_chapter_page_shows_the_executed_outputs(site, chapter, lang):
    html = _page(site, f"chapters/{chapter}/{lang}")
    assert "<img" in html, "no figure: the notebook's outputs did not reach the page"
    assert 'class="animation"' in html, "no animation for the website's readers"
    assert ": pass (" in html, "the exercise checks' verdicts are missing"


# A cell's last expression shown as plain text: on a chapter page always an object's repr (a
# figure's axes, a legend, a model: noise, with addresses that change from run to run), since
# results are printed. A figure cell ends with plt.show(); a value is printed or assigned.
BARE_VALUE = re.compile(r'<div class="output text_plain[^"]*"><div class="highlight"><pre>'
                        r'<span></span>([^<]{0,60})')


@pytest.mark.parametrize("chapter", CHAPTERS)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_chapter_page_shows_no_object_repr(site, chapter, lang):
    html = _page(site, f"chapters/{chapter}/{lang}")
    shown = [unescape(m.group(1)).strip() for m in BARE_VALUE.finditer(html)]
    assert not shown, f"a cell shows the repr of the value it ends with: {shown}"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_front_matter_pages(site, lang):
    for page in EDITION_PAGES:
        html = _page(site, f"{lang}/{page}")
        assert re.search(rf'<html[^>]* lang="{lang}"', html)
    refs = _page(site, f"{lang}/references")
    for author in ("Zeiler", "Noh", "Long", "Badrinarayanan", "Dumoulin", "Odena", "Shi",
                   "Springenberg", "Radford"):
        assert author in refs, f"{author} missing from the references"


@pytest.mark.parametrize("lang, other", [("ko", "en"), ("en", "ko")])
def test_previous_and_next_stay_in_the_edition(site, lang, other):
    for page in [f"{lang}/{name}" for name in EDITION_PAGES] \
            + [f"chapters/{chapter}/{lang}" for chapter in CHAPTERS]:
        html = _page(site, page)
        footer = html.split('class="prev-next-area"', 1)[-1].split("</footer>", 1)[0]
        assert not re.search(rf'href="[^"]*(/{other}/|/{other}\.html)', footer), page


def _sections(html):
    return re.findall(r'<section[^>]*\bid="([^"]+)"', html)


@pytest.mark.parametrize("page", [f"chapters/{c}/{{}}" for c in CHAPTERS]
                         + [f"{{}}/{p}" for p in EDITION_PAGES])
def test_both_editions_of_a_page_have_the_same_sections_and_a_description(site, page):
    """The language switch lands on the matching section (one to one, in order); each page has
    a description in its own language for search engines (its first paragraph)."""
    ko, en = (_page(site, page.format(lang)) for lang in ("ko", "en"))
    assert len(_sections(ko)) == len(_sections(en)) >= 1
    for lang, html in (("ko", ko), ("en", en)):
        text = unescape(re.search(r'<meta name="description" content="([^"]+)"', html).group(1))
        assert 40 <= len(text) <= 161 and "<" not in text, text
        hangul = len(re.findall("[\uac00-\ud7a3]", text))
        assert hangul > len(text) / 3 if lang == "ko" else hangul < len(text) / 10, text


def test_both_editions_have_the_same_pages_all_in_the_toc():
    """Every edition page exists in both languages and sits in the toc (no site build needed)."""
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    for lang in ("ko", "en"):
        assert {p.stem for p in (ROOT / lang).glob("*.md")} == set(EDITION_PAGES), lang
        for page in EDITION_PAGES:
            assert f"file: {lang}/{page}\n" in toc, f"{lang}/{page} is not in _toc.yml"


def test_landing_page_leads_to_both_editions(site):
    html = _page(site, "index")
    assert 'href="ko/index.html"' in html and 'href="en/index.html"' in html
    # its cards are the way in: no "next" into one of the editions
    assert 'class="right-next"' not in html and 'class="left-prev"' not in html


def test_mathjax_is_served_locally(site):
    """The math renders offline: MathJax ships with the site, not from a CDN."""
    html = _page(site, f"chapters/{CHAPTERS[0]}/en")
    assert re.search(r'<script[^>]+src="[^"]*_static/mathjax/tex-chtml\.js', html)
    assert (site / "_static" / "mathjax" / "tex-chtml.js").exists()


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_exercises_show_their_stub_not_their_solution(site, chapter):
    """What the student's copy shows: the signature and the stub (``_ext/homework.py``)."""
    import nbformat

    from utils.student import stub

    html = _text(_page(site, f"chapters/{chapter}/en"))
    cells = nbformat.read(ROOT / "chapters" / chapter / "en.ipynb", 4).cells
    solutions = [c.source for c in cells if c.metadata.get("nbgrader", {}).get("solution")]
    assert len(solutions) >= 2
    for source in solutions:
        shown = stub(source)
        assert shown in html, f"the stub of {source.splitlines()[0]} is not on the page"
        hidden = [line for line in source.splitlines() if line not in shown.splitlines()]
        body = [line.strip() for line in hidden if "SOLUTION" not in line and line.strip()]
        assert not any(f"\n{line}\n" in html for line in body if len(line) > 25), \
            f"{source.splitlines()[0]}: a line of the solution is on the page"


def _text(html):
    """The page's code and prose as text, one element per line, entities decoded."""
    import html as entities

    return entities.unescape(re.sub(r"<[^>]+>", "", html))


# the theme's words on a chapter page: English, then what a Korean page must say instead
THEME_WORDS = [
    ("Search", "검색"), ("Contents", "목차"), ("Skip to main content", "본문 바로가기"),
    ("Back to top", "맨 위로"), ("Download source file", "원본 파일 내려받기"),
    ("Toggle primary sidebar", "왼쪽 사이드바 열기/닫기"), ("Print to PDF", "PDF로 인쇄"),
    ("Show code cell source", "코드 보기"), ("Search this book...", "이 책에서 검색..."),
    ('title="Link to this heading"', 'title="이 제목으로 가는 링크"'),
    ('aria-label="Toggle hidden content"', 'aria-label="숨긴 내용 보기/숨기기"')]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_korean_pages_speak_korean(site, chapter):
    """The theme's interface is Korean on Korean pages and English on English ones."""
    ko, en = (_page(site, f"chapters/{chapter}/{lang}") for lang in ("ko", "en"))
    for english, korean in THEME_WORDS:
        assert english in en, f"{english!r} not on the English page: the theme changed?"
        assert english not in re.sub(r"<script.*?</script>", "", ko, flags=re.S), \
            f"the Korean page still says {english!r}"
        assert korean in ko, f"the Korean page lacks {korean!r}"
    for pattern in (r'class="prev-next-info">\s*<p class="prev-next-subtitle">(\w+)<',):
        assert set(re.findall(pattern, ko)) <= {"이전", "다음"}
        assert set(re.findall(pattern, en)) <= {"previous", "next"}


ATTRIBUTE_WORDS = re.compile(r'(?:title|aria-label)="([^"]+)"|<label for="[^"]*">([^<]+)<')


def _labels(html):
    """The tooltips, screen-reader labels and form labels of a page, outside its scripts."""
    found = ATTRIBUTE_WORDS.findall(re.sub(r"<script.*?</script>", "", html, flags=re.S))
    return {a or b for a, b in found}


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_no_english_label_is_left_on_a_korean_page(site, chapter):
    """Of the English words that ``_ext/korean_ui.py`` puts in Korean, none is left in a Korean
    page's tooltips and labels (permalinks, hidden cells' toggles, the animation player). The
    print-only contents' "Page", fixed in the theme's template, korean.js changes in the
    browser (tests/test_browser.py)."""
    from korean_ui import KOREAN_MARKUP, KOREAN_UI

    english = (set(KOREAN_UI) | set(KOREAN_MARKUP)) - {"Page"}
    ko, en = (_labels(_page(site, f"chapters/{chapter}/{lang}")) for lang in ("ko", "en"))
    assert len(en & english) >= 2, "the English page lacks the words: the theme changed?"
    assert not ko & english, f"English on the Korean page: {sorted(ko & english)}"


def test_the_korean_edition_has_its_search_page(site):
    """ko/search.html: Korean words, Sphinx's Korean messages for the search script, and the
    search scripts loaded once."""
    html = _page(site, "ko/search")
    assert re.search(r'<html[^>]* lang="ko"', html) and "<h1>검색</h1>" in html
    assert html.count("_static/searchtools.js") == 1
    assert "_static/translations-ko.js" in html
    assert "addTranslations" in (site / "_static" / "translations-ko.js").read_text("utf-8")
    assert "translations-ko.js" not in _page(site, "search")
    for page in ("chapters/01_sliding_window/ko", "search"):
        assert "_static/korean.js" in _page(site, page)  # it acts on Korean pages only


def test_hangul_has_a_font_stack(site):
    css = (site / "_static" / "hangul.css").read_text(encoding="utf-8")
    for font in ("Pretendard", "Noto Sans KR", "Noto Sans CJK KR", "Apple SD Gothic Neo",
                 "Malgun Gothic"):
        assert f'"{font}"' in css
    assert 'html[lang="ko"]' in css and "sans-serif" in css
    for page in ("chapters/01_sliding_window/ko", "ko/index", "index"):
        assert "_static/hangul.css" in _page(site, page)


class _Loads(HTMLParser):
    """The addresses a page makes the browser fetch by itself: scripts, style sheets, icons,
    images, frames, media; not the links a reader may click."""

    ATTRS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src",
             "audio": "src", "embed": "src", "object": "data", "track": "src"}
    LINK_LOADS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest",
                  "apple-touch-icon", "shortcut"}

    def __init__(self):
        super().__init__()
        self.urls, self.styles, self._in_style = [], [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.ATTRS and attrs.get(self.ATTRS[tag]):
            self.urls.append(attrs[self.ATTRS[tag]])
        if tag == "link" and self.LINK_LOADS & set((attrs.get("rel") or "").split()):
            self.urls.append(attrs.get("href", ""))
        for key in ("srcset", "poster"):
            if attrs.get(key):
                self.urls += [part.split()[0] for part in attrs[key].split(",") if part.strip()]
        if attrs.get("style"):
            self.styles.append(attrs["style"])
        self._in_style = tag == "style"

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def css_loads(css):
    """The addresses a style sheet fetches: ``url(...)`` and ``@import``, comments left out.

    >>> css_loads('/* see https://a.b */ @import "x.css"; p { background: url(data:,) }'
    ...           ' q { src: url("https://c.d/f.woff2") }')
    ['x.css', 'data:,', 'https://c.d/f.woff2']
    """
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found = re.findall(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)""", css)
    found += re.findall(r"""url\(\s*['"]?([^'")]+?)['"]?\s*\)""", css)
    return [u for u in found if not u.startswith("@")]


def _external(url):
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url.strip(), re.I)) \
        and not url.strip().startswith("data:")


def test_no_page_loads_anything_from_another_host(site):
    """A classroom without internet gets the whole site: every script, style sheet, font and
    image of every page, and everything the style sheets load, comes from the site itself."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    bad = []
    for page in pages:
        parser = _Loads()
        parser.feed(page.read_text(encoding="utf-8"))
        urls = parser.urls + [u for style in parser.styles for u in css_loads(style)]
        bad += [f"{page.relative_to(site)}: {u}" for u in urls if _external(u)]
    sheets = sorted(site.rglob("*.css"))
    assert any("pydata-sphinx-theme" in s.name for s in sheets)
    for sheet in sheets:
        css = sheet.read_text(encoding="utf-8", errors="replace")
        bad += [f"{sheet.relative_to(site)}: {u}" for u in css_loads(css) if _external(u)]
    assert not bad, "external loads:\n" + "\n".join(bad[:20])


def test_the_load_finder_finds_what_a_cdn_page_loads():
    parser = _Loads()
    parser.feed('<script src="https://cdnjs.cloudflare.com/require.js"></script>'
                '<link rel="stylesheet" href="https://maxcdn.bootstrapcdn.com/fa.css">'
                '<link rel="alternate" hreflang="ko" href="https://example.org/ko">'
                '<a href="https://colab.research.google.com/x">Colab</a>'
                '<div style="background: url(//cdn.x/y.png)"></div>')
    urls = parser.urls + [u for s in parser.styles for u in css_loads(s)]
    assert [u for u in urls if _external(u)] == [
        "https://cdnjs.cloudflare.com/require.js", "https://maxcdn.bootstrapcdn.com/fa.css",
        "//cdn.x/y.png"]


def _article_text(html):
    article = re.search(r'<article class="bd-article".*?</article>', html, flags=re.S).group(0)
    return unescape(re.sub(r"<[^>]+>", " ", article))


@pytest.mark.parametrize("word", ["가중치", "패딩", "커널", "신경망", "업샘플링", "스위치"])
def test_the_search_index_finds_a_korean_word_whatever_its_particle(site, word):
    """Every Korean page that has the word, bare or with a particle (가중치를, 가중치의 ...), is
    indexed under the word itself (``_ext/korean_search.py``); English's rules alone indexed
    가중치 on 7 of its 16 pages."""
    from korean_search import PARTICLES, PLURAL

    docs = indexed_pages(site, word)
    with_particle = re.compile(f"{word}{PLURAL}?(?:{'|'.join(PARTICLES)})?(?!\\w)")
    pages = {p.relative_to(site).with_suffix("").as_posix() for p in site.rglob("*.html")}
    korean = {name for name in pages if re.search(r"(^|/)ko(/|$)", name) and "search" not in name}
    having = {name for name in korean if with_particle.search(_article_text(_page(site, name)))}
    assert len(having) >= 3, f"{word!r} is on {len(having)} Korean pages: choose another word"
    assert having <= docs, f"not indexed under {word!r}: {sorted(having - docs)}"
