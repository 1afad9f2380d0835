"""Sphinx extension: the Korean edition's interface in Korean, in the one build of both editions.

The theme's words (search box, contents, previous/next, the launch buttons' tooltips, "show code
cell source") are Korean on Korean pages and English on the others. Of the three ways to get
there (a second build with ``language = "ko"``, the catalogs applied per page, or Sphinx's
``language`` alone, which is one per build), the per-page catalogs keep one build, one site and
one search index:

* before a page is written, Sphinx's translator registry, which its HTML writer (the
  permalinks' tooltips) and the themes' Python code (the button labels) ask, is pointed at the
  Korean catalogs: :data:`KOREAN_UI` first, for the strings no catalog has (pydata-sphinx-theme
  ships no Korean), then the ``ko`` catalogs of Sphinx and sphinx-book-theme; every other page
  gets the registry back as it was. Before it renders, its template context gets a Korean
  ``gettext`` (what ``_()`` and ``{% trans %}`` call);
* a transform gives hidden cells' toggles Korean labels (myst-nb writes them at parse time), and
  the words that reach the body as plain markup, :data:`KOREAN_MARKUP` (the toggles' aria-label,
  the animation player's buttons), are put in Korean in it;
* ``ko/search.html`` is the search page of the Korean edition, with Sphinx's Korean messages
  for the search script; ``_static/korean.js`` sends a Korean page's search box there and
  gives sphinx-copybutton, which knows no Korean, its Korean tooltips.
"""

import gettext
import re
import shutil
from pathlib import Path

import sphinx
import sphinx.locale
import sphinx_book_theme
from bilingual import page_language
from docutils import nodes
from sphinx.transforms import SphinxTransform

SPHINX_LOCALE = Path(sphinx.__file__).parent / "locale"
BOOK_LOCALE = Path(sphinx_book_theme.__file__).parent / "theme/sphinx_book_theme/static/locales"
SEARCH_MESSAGES = "translations-ko.js"  # Sphinx's Korean messages for searchtools.js
_DOMAINS = (("general", "sphinx"), ("general", "booktheme"))  # (namespace, catalog)

# Theme strings that no Korean catalog shipped with Sphinx or the themes translates.
KOREAN_UI = {
    "Skip to main content": "본문 바로가기",
    "Back to top": "맨 위로",
    "Site navigation": "사이트 탐색",
    "On this page": "이 페이지의 내용",
    "Contents": "목차",
    "Color mode": "화면 모드",
    "Light": "밝게",
    "Dark": "어둡게",
    "System Settings": "시스템 설정 따르기",
    "Search": "검색",
    "Search this book...": "이 책에서 검색...",
    "Toggle primary sidebar": "왼쪽 사이드바 열기/닫기",
    "Toggle secondary sidebar": "오른쪽 사이드바 열기/닫기",
    "Launch interactive content": "실행 환경에서 열기",
    "Launch on": "실행:",
    "Download this page": "이 페이지 내려받기",
    "Download source file": "원본 파일 내려받기",
    "Print to PDF": "PDF로 인쇄",
    "Fullscreen mode": "전체 화면",
    "Source repositories": "소스 저장소",
    "Source repository": "소스 저장소",
    "Repository": "저장소",
    "Open issue": "이슈 등록",
    "Open an issue": "이슈 등록",
    "previous page": "이전 페이지",
    "next page": "다음 페이지",
    "previous": "이전",
    "next": "다음",
    "By": "지은이:",
    "Index": "색인",
    "Page": "페이지",
    "Version warning": "버전 안내",
    "Please activate JavaScript to enable the search functionality.":
        "검색 기능을 쓰려면 JavaScript를 켜 주세요.",
    "© Copyright %(copyright)s.": "© %(copyright)s.",
    # the permalinks' tooltips, which Sphinx's writer asks for (its ko catalog leaves them empty)
    "Link to this heading": "이 제목으로 가는 링크",
    "Link to this definition": "이 정의로 가는 링크",
    "Link to this term": "이 용어로 가는 링크",
    "Link to this equation": "이 수식으로 가는 링크",
    "Link to this table": "이 표로 가는 링크",
    "Link to this code": "이 코드로 가는 링크",
    "Link to this image": "이 그림으로 가는 링크",
    "Link to this toctree": "이 목차로 가는 링크",
}
# Words written into the page body as they are, in no catalog: myst-nb's toggle of a hidden cell
# (its aria-label) and matplotlib's animation player (the same output in both editions)
KOREAN_MARKUP = {
    "Toggle hidden content": "숨긴 내용 보기/숨기기",
    "Decrease speed": "느리게", "First frame": "첫 프레임", "Previous frame": "이전 프레임",
    "Play backwards": "거꾸로 재생", "Pause": "일시 정지", "Play": "재생",
    "Next frame": "다음 프레임", "Last frame": "마지막 프레임", "Increase speed": "빠르게",
    "Frame": "프레임", "Repetition mode": "재생 방식",
    "Once": "한 번", "Loop": "반복", "Reflect": "왕복",
}
_MARKUP_WORD = re.compile(r'((?:title|aria-label)="|<label for="[^"]*">)([^"<]+)(?=["<])')
KOREAN_AUTHOR = "디컨볼루션 교재 집필진"  # _config.yml's author, "The deconvolution course team"
# myst-nb's toggles of hidden cells, by what a cell hides ("Show code cell source")
KOREAN_PROMPTS = {"input": ("코드 보기", "코드 숨기기"), "output": ("출력 보기", "출력 숨기기"),
                  "all": ("셀 전체 보기", "셀 전체 숨기기")}


