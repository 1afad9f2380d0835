"""Sphinx extension: a page loads nothing from another host.

Jupyter Book always adds sphinx-thebe, whose inline script names a thebe bundle on unpkg.com and
which it adds twice, so that every page logs "Identifier 'THEBE_JS_URL' has already been
declared". This book has no live-code button (its launch buttons open Colab), so both scripts
go, and its style sheet. The other two external loads are dealt with where they arise: myst-nb's
widget manager from jsdelivr is configured off (``nb_ipywidgets_js`` in ``_config.yml``), and
matplotlib's animation player gets inline icons instead of font-awesome from maxcdn
(``utils.interactive``).
"""


def is_thebe(script):
    """The thebe loader script, or its inline configuration naming the unpkg bundle."""
    return (getattr(script, "filename", "") or "").endswith("sphinx-thebe.js") \
        or "THEBE_JS_URL" in (getattr(script, "attributes", {}).get("body") or "")


def drop_thebe(app, pagename, templatename, context, doctree):
    """Its scripts, and its style sheet, which styles nothing here."""
    if "script_files" in context:
        context["script_files"] = [s for s in context["script_files"] if not is_thebe(s)]
    if "css_files" in context:
        context["css_files"] = [c for c in context["css_files"]
                                if not str(getattr(c, "filename", "")).endswith("sphinx-thebe.css")]


def setup(app):
    app.connect("html-page-context", drop_thebe)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
