"""Shared test settings: a hypothesis profile sized for the 2-core CI machine, and fixtures:
a figure to draw on, the website built once for the tests that read it, served on localhost,
and Debian's Chromium to open it in."""

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import nbformat
import pytest
import yaml
from hypothesis import HealthCheck, settings

settings.register_profile(
    "course", max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", 500)), deadline=None,
    suppress_health_check=[HealthCheck.too_slow], derandomize=True, print_blob=True)
settings.load_profile("course")


@pytest.fixture
def fig():
    """A figure for a drawer to draw on, off screen, closed afterwards."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure = plt.figure()
    yield figure
    plt.close(figure)


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "_ext"))  # the Sphinx extensions, whose tables some tests read
NOT_SOURCES = shutil.ignore_patterns(".*", "_build", "student", "__pycache__")


@pytest.fixture(scope="session")
def site(tmp_path_factory, executed_notebooks):
    """The real book, built once into a temporary folder: the path of its ``html`` folder.
    Notebooks nbval ran keep their outputs; the others are executed by the build."""
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


@pytest.fixture(scope="session")
def server(site):
    """The built site on an http://127.0.0.1 port of its own."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, driven by Playwright's synchronous API (tests/chromium.py)."""
    from playwright.sync_api import sync_playwright

    from tests.chromium import CHROMIUM, FLAGS

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()

