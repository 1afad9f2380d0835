"""Sphinx extension: one book, two editions (ko, en), each page tied to its counterpart.

A page's language comes from its path: ``ko/...`` or ``.../ko`` is Korean, likewise English.
For every such page this sets the ``<html lang>`` attribute, adds a header button to the
same page in the other language, and ``<link rel="alternate" hreflang>`` tags for search
engines. ``_templates/lang-sidebar-nav.html`` uses ``page_lang`` to show only the page's
own edition in the sidebar.
"""

from pathlib import PurePosixPath

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


def add_language_context(app, pagename, templatename, context, doctree):
    """Set lang, the switch button and hreflang links for one page."""
    lang = page_language(pagename)
    context["page_lang"] = lang
    if lang is None:
        return
    context["language"] = lang
    other = counterpart(pagename)
    if other not in app.env.all_docs:
        return
    url = context["pathto"](other)
    context.setdefault("header_buttons", []).insert(0, {
        "type": "javascript",
        "javascript": f"window.location.href='{url}'",
        "tooltip": "한국어로 보기" if other == "ko" else "Read this page in English",
        "icon": "fa-solid fa-language",
        "text": LANGUAGES[other],
        "label": "language-switch",
    })
    here = context["pathto"](pagename)
    context["metatags"] = context.get("metatags", "") + (
        f'\n<link rel="alternate" hreflang="{lang}" href="{here}" />'
        f'\n<link rel="alternate" hreflang="{other}" href="{url}" />')


def setup(app):
    # after sphinx-book-theme has built its header buttons (priority 501)
    app.connect("html-page-context", add_language_context, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
