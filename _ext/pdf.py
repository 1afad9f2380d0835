"""Sphinx extension: each edition as a PDF, printed by Chromium from the built site.

Once the HTML is written, Debian's Chromium (through Playwright, as the browser tests drive it)
opens the edition's front page on a local server, replaces its article with the articles of all
the edition's pages in the order of the contents (each page's links and figures resolved to the
site), lets MathJax typeset them, and prints the result to ``_build/html/pdf/<lang>.pdf``: A4,
the theme's print styles (long code lines wrapped), page numbers in the footer, a bookmark per
heading (Chromium's outline), a list of contents and tagged text. The website's pages show
exercises as their stubs, so the PDF has no solutions; an animation prints its first frame.
Each front page links to its PDF.

Without ``/usr/bin/chromium`` the build says so and makes no PDF. ``make pdf`` prints them again
from an existing build: ``python _ext/pdf.py _build/html``.
"""

import functools
import http.server
import sys
import threading
from pathlib import Path

import yaml

CHROMIUM = Path("/usr/bin/chromium")
# Chromium's own calls home are refused on a machine without internet; turn them off
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CONTENTS = {"ko": "차례", "en": "Contents"}
FOOTER = ('<div style="width:100%;font-size:9px;text-align:center;color:#555">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')
# Runs in the front page: every page's article, one after another, in place of its own
GATHER = """async ([pages, contentsTitle]) => {
  const article = document.querySelector("article.bd-article");
  article.replaceChildren();
  for (const url of pages) {
    const html = await (await fetch(url)).text();
    const page = new DOMParser().parseFromString(html, "text/html");
    const part = page.querySelector("article.bd-article");
    for (const [selector, attribute] of [["img[src]", "src"], ["a[href]", "href"]]) {
      for (const element of part.querySelectorAll(selector)) {
        const target = element.getAttribute(attribute);
        if (!target.startsWith("#")) element.setAttribute(attribute, new URL(target, url).href);
      }
    }
    for (const script of part.querySelectorAll("script")) {  // a player's frames: the first
      const first = script.textContent.match(/frames\\[0\\] = "([^"]+)"/);
      const frame = script.parentElement.querySelector("img[id^=_anim_img]");
      if (first && frame) frame.src = new URL(first[1], url).href;
      script.remove();
    }
    part.querySelectorAll(".anim-controls, button.copybtn, a.headerlink")
      .forEach((element) => element.remove());
    const chapter = document.createElement("div");
    if (article.childElementCount) chapter.style.breakBefore = "page";  // not before the first
    chapter.append(...part.childNodes);
    article.append(chapter);
  }
  // paper has no side scroll: long lines wrap; each page's title shows (the theme's print
  // style hides an article's first h1, which it prints in a header of its own, removed here)
  const style = document.createElement("style");
  style.textContent = "pre { white-space: pre-wrap !important; overflow-wrap: anywhere; } " +
    ".bd-main .bd-content .bd-article h1:first-of-type { display: block !important; }";
  document.head.append(style);
  document.querySelectorAll("#jb-print-docs-body, #jb-print-toc").forEach((e) => e.remove());
  // the contents, after the front page: each page's title, linked
  const titles = [...article.querySelectorAll("h1")];
  const contents = document.createElement("div");  // a <nav> the print style hides
  contents.style.breakBefore = "page";
  contents.innerHTML = `<h2>${contentsTitle}</h2><ol style="list-style: none"></ol>`;
  titles.forEach((h1, i) => {
    h1.id ||= `page-${i}`;
    const item = document.createElement("li");
    item.innerHTML = `<a href="#${h1.id}"></a>`;
    item.firstChild.textContent = h1.textContent;
    contents.lastChild.append(item);
  });
  article.firstChild.after(contents);
  article.querySelectorAll("img").forEach((img) => { img.loading = "eager"; });
  const images = [...article.querySelectorAll("img")];
  await Promise.all(images.map((img) => img.decode().catch(() => {})));
  if (window.MathJax?.typesetPromise) await MathJax.typesetPromise([article]);
  return titles.length;
}"""


def edition_pages(toc, lang):
    """The edition's pages in the order of ``_toc.yml``, as paths of the built site.

    >>> toc = {"root": "index", "chapters": [{"file": "ko/index", "subtrees": [{"sections": [
    ...     {"file": "chapters/01_x/ko"}]}]}, {"file": "en/index"}]}
    >>> edition_pages(toc, "ko")
    ['ko/index.html', 'chapters/01_x/ko.html']
    """
    from bilingual import page_language

    def files(node):
        if isinstance(node, dict):
            yield from ([node["file"]] if "file" in node else [])
            for value in node.values():
                yield from files(value)
        elif isinstance(node, list):
            for item in node:
                yield from files(item)

    return [f"{f}.html" for f in files(toc) if page_language(f) == lang]


def print_editions(site, toc):
    """Print each edition's PDF into ``site/pdf``; returns their paths."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    (site / "pdf").mkdir(exist_ok=True)
    printed = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
            for lang in ("ko", "en"):
                pages = edition_pages(toc, lang)
                page = browser.new_page()
                page.goto(f"{base}/{pages[0]}", wait_until="load")
                page.evaluate("() => window.MathJax?.startup?.promise")
                page.evaluate(GATHER, [[f"{base}/{p}" for p in pages], CONTENTS[lang]])
                path = site / "pdf" / f"{lang}.pdf"
                page.pdf(path=str(path), format="A4", print_background=True, outline=True,
                         tagged=True, display_header_footer=True, header_template="<span></span>",
                         footer_template=FOOTER,
                         margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"})
                page.close()
                printed.append(path)
            browser.close()
    finally:
        httpd.shutdown()
    return printed


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build_pdfs(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    if not CHROMIUM.exists():
        print("pdf: no /usr/bin/chromium, so no PDF (apt-get install chromium fonts-noto-cjk)")
        return
    toc = yaml.safe_load((Path(app.srcdir) / "_toc.yml").read_text(encoding="utf-8"))
    for path in print_editions(Path(app.outdir), toc):
        print(f"pdf: {path}")


def setup(app):
    app.connect("build-finished", build_pdfs, priority=900)  # after the site is complete
    return {"parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":  # make pdf: python _ext/pdf.py _build/html
    sys.path.insert(0, str(Path(__file__).parent))
    site = Path(sys.argv[1]).resolve()
    root = Path(__file__).resolve().parents[1]
    for printed in print_editions(site, yaml.safe_load((root / "_toc.yml").read_text("utf-8"))):
        print(printed)
