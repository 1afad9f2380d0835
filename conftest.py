"""pytest plugins for the whole repository (tests/, utils/, chapters/).

* A marker per chapter: ``pytest -m ch07`` runs chapter 07's notebooks (nbval), its module's
  doctests and test file, and the tests that take its notebooks (hygiene, student copies).
* Each notebook runs once: nbval executes it, and the outputs it collects are kept, so that
  ``tests/test_book.py`` builds the website from them instead of executing every notebook again.
"""

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent
CHAPTERS = sorted(p.name for p in (ROOT / "chapters").iterdir() if re.match(r"\d\d_", p.name))
# they read the site built from nbval's outputs
SITE_TESTS = ("test_book.py", "test_browser.py", "test_accessibility.py", "test_site_budget.py",
              "test_pdf.py")
EXECUTED = pytest.StashKey[dict]()  # notebook path → the notebook with nbval's outputs


def pytest_configure(config):
    for chapter in CHAPTERS:
        config.addinivalue_line("markers", f"ch{chapter[:2]}: chapter {chapter}")
    config.stash[EXECUTED] = {}


def _chapter_of(item):
    """The two-digit chapter an item belongs to, by its file, or by the chapter folder or
    notebook it takes as a parameter; None for the rest."""
    path = Path(str(item.path)).resolve()
    if path.parent.parent == ROOT / "chapters":
        return path.parent.name[:2]
    match = re.match(r"(?:test_)?ch(\d\d)_", path.name)
    if match:
        return match.group(1)
    params = item.callspec.params.values() if hasattr(item, "callspec") else ()
    for value in params:
        folder = value.parent if isinstance(value, Path) and value.suffix else value
        if isinstance(folder, Path) and folder.parent == ROOT / "chapters":
            return folder.name[:2]
    return None


def pytest_collection_modifyitems(config, items):
    """Mark each item with its chapter, and run the tests of the website last: its build reuses
    the outputs of the notebooks nbval runs before it."""
    for item in items:
        chapter = _chapter_of(item)
        if chapter:
            item.add_marker(f"ch{chapter}")
    items.sort(key=lambda item: Path(str(item.path)).name in SITE_TESTS)  # stable


@pytest.fixture(scope="session")
def executed_notebooks(request):
    """Notebook path → that notebook with the outputs nbval collected, for those it ran."""
    return request.config.stash[EXECUTED]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep the outputs of each notebook cell that nbval ran; a notebook whose every cell ran
    without error is stored, with its outputs, for the book build."""
    report = yield
    outputs = getattr(item, "test_outputs", None)
    if call.when == "call" and outputs is not None and hasattr(item, "cell_num"):
        notebook = item.parent
        ran = notebook.stash.setdefault(EXECUTED, {})
        ran[item.cell_num] = (outputs, report.passed)
        cells = [c for c in notebook.nb.cells if c.cell_type == "code"]
        if len(ran) == len(cells) and all(ok for _, ok in ran.values()):
            executed = nbformat.from_dict(notebook.nb)
            code = [c for c in executed.cells if c.cell_type == "code"]
            for number, cell in enumerate(code):
                cell.outputs = [nbformat.from_dict(dict(o)) for o in ran[number][0]]
                cell.execution_count = number + 1
                for output in cell.outputs:
                    if output.output_type == "execute_result":
                        output.execution_count = number + 1
            item.config.stash[EXECUTED][Path(str(notebook.path)).resolve()] = executed
    return report
