"""The layout: a chapter is a notebook pair, one module and one test file; ``utils`` itself is
the library, with one module per topic and no name defined twice."""

import importlib
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import utils

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted(p.name for p in (ROOT / "chapters").iterdir() if re.match(r"\d\d_", p.name))
LIMIT = 600  # lines a module may grow to before it is split by topic


def _code(chapter):
    nb = nbformat.read(ROOT / "chapters" / chapter / "en.ipynb", as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "code"]  # ko.ipynb's are the same


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_chapter_is_a_notebook_pair_one_module_and_one_test_file(chapter):
    for path in (f"chapters/{chapter}/ko.ipynb", f"chapters/{chapter}/en.ipynb",
                 f"utils/chapters/ch{chapter}.py", f"tests/chapters/test_ch{chapter}.py"):
        assert (ROOT / path).is_file(), f"{path} is missing"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_notebook_imports_its_own_module_and_uses_all_of_it(chapter):
    code = _code(chapter)
    alias = f"ch{chapter[:2]}"
    assert f"from utils.chapters import ch{chapter} as {alias}" in code[1], \
        "the chapter's import cell (right after the setup cell) imports its module"
    source = "\n".join(code)
    assert set(re.findall(r"\b(ch\d\d_\w+)", source)) == {f"ch{chapter}"}, \
        "a notebook uses only its own chapter module; shared code belongs in the library"
    module = importlib.import_module(f"utils.chapters.ch{chapter}")
    unused = [name for name in module.__all__ if f"{alias}.{name}" not in source]
    assert not unused, f"{unused} are in the chapter module but not used by its notebook"


def test_chapter_modules_do_not_import_each_other():
    for path in (ROOT / "utils" / "chapters").glob("ch*.py"):
        assert not re.search(r"\bch\d\d_", path.read_text(encoding="utf-8").replace(
            path.stem, "")), f"{path.name} imports another chapter's module"


def test_the_namespace_lists_every_library_module():
    modules = {p.stem for p in (ROOT / "utils").glob("*.py")} - {"__init__", "_args", "student"}
    assert modules == {m.__name__.rsplit(".", 1)[1] for m in utils.LIBRARY}


def test_no_name_is_defined_in_two_library_modules():
    owner = {}
    for module in utils.LIBRARY:
        for name in module.__all__:
            assert name not in owner, f"{name} is in both {owner[name]} and {module.__name__}"
            owner[name] = module.__name__
    assert sorted(utils.__all__) == sorted(owner)


def test_no_library_name_can_be_mistaken_for_a_module():
    modules = [m.__name__.rsplit(".", 1)[1] for m in utils.LIBRARY] + ["chapters"]
    confusable = [(name, m) for name in utils.__all__ for m in modules if name.startswith(m)]
    assert not confusable, f"names that read like a module: {confusable}"


def test_no_chapter_name_leaks_into_the_library_namespace():
    for chapter in CHAPTERS:
        module = importlib.import_module(f"utils.chapters.ch{chapter}")
        assert not set(module.__all__) & set(dir(utils)), chapter


@pytest.mark.parametrize("path", sorted((ROOT / "utils").rglob("*.py")),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_passes_the_size_limit(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= LIMIT, f"{lines} lines: split it by topic"


def test_a_chapter_marker_selects_that_chapter_only():
    chapter = CHAPTERS[-1]
    run = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q",
                          "-m", f"ch{chapter[:2]}"], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    ids = [line for line in run.stdout.splitlines() if "::" in line]
    files = {line.split("::")[0] for line in ids}
    wanted = {f"chapters/{chapter}/ko.ipynb", f"chapters/{chapter}/en.ipynb",
              f"tests/chapters/test_ch{chapter}.py", "tests/test_notebooks.py",
              "tests/test_student.py"}
    doctests = {f"utils/chapters/ch{chapter}.py"}  # when the module has any
    graded = {"tests/test_nbgrader.py"}  # when nbgrader grades this chapter
    assert wanted <= files <= wanted | doctests | graded, files
    per_notebook = [line for line in ids if line.startswith((
        "tests/test_notebooks.py", "tests/test_student.py", "tests/test_nbgrader.py"))]
    assert all(chapter in line for line in per_notebook)
