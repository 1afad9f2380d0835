"""The website: it builds with warnings as errors, and each edition is wired correctly.

Builds the real book once into a temporary folder, then reads the HTML: language attributes,
the switch to the other language, a sidebar with one edition, the Colab button of the page's
own language, rendered math and the bibliography.

The notebooks are not executed a second time: the build takes the outputs that nbval collected
when it ran them earlier in the same session (``conftest.py``). A notebook nbval did not run
(``pytest tests/test_book.py`` alone, say) is executed by the build, as ``make book`` does.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
CHAPTERS = sorted(p.name for p in (ROOT / "chapters").iterdir() if re.match(r"\d\d_", p.name))
NOT_SOURCES = shutil.ignore_patterns(".*", "_build", "student", "__pycache__")
EDITION_PAGES = ("index", "how_to_use", "cheatsheet", "glossary", "references")  # ko/*.md, en/*.md


@pytest.fixture(scope="session")
def site(tmp_path_factory, executed_notebooks):
    out = tmp_path_factory.mktemp("book")
    source = out / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCES)
    done = []
    for path in sorted((ROOT / "chapters").glob("*/*.ipynb")):
        if path in executed_notebooks:
            relative = path.relative_to(ROOT)
            nbformat.write(executed_notebooks[path], source / relative)
            done.append(relative.as_posix())
    config = yaml.safe_load((source / "_config.yml").read_text(encoding="utf-8"))
    config["execute"]["exclude_patterns"] = done  # outputs already there, from nbval
    (source / "_config.yml").write_text(yaml.safe_dump(config, allow_unicode=True),
                                        encoding="utf-8")
    jb = Path(sys.executable).with_name("jupyter-book")
    run = subprocess.run([str(jb), "build", str(source), "--path-output", str(out),
                          "--warningiserror", "--nitpick", "--keep-going"],
                         capture_output=True, text=True, timeout=1500)
    assert run.returncode == 0, f"book build failed:\n{run.stdout[-4000:]}\n{run.stderr[-4000:]}"
    return out / "_build" / "html"


def _page(site, name):
    return (site / f"{name}.html").read_text(encoding="utf-8")


def _sidebar(html):
    return html.split('class="bd-links bd-docs-nav"', 1)[1].split("</nav>", 1)[0]


@pytest.mark.parametrize("chapter", CHAPTERS)
@pytest.mark.parametrize("lang, other, switch", [("ko", "en", "English"), ("en", "ko", "한국어")])
def test_chapter_page_is_wired_to_its_language(site, chapter, lang, other, switch):
    html = _page(site, f"chapters/{chapter}/{lang}")
    assert re.search(rf'<html[^>]* lang="{lang}"', html), "wrong <html lang>"
    assert f"window.location.href='{other}.html'" in html and switch in html, "no switch"
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


def test_mathjax_is_served_locally(site):
    """The math renders offline: MathJax ships with the site, not from a CDN."""
    html = _page(site, f"chapters/{CHAPTERS[0]}/en")
    assert re.search(r'<script[^>]+src="[^"]*_static/mathjax/tex-chtml\.js', html)
    assert (site / "_static" / "mathjax" / "tex-chtml.js").exists()
