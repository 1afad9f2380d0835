"""What the browser tests share: Debian's Chromium, the flags it runs with here, the mark that
skips a test without it, and a page visit that records requests and console errors. The
``server`` and ``browser`` fixtures are in ``tests/conftest.py``."""

import pytest
from pdf import CHROMIUM, FLAGS  # the site's PDFs are printed by the same Chromium (_ext/pdf.py)

__all__ = ["CHROMIUM", "FLAGS", "Visit", "needs_chromium"]

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="no Chromium at /usr/bin/chromium: `sudo apt-get install chromium fonts-noto-cjk` "
           "to run the browser tests (.ci/run does)")


class Visit:
    """A page opened in a fresh context, with every request and console error recorded."""

    def __init__(self, browser, url, math=True):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.requests, self.errors = [], []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(url, wait_until="networkidle")
        if not math:  # a page without formulas (the search page) loads no MathJax
            return
        # MathJax typesets after the load: wait for its startup promise
        self.page.wait_for_function("window.MathJax?.startup?.promise", timeout=20_000)
        self.page.evaluate("() => MathJax.startup.promise")

    def close(self):
        self.context.close()
