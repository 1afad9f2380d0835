"""Sphinx extension: the theme's icons without its 1.5 MB script.

pydata-sphinx-theme draws its icons (``<i class="fa-solid fa-bars">``, or a ``<span>``) with
Font Awesome's JavaScript: 1.49 MB (543 kB compressed) parsed on every page, for about twenty
icons. Once the site is written, this extension finds the icons its pages use and writes
``_static/icons.css``: each one a CSS mask of its SVG path, drawn in the text colour. The paths
are Font Awesome Free's (CC BY 4.0), read from the theme's own ``fontawesome.js``;
``_templates/layout.html`` leaves the script out. An icon that the script does not have is a
build warning.
"""

import re
from pathlib import Path
from urllib.parse import quote

import pydata_sphinx_theme
from sphinx.util import logging

logger = logging.getLogger(__name__)
PACKS = {"fa-solid": "fas", "fas": "fas", "fa-regular": "far", "far": "far",
         "fa-brands": "fab", "fab": "fab"}
FONTAWESOME = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" \
    / "static" / "scripts" / "fontawesome.js"
USED = re.compile(r'<[a-z]+ class="([^"]*\bfa-[^"]*)"')
BASE = """/* Font Awesome Free icons (CC BY 4.0), as masks: _ext/icons.py */
.fa-solid, .fas, .fa-regular, .far, .fa-brands, .fab {
  display: inline-block; height: 1em; width: var(--fa-width, 1em); vertical-align: -0.125em;
  background-color: currentColor; -webkit-mask: var(--fa-icon) center / contain no-repeat;
  mask: var(--fa-icon) center / contain no-repeat;
}
.fa-lg { font-size: 1.25em; line-height: 0.05em; vertical-align: -0.075em; }
/* no glyph from the theme's copy of Font Awesome's CSS, so its web fonts (275 kB) never load */
:is(.fa-solid, .fas, .fa-regular, .far, .fa-brands, .fab)::before { content: none !important; }
/* where the themes size Font Awesome's <svg>, the same for an <i> */
.bd-header-article .btn :is(.fa-solid, .fas, .fa-regular, .far, .fa-brands, .fab) { width: 1.3rem; }
html[data-mode=auto] .theme-switch-button .theme-switch[data-mode=auto],
html[data-mode=dark] .theme-switch-button .theme-switch[data-mode=dark],
html[data-mode=light] .theme-switch-button .theme-switch[data-mode=light] { display: inline-block; }
"""


def used_icons(html):
    """(pack, name) of each Font Awesome icon in a page.

    >>> page = '<i class="fab fa-github"></i><i class="theme-switch fa-solid fa-sun fa-lg">'
    >>> sorted(used_icons(page))
    [('fab', 'github'), ('fas', 'sun')]
    """
    found = set()
    for classes in USED.findall(html):
        words = classes.split()
        pack = next((PACKS[w] for w in words if w in PACKS), None)
        names = [w[3:] for w in words if w.startswith("fa-") and w not in PACKS and w != "fa-lg"]
        found.update((pack, name) for name in names if pack)
    return found


def icon_paths(script):
    """``{(pack, name): (width, height, path)}`` from Font Awesome's bundled script: each icon
    is ``name:[width,height,[aliases],"unicode","path"]``, and its pack's prefix ("fas") is the
    next one named after it."""
    icons = {}
    entry = re.compile(r'(?:"([\w-]+)"|(?<![\w-])([A-Za-z]\w*)):\[(\d+),(\d+),\[[^\]]*\],'
                       r'"[0-9a-f]*","(M[^"]+)"\]')
    prefixes = [(m.start(), m.group(1)) for m in re.finditer(r'"(fas|far|fab)"', script)]
    for m in entry.finditer(script):
        pack = next((p for at, p in prefixes if at > m.end()), None)
        icons.setdefault((pack, m.group(1) or m.group(2)),
                         (int(m.group(3)), int(m.group(4)), m.group(5)))
    return icons


def icon_rule(pack, name, width, height, path):
    """The CSS of one icon."""
    svg = f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}'>" \
          f"<path d='{path}'/></svg>"
    classes = [f".{c}.fa-{name}" for c, p in PACKS.items() if p == pack]
    return (f"{', '.join(classes)} {{ --fa-width: {width / height:.4g}em; "
            f"--fa-icon: url(\"data:image/svg+xml,{quote(svg, safe=' =/:,.-')}\"); }}\n")


def write_icons(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    used = set()
    for page in out.rglob("*.html"):
        used |= used_icons(page.read_text(encoding="utf-8"))
    paths = icon_paths(FONTAWESOME.read_text(encoding="utf-8"))
    rules = []
    for pack, name in sorted(used):
        if (pack, name) not in paths:
            logger.warning(f"no Font Awesome icon {pack} fa-{name} for _static/icons.css")
            continue
        rules.append(icon_rule(pack, name, *paths[pack, name]))
    (out / "_static" / "icons.css").write_text(BASE + "".join(rules), encoding="utf-8")


def setup(app):
    app.add_css_file("icons.css")
    app.connect("build-finished", write_icons)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
