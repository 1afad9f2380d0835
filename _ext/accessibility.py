"""Sphinx extension: what a screen reader needs that Sphinx and MyST-NB do not give.

Every figure of a notebook says what it shows, in its page's language. A cell that draws
carries its texts in its metadata, ``"alt": ["...", ...]``: one per figure it shows on the page
(an image output, or an animation from :func:`utils.animate`), in output order; ``ko.ipynb``'s
in Korean, ``en.ipynb``'s in English, so the code cells stay identical. Each image gets its text
as ``alt``; an animation's frame ``<img>``, raw HTML, gets it too. MyST-NB's own ``mystnb: image:
alt`` option is one text per cell and does not reach an animation, which is why the course has
its own key. A figure without its text, or a text without its figure, is a build warning, and
the book builds with warnings as errors.

The bibliography is a list of list items: docutils marks each entry ``doc-biblioentry``, a role
ARIA has deprecated and that a ``role="list"`` may not hold.
"""

import html
import re

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)
ANIMATION_FRAME = re.compile(r'(<img id="_anim_img\w+")')


def is_code_cell(node):
    return isinstance(node, nodes.container) and node.get("nb_element") == "cell_code"


def is_figure(node):
    """An image output, or the raw HTML of an animation player."""
    return isinstance(node, nodes.image) or (
        isinstance(node, nodes.raw) and ANIMATION_FRAME.search(node.astext()) is not None)


def with_alt(node, text):
    """Give one figure its text: an image node's ``alt``, or the player's frame ``<img>``'s.

    >>> raw = with_alt(nodes.raw("", '<img id="_anim_img1a">', format="html"), 'k = "4"')
    >>> raw.astext()
    '<img id="_anim_img1a" alt="k = &quot;4&quot;">'
    """
    if isinstance(node, nodes.image):
        node["alt"] = text
        return node
    source = ANIMATION_FRAME.sub(lambda m: f'{m[1]} alt="{html.escape(text)}"', node.astext())
    return nodes.raw("", source, format="html")


class FigureAltText(SphinxTransform):
    """Put each cell's ``alt`` texts on its figures; warn where the two do not pair up."""

    default_priority = 500

    def apply(self, **kwargs):
        for cell in self.document.findall(is_code_cell):
            texts = cell.get("cell_metadata", {}).get("alt", [])
            figures = list(cell.findall(is_figure))
            if len(texts) != len(figures):
                logger.warning(
                    f"cell {cell.get('cell_index')} shows {len(figures)} figure(s) but its "
                    f"metadata has {len(texts)} alt text(s)", location=cell)
            for figure, text in zip(figures, texts, strict=False):
                replacement = with_alt(figure, text)
                if replacement is not figure:
                    figure.replace_self(replacement)


def bibliography_as_list_items(app, pagename, templatename, context, doctree):
    """Each citation of a page's citation list a ``listitem``.

    >>> context = {"body": '<div role="list"><div class="citation" role="doc-biblioentry">'}
    >>> bibliography_as_list_items(None, "en/references", None, context, None)
    >>> context["body"]
    '<div role="list"><div class="citation" role="listitem">'
    """
    if "body" in context:
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


def setup(app):
    app.add_transform(FigureAltText)
    app.connect("html-page-context", bibliography_as_list_items)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
