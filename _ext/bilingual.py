"""Sphinx extension: one book, two editions (ko, en), each page tied to its counterpart.

A page's language comes from its path: ``ko/...`` or ``.../ko`` is Korean, likewise English.
For every such page this sets the ``<html lang>`` attribute, adds a header button to the
same page in the other language (landing on the section being read), and, for search engines,
``<link rel="alternate" hreflang>`` tags and a description in the page's language (its first
paragraph). ``_templates/lang-sidebar-nav.html`` uses ``page_lang`` to show only the page's own
edition in the sidebar, and ``static/editions.js`` keeps each search page to its edition and its
excerpts free of TeX.
The theme's words in Korean are ``korean_ui.py``'s job.
"""

import html
import re
from pathlib import Path, PurePosixPath

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


def set_language(app, pagename, templatename, context, doctree):
    """Set ``<html lang>`` and ``page_lang`` before the theme renders its sidebar templates."""
    lang = page_language(pagename)
    # a generated page (ko/search) has no place in the toctree, so no edition sidebar
    context["page_lang"] = lang if pagename in app.env.all_docs else None
    if lang is not None:
        context["language"] = lang


def section_ids(app, docname):
    """The ids of a page's sections in document order, as ``<section id>`` in its HTML."""
    from docutils import nodes

    return [s["ids"][0] for s in app.env.get_doctree(docname).findall(nodes.section)]


def add_language_switch(app, pagename, templatename, context, doctree):
    """Add the header button to the counterpart page, and hreflang links. The button lands on
    the counterpart's section that matches the one being read (``static/editions.js``): the
    sections of the two pages correspond one to one, in order."""
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
        "javascript": f"switchEdition('{url}', {section_ids(app, other)!r})",
        "tooltip": "한국어로 보기" if other_lang == "ko" else "Read this page in English",
        "icon": "fa-solid fa-language",
        "text": LANGUAGES[other_lang],
        "label": "language-switch",
    })
    base = app.config.html_baseurl  # absolute, as search engines require; else relative
    here, there = (f"{base}{name}{app.builder.link_suffix}" if base else
                   context["pathto"](name) if name != pagename else
                   PurePosixPath(name).name + app.builder.link_suffix  # pathto gives "#"
                   for name in (pagename, other))
    context["metatags"] = context.get("metatags", "") + (
        f'\n<link rel="alternate" hreflang="{lang}" href="{here}" />'
        f'\n<link rel="alternate" hreflang="{other_lang}" href="{there}" />')


PLAIN_MATH = re.compile(r"[\w\s=+\-*/×·ᵀ≤≥,.()<>|']+")
TEX_WORDS = {r"^\top": "ᵀ", r"\top": "ᵀ", r"\times": "×", r"\cdot": "·", r"\le": "≤",
             r"\ge": "≥", r"\,": " "}


def plain_math(tex):
    """A formula as plain text where it reads as such, else None.

    >>> plain_math(r"s\\times s"), plain_math(r"C^\\top"), plain_math(r"\\sum_k x_k")
    ('s×s', 'Cᵀ', None)
    """
    for command, word in TEX_WORDS.items():
        tex = re.sub(re.escape(command) + r"(?![A-Za-z])", word, tex)
    tex = re.sub(r"\s*([×·])\s*", r"\1", tex)
    return tex if PLAIN_MATH.fullmatch(tex) else None


def description(doctree, limit=160):
    """A page's description for search engines: its first paragraph, cut at a word near
    ``limit`` characters. A formula that reads as plain text (``C``, ``k = 4``) stays; at the
    first that only MathJax can show, the text ends with the sentence before it, if there is one.

    >>> from docutils.core import publish_doctree
    >>> description(publish_doctree("Title\\n=====\\n\\nThe *first* paragraph.\\n\\nNot this."))
    'The first paragraph.'
    >>> description(publish_doctree("A sentence. Then :math:`\\\\sum_k x_k` and more."))
    'A sentence.'
    >>> description(publish_doctree("A matrix :math:`C`, then :math:`\\\\sum_k C_k` and more."))
    'A matrix C, then…'
    >>> description(publish_doctree("A long first paragraph of many words."), limit=20)
    'A long first…'
    """
    from docutils import nodes

    first = next(doctree.findall(nodes.paragraph), None)
    if first is None:
        return ""
    text = ""
    for node in first.findall(lambda n: isinstance(n, (nodes.Text, nodes.math))):
        if isinstance(node, nodes.math) and plain_math(node.astext()) is not None:
            text += plain_math(node.astext())
        elif isinstance(node, nodes.math):
            sentences = re.match(r"(.*[.!?])\s", text + " ", flags=re.S)
            text = sentences.group(1) if sentences else text.rstrip(" ,;:") + "…"
            break
        elif not isinstance(node.parent, nodes.math):
            text += str(node)
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    text = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return text if text.endswith(".") else text + "…"


def add_description(app, pagename, templatename, context, doctree):
    """``<meta name="description">``, in the page's language, on every page with a body."""
    if doctree is not None and (text := description(doctree)):
        context["metatags"] = context.get("metatags", "") + \
            f'\n<meta name="description" content="{html.escape(text)}" />'


def drop_cross_edition_links(app, pagename, templatename, context, doctree):
    """Keep "previous" and "next" inside the page's edition (ko never leads into en); a shared
    page (the landing page) leads into neither, it has a card for each."""
    lang = page_language(pagename)
    _parent, prev, nxt = app.env.collect_relations().get(pagename, (None, None, None))
    for key, neighbour in (("prev", prev), ("next", nxt)):
        if neighbour and (lang is None or page_language(neighbour) not in (None, lang)):
            context[key] = None


def add_static_files(app):
    """The extensions' own ``static/`` folder (``editions.js``, ``korean.js``) joins the site's
    ``_static``."""
    app.config.html_static_path.append(str(Path(__file__).parent / "static"))


def setup(app):
    app.connect("builder-inited", add_static_files)
    app.add_js_file("editions.js")  # each search page lists its own edition
    # the language before the theme drops sidebar templates that render empty (default 500);
    # the button after sphinx-book-theme has built its header buttons (priority 501)
    app.connect("html-page-context", set_language, priority=100)
    app.connect("html-page-context", add_language_switch, priority=900)
    app.connect("html-page-context", drop_cross_edition_links)
    app.connect("html-page-context", add_description)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
