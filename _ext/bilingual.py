"""Sphinx extension: one book, two editions (ko, en), each page tied to its counterpart.

A page's language comes from its path: ``ko/...`` or ``.../ko`` is Korean, likewise English.
For every such page this sets the ``<html lang>`` attribute, adds a header button to the
same page in the other language, and ``<link rel="alternate" hreflang>`` tags for search
engines. ``_templates/lang-sidebar-nav.html`` uses ``page_lang`` to show only the page's
own edition in the sidebar.

The theme's own words (search box, contents, previous/next, the launch buttons' tooltips) are
Korean on Korean pages, in this one build: before a page renders, its template context gets a
Korean ``gettext`` and Sphinx's translator registry (which the theme's Python code asks) is
pointed at the Korean catalogs, those that Sphinx and sphinx-book-theme ship, then
:data:`KOREAN_UI` for the strings they leave out (pydata-sphinx-theme has no Korean catalog).
"""

import gettext
from pathlib import Path, PurePosixPath

import sphinx
import sphinx.locale
import sphinx_book_theme
from docutils import nodes
from sphinx.transforms import SphinxTransform

LANGUAGES = {"ko": "한국어", "en": "English"}


def page_language(docname):
    """'ko' or 'en' for a page of one edition, None for shared pages (landing, search).

    >>> page_language("chapters/07_conv_as_matrix/ko"), page_language("en/glossary")
    ('ko', 'en')
    >>> page_language("index") is None
    True
    """
    parts = PurePosixPath(docname).parts
    for part in (parts[0], parts[-1]):
        if part in LANGUAGES:
            return part
    return None


def counterpart(docname):
    """The same page in the other language.

    >>> counterpart("chapters/08_transposed_conv/en"), counterpart("ko/index")
    ('chapters/08_transposed_conv/ko', 'en/index')
    """
    lang = page_language(docname)
    other = "en" if lang == "ko" else "ko"
    parts = list(PurePosixPath(docname).parts)
    index = 0 if parts[0] == lang else len(parts) - 1
    parts[index] = other
    return str(PurePosixPath(*parts))


# Theme strings that no Korean catalog shipped with Sphinx or the themes translates.
KOREAN_UI = {
    "Skip to main content": "본문으로 건너뛰기",
    "Back to top": "맨 위로",
    "Site navigation": "사이트 탐색",
    "On this page": "이 페이지의 내용",
    "Contents": "목차",
    "Color mode": "화면 모드",
    "Light": "밝게",
    "Dark": "어둡게",
    "System Settings": "시스템 설정",
    "Search": "검색",
    "Search this book...": "이 책에서 검색...",
    "Toggle primary sidebar": "왼쪽 사이드바 열고 닫기",
    "Toggle secondary sidebar": "오른쪽 사이드바 열고 닫기",
    "Launch interactive content": "실행 환경에서 열기",
    "Launch on": "다음에서 실행:",
    "Download this page": "이 페이지 내려받기",
    "Download source file": "원본 파일 내려받기",
    "Print to PDF": "PDF로 인쇄",
    "Fullscreen mode": "전체 화면",
    "Source repositories": "원본 저장소",
    "Source repository": "원본 저장소",
    "Repository": "저장소",
    "Open issue": "이슈 열기",
    "Open an issue": "이슈 열기",
    "previous page": "이전 페이지",
    "next page": "다음 페이지",
    "previous": "이전",
    "next": "다음",
    "By": "지은이:",
    "Index": "색인",
    "Page": "페이지",
    "© Copyright %(copyright)s.": "© %(copyright)s.",
}
# myst-nb's toggles of hidden cells, by what a cell hides ("Show code cell source")
KOREAN_PROMPTS = {"input": ("코드 보기", "코드 숨기기"), "output": ("출력 보기", "출력 숨기기"),
                  "all": ("셀 보기", "셀 숨기기")}


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
    book = Path(sphinx_book_theme.__file__).parent / "theme/sphinx_book_theme/static/locales"
    catalogs = [gettext.translation("sphinx", Path(sphinx.__file__).parent / "locale", ["ko"]),
                gettext.translation("booktheme", book, ["ko"])]
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


_DOMAINS = (("general", "sphinx"), ("general", "booktheme"))  # (namespace, catalog)


def set_language(app, pagename, templatename, context, doctree):
    """Set ``<html lang>``, ``page_lang`` and the page's UI language, before the theme builds its
    header buttons and renders its sidebar templates."""
    lang = page_language(pagename)
    context["page_lang"] = lang
    if lang is not None:
        context["language"] = lang
    if not hasattr(app, "ui_translators"):
        korean = korean_translations()
        english = {key: sphinx.locale.get_translator(*key[::-1]) for key in _DOMAINS}
        app.ui_translators = {"ko": {key: korean for key in _DOMAINS}, None: english}
    registry = app.ui_translators["ko" if lang == "ko" else None]
    sphinx.locale.translators.update(registry)  # what the theme's Python code asks
    if lang == "ko":  # what the templates ask: `_()` and `{% trans %}` look up `gettext`
        context["gettext"] = registry[_DOMAINS[0]].gettext
        context["ngettext"] = registry[_DOMAINS[0]].ngettext


def add_language_switch(app, pagename, templatename, context, doctree):
    """Add the header button to the counterpart page, and hreflang links."""
    lang = page_language(pagename)
    if lang is None:
        return
    other = counterpart(pagename)
    if other not in app.env.all_docs:
        return
    other_lang = page_language(other)
    url = context["pathto"](other)
    context.setdefault("header_buttons", []).insert(0, {
        "type": "javascript",
        "javascript": f"window.location.href='{url}'",
        "tooltip": "한국어로 보기" if other_lang == "ko" else "Read this page in English",
        "icon": "fa-solid fa-language",
        "text": LANGUAGES[other_lang],
        "label": "language-switch",
    })
    if lang == "ko":  # the theme sets its search box's text after set_language has run
        context["theme_search_bar_text"] = KOREAN_UI["Search this book..."]
    here = context["pathto"](pagename)
    context["metatags"] = context.get("metatags", "") + (
        f'\n<link rel="alternate" hreflang="{lang}" href="{here}" />'
        f'\n<link rel="alternate" hreflang="{other_lang}" href="{url}" />')


def drop_cross_edition_links(app, pagename, templatename, context, doctree):
    """Keep "previous" and "next" inside the page's edition (ko never leads into en)."""
    lang = page_language(pagename)
    if lang is None:
        return
    _parent, prev, nxt = app.env.collect_relations().get(pagename, (None, None, None))
    for key, neighbour in (("prev", prev), ("next", nxt)):
        if neighbour and page_language(neighbour) not in (None, lang):
            context[key] = None


def restore_translators(app, exception):
    if hasattr(app, "ui_translators"):
        sphinx.locale.translators.update(app.ui_translators[None])


def setup(app):
    app.add_transform(KoreanPrompts)
    app.connect("build-finished", restore_translators)
    # the language before the theme drops sidebar templates that render empty (default 500);
    # the button after sphinx-book-theme has built its header buttons (priority 501)
    app.connect("html-page-context", set_language, priority=100)
    app.connect("html-page-context", add_language_switch, priority=900)
    app.connect("html-page-context", drop_cross_edition_links)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
