"""Shared test settings: a hypothesis profile sized for the 2-core CI machine, and fixtures:
a figure to draw on, and the website built once for the tests that read it."""

import os
import shutil
import subprocess
import sys
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
