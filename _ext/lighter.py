"""Sphinx extension: a page loads only what it shows, and what it shows is sized.

- MyST-NB asks Sphinx to put MathJax (1.16 MB) on every page, in case a notebook's output holds
  math; this book's outputs hold none (their math is in the markdown cells), so a page without
  a formula of its own loads no MathJax.
- An animation's frames leave the page's HTML for ``_images/`` (named by their content, as
  MyST-NB names figures); the player fetches each one when it shows it (``utils.interactive``).
  Chapter 08's page was 1.26 MB of HTML with them inline.
- Each figure gets its width and height, so the page does not jump as figures arrive, and all
  but the first load lazily.
- The scripts in a page's head wait for the page (``defer``) instead of holding its first paint;
  they keep their order. The search pages keep theirs as they are: ``static/editions.js`` must
  run before the search tools that the page's own template loads.

The theme's icons and search index are ``icons.py``'s and ``_templates/layout.html``'s part.
"""

import base64
import hashlib
import re
import struct
from pathlib import Path

FRAME = re.compile(r'(frames\[\d+\] = ")data:image/png;base64,([A-Za-z0-9+/=\\\n]+)(")')
FIGURE = re.compile(r'<img ([^>]*?)src="([^"]*_images/([^"/]+\.png))"([^>]*?)\s*/?>')


def is_mathjax(script):
    """MathJax itself, or its inline configuration."""
    return "mathjax" in (getattr(script, "filename", "") or "").lower() \
        or "window.MathJax" in (getattr(script, "attributes", {}).get("body") or "")


def mathjax_where_math(app, pagename, templatename, context, doctree):
    """The math domain's own record of the page (``has_equations`` would also count the pages
    a contents tree includes: the landing page would load MathJax for every chapter's math)."""
    own = app.env.get_domain("math").data["has_equations"].get(pagename, False)
    if "script_files" in context and not own:
        context["script_files"] = [s for s in context["script_files"] if not is_mathjax(s)]


def deferred(script):
    """The same script, loaded with ``defer`` (an inline one, or one already deferred or async,
    as it is)."""
    attributes = getattr(script, "attributes", {})
    if not getattr(script, "filename", None) or {"defer", "async"} & set(attributes):
        return script
    return type(script)(script.filename, priority=script.priority,
                        **{**attributes, "defer": "defer"})


def scripts_after_paint(app, pagename, templatename, context, doctree):
    if "script_files" in context and not pagename.endswith("search"):
        context["script_files"] = [deferred(s) for s in context["script_files"]]


def frames_as_files(body, images, prefix):
    """``body`` with each animation frame's data URI replaced by ``prefix + name`` of a PNG
    written to the folder ``images``.

    >>> import tempfile; folder = Path(tempfile.mkdtemp())
    >>> out = frames_as_files('frames[0] = "data:image/png;base64,iVBO\\\\\\nRw=="', folder, "p/")
    >>> out[:15], (folder / out[15:-1]).read_bytes() == base64.b64decode("iVBORw==")
    ('frames[0] = "p/', True)
    """
    def one(match):
        data = base64.b64decode(match[2].replace("\\\n", ""))
        name = hashlib.sha256(data).hexdigest() + ".png"
        images.mkdir(parents=True, exist_ok=True)
        (images / name).write_bytes(data)
        return f"{match[1]}{prefix}{name}{match[3]}"

    return FRAME.sub(one, body)


def png_size(path):
    """(width, height) from a PNG's header."""
    with open(path, "rb") as f:
        return struct.unpack(">II", f.read(24)[16:24])


def sized_figures(body, sources):
    """Each figure ``<img>`` of ``body`` with its size, and lazy after the first; ``sources``
    maps an image's file name to its file."""
    seen = []

    def one(match):
        attributes, src, name, rest = match[1], match[2], match[3], match[4]
        if name not in sources:
            return match[0]
        width, height = png_size(sources[name])
        lazy = ' loading="lazy"' if seen else ""
        seen.append(name)
        return f'<img {attributes}src="{src}"{rest} width="{width}" height="{height}"' \
               f'{lazy} decoding="async" />'

    return FIGURE.sub(one, body)


def lighter_body(app, pagename, templatename, context, doctree):
    if "body" not in context:
        return
    prefix = context["pathto"]("_images/", 1)
    body = frames_as_files(context["body"], Path(app.outdir) / "_images", prefix)
    sources = {name: Path(app.srcdir) / source for source, name in app.builder.images.items()}
    context["body"] = sized_figures(body, sources)


def setup(app):
    app.connect("html-page-context", mathjax_where_math, priority=900)  # after Sphinx adds it
    app.connect("html-page-context", scripts_after_paint, priority=950)  # after all are added
    app.connect("html-page-context", lighter_body)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