class _Words(gettext.NullTranslations):
    """A dictionary of translations in front of gettext catalogs (its fallbacks)."""

    def __init__(self, words, fallbacks):
        super().__init__()
        self.words = words
        for catalog in fallbacks:
            self.add_fallback(catalog)

    def gettext(self, message):
        return self.words[message] if message in self.words else super().gettext(message)


def korean_translations():
    """The Korean UI: :data:`KOREAN_UI`, then Sphinx's and sphinx-book-theme's ``ko`` catalogs.

    >>> ko = korean_translations()
    >>> ko.gettext("Search"), ko.gettext("Contents"), ko.gettext("Download source file")
    ('검색', '목차', '원본 파일 내려받기')
    >>> ko.gettext("Table of Contents")  # from Sphinx's own Korean catalog
    '목차'
    """
    catalogs = [gettext.translation("sphinx", SPHINX_LOCALE, ["ko"]),
                gettext.translation("booktheme", BOOK_LOCALE, ["ko"])]
    return _Words(KOREAN_UI, catalogs)


class KoreanPrompts(SphinxTransform):
    """On a Korean page, the toggle of a hidden cell reads 코드 보기 / 코드 숨기기."""

    default_priority = 500

    def apply(self, **kwargs):
        if page_language(self.env.docname) != "ko":
            return
        for cell in self.document.findall(nodes.container):
            if cell.get("hide_mode") in KOREAN_PROMPTS:
                cell["prompt_show"], cell["prompt_hide"] = KOREAN_PROMPTS[cell["hide_mode"]]


def _use_translators(app, docname):
    """Point Sphinx's translator registry, which its writer and the theme's Python code ask, at
    the page's language (Korean or not); return the registry."""
    korean = page_language(docname) == "ko"
    if not hasattr(app, "ui_translators"):
        english = {key: sphinx.locale.get_translator(*key[::-1]) for key in _DOMAINS}
        app.ui_translators = {True: dict.fromkeys(_DOMAINS, korean_translations()),
                              False: english}
    registry = app.ui_translators[korean]
    sphinx.locale.translators.update(registry)
    return registry


def before_writing(app, doctree, docname):
    """Before the writer turns a page into HTML (its permalinks' tooltips), its language."""
    _use_translators(app, docname)


def korean_markup(body):
    """The words of :data:`KOREAN_MARKUP` in Korean where a page's HTML has them as attributes
    (``title``, ``aria-label``) or as a player's labels.

    >>> korean_markup('<button title="Play" aria-label="Play"><label for="x">Loop</label>')
    '<button title="재생" aria-label="재생"><label for="x">반복</label>'
    """
    return _MARKUP_WORD.sub(lambda m: m[1] + KOREAN_MARKUP.get(m[2], m[2]), body)


def use_page_language(app, pagename, templatename, context, doctree):
    """Point the templates and the translator registry at the page's language (Korean or not),
    before the theme builds its header buttons; Korean words in a Korean page's body."""
    registry = _use_translators(app, pagename)
    if page_language(pagename) == "ko":
        if "body" in context:
            context["body"] = korean_markup(context["body"])
        # what the templates ask: `_()` and `{% trans %}` look up `gettext`
        context["gettext"] = registry[_DOMAINS[0]].gettext
        context["ngettext"] = registry[_DOMAINS[0]].ngettext
    if pagename == "ko/search":
        app.add_js_file(SEARCH_MESSAGES)  # this page only


def korean_search_box(app, pagename, templatename, context, doctree):
    """The search box's text, which sphinx-book-theme sets after :func:`use_page_language`, and
    the footer's author, in Korean."""
    if page_language(pagename) == "ko":
        context["theme_search_bar_text"] = KOREAN_UI["Search this book..."]
        context["author"] = KOREAN_AUTHOR


def korean_search_page(app):
    """The Korean edition's search page, ``ko/search.html``."""
    yield "ko/search", {"title": KOREAN_UI["Search"]}, "ko-search.html"


def finish(app, exception):
    """Give the registry back, and ship Sphinx's Korean search messages."""
    if hasattr(app, "ui_translators"):
        sphinx.locale.translators.update(app.ui_translators[False])
    if exception is None and app.builder.format == "html":
        shutil.copyfile(SPHINX_LOCALE / "ko" / "LC_MESSAGES" / "sphinx.js",
                        Path(app.outdir) / "_static" / SEARCH_MESSAGES)


def setup(app):
    app.add_transform(KoreanPrompts)
    app.connect("doctree-resolved", before_writing)
    app.add_js_file("korean.js", priority=600)  # after sphinx-copybutton's script (500)
    app.connect("html-collect-pages", korean_search_page)
    # before the theme builds its buttons (500); the search text after it has set its own
    app.connect("html-page-context", use_page_language, priority=100)
    app.connect("html-page-context", korean_search_box, priority=900)
    app.connect("build-finished", finish)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
