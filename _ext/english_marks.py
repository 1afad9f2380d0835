"""Sphinx extension: a Korean page marks its English, so that a screen reader reads it as English.

On a Korean page, the code (each cell's source, its printed output, inline code) and every run of
Latin-script words in the prose (a glossed term's English, a name, a library) get ``lang="en"``.
Docutils writes a ``language-xx`` class as ``lang="xx"``, so the marks are classes on the nodes:
``<div class="... " lang="en">``, ``<span lang="en">``. A figure's alt text stays in the page's
language (its cell's output is not marked as a whole).
"""

import re

from bilingual import page_language
from docutils import nodes
from sphinx.transforms import SphinxTransform

ENGLISH = "language-en"
# a run of Latin-script words ("Zeiler & Fergus", "FCN-32s"), starting with a letter
WORD = r"[A-Za-z0-9][\w\-]*(?:['’.][A-Za-z0-9]+)*"
LATIN = re.compile(rf"(?<!\w)(?=[A-Za-z]){WORD}(?:(?: +| *& *){WORD})*", re.ASCII)
CODE = (nodes.literal, nodes.literal_block, nodes.math, nodes.math_block, nodes.raw,
        nodes.comment, nodes.target)


def split_latin(text):
    """``text`` as (piece, is_latin) pairs, in order.

    >>> split_latin("전치 합성곱(transposed convolution)은 Zeiler & Fergus가")
    [('전치 합성곱(', False), ('transposed convolution', True), (')은 ', False), \
('Zeiler & Fergus', True), ('가', False)]
    >>> split_latin("3×3 커널, 2D, ‘same’ 패딩")
    [('3×3 커널, 2D, ‘', False), ('same', True), ('’ 패딩', False)]
    """
    pieces, at = [], 0
    for match in LATIN.finditer(text):
        if match.start() > at:
            pieces.append((text[at:match.start()], False))
        pieces.append((match[0], True))
        at = match.end()
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces


def is_code(node):
    """Code the page shows: a cell's source, a literal block (printed output), inline code."""
    return (isinstance(node, (nodes.literal, nodes.literal_block))
            or (isinstance(node, nodes.container)
                and node.get("nb_element") == "cell_code_source"))


def is_prose(node):
    return isinstance(node, nodes.Text) and not any(
        isinstance(a, CODE) for a in _ancestors(node))


def _ancestors(node):
    while node.parent is not None:
        node = node.parent
        yield node


class MarkEnglish(SphinxTransform):
    """``lang="en"`` on a Korean page's code and on the Latin-script runs of its prose."""

    default_priority = 800  # after MyST-NB has built the cells, before references resolve

    def apply(self, **kwargs):
        if page_language(self.env.docname) != "ko":
            return
        for node in self.document.findall(is_code):
            node["classes"].append(ENGLISH)
        for text in list(self.document.findall(is_prose)):
            if text.parent is None:  # not in the page's tree (a substitution's definition)
                continue
            pieces = split_latin(str(text))
            if not any(latin for _, latin in pieces):
                continue
            text.parent.replace(text, [
                nodes.inline(piece, piece, classes=[ENGLISH]) if latin else nodes.Text(piece)
                for piece, latin in pieces])


def setup(app):
    app.add_transform(MarkEnglish)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
