"""`make audit`: Lighthouse's mobile audit of every chapter page, the site served compressed.

The built site (``_build/html``, or the folder given) is served gzip-compressed on localhost, as
a static host serves it, and Lighthouse 12 (``.audit/``, installed by ``make audit`` from the npm
registry) runs its mobile profile in Debian's Chromium on each chapter page of both editions.
Prints one row per page (performance, accessibility, SEO, first and largest paint, layout shift,
transferred weight) and exits with 1 when a page is below the course's budget (COURSE.md):
performance ≥ 90, accessibility 100, SEO ≥ 95.

    python benchmarks/lighthouse.py [SITE] [--pages chapters/08_transposed_conv/ko.html ...]
"""

import argparse
import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / ".audit" / "node_modules" / ".bin" / "lighthouse"
BUDGET = {"performance": 90, "accessibility": 100, "seo": 95}
COMPRESSED = {".html", ".js", ".css", ".json", ".svg", ".txt", ".map"}
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking " \
        "--disable-component-update --disable-sync --no-first-run"


class Compressed(http.server.SimpleHTTPRequestHandler):
    """Static files, text ones gzip-compressed when the browser accepts it."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (path.suffix not in COMPRESSED or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = _gzipped(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


@functools.cache
def _gzipped(path):
    return gzip.compress(path.read_bytes(), compresslevel=9)


def serve(site):
    """The site on a localhost port of its own; returns its base URL."""
    handler = functools.partial(Compressed, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}"


def audit(url):
    """Lighthouse's mobile report of one page, as a dict."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
                        "--only-categories=performance,accessibility,seo",
                        f"--chrome-flags={FLAGS}"],
                       check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
        return json.loads(out.read_text())


def row(report):
    """The figures the budget speaks of, from one report."""
    audits, cats = report["audits"], report["categories"]
    return {**{name: round(100 * cats[name]["score"]) for name in BUDGET},
            "FCP s": audits["first-contentful-paint"]["numericValue"] / 1000,
            "LCP s": audits["largest-contentful-paint"]["numericValue"] / 1000,
            "CLS": audits["cumulative-layout-shift"]["numericValue"],
            "kB": audits["total-byte-weight"]["numericValue"] / 1000,
            "failed": [a["id"] for a in audits.values()
                       if a.get("score") is not None and a["score"] < 0.9
                       and a.get("scoreDisplayMode") in ("binary", "metricSavings", "numeric")]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=ROOT / "_build" / "html", type=Path)
    parser.add_argument("--pages", nargs="*")
    args = parser.parse_args()
    pages = args.pages or sorted(p.relative_to(args.site).as_posix()
                                 for p in (args.site / "chapters").glob("*/*.html"))
    base = serve(args.site)
    print("| page | perf | a11y | SEO | FCP s | LCP s | CLS | kB | audits below 0.9 |\n"
          "|---|---|---|---|---|---|---|---|---|")
    short = []
    for page in pages:
        r = row(audit(f"{base}/{page}"))
        print(f"| {page} | {r['performance']} | {r['accessibility']} | {r['seo']} | "
              f"{r['FCP s']:.1f} | {r['LCP s']:.1f} | {r['CLS']:.3f} | {r['kB']:.0f} | "
              f"{', '.join(r['failed'])} |", flush=True)
        if any(r[name] < floor for name, floor in BUDGET.items()):
            short.append(page)
    if short:
        sys.exit(f"below the budget {BUDGET}: {short}")


if __name__ == "__main__":
    main()
