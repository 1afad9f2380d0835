"""Notebook hygiene: both languages, identical code, stripped, listed, valid, one setup cell.

nbval executes the notebooks themselves (``chapters/`` is a pytest path, run with
``--nbval-lax``); these tests check what must hold before anything runs.
"""

import re
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted(p for p in (ROOT / "chapters").iterdir() if re.match(r"\d\d_", p.name))
NOTEBOOKS = sorted((ROOT / "chapters").rglob("*.ipynb"))
LANGS = ("ko", "en")


def _read(path):
    return nbformat.read(path, as_version=4)


def _code(nb):
    return [c.source for c in nb.cells if c.cell_type == "code"]


def _toc_files():
    def walk(node):
        if isinstance(node, dict):
            if "file" in node:
                yield node["file"]
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [toc["root"], *walk(toc)]


def test_there_are_chapters():
    assert CHAPTERS, "no chapter folders found"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.name)
def test_both_languages_with_identical_code_cells(chapter):
    ko, en = (_read(chapter / f"{lang}.ipynb") for lang in LANGS)
    assert _code(ko) == _code(en), "code cells differ between ko.ipynb and en.ipynb"
    assert [c.cell_type for c in ko.cells] == [c.cell_type for c in en.cells], \
        "markdown cells must correspond one to one"
    assert [c.metadata.get("tags", []) for c in ko.cells] == \
        [c.metadata.get("tags", []) for c in en.cells], "cell tags differ"
    assert [c.metadata.get("nbgrader") for c in ko.cells] == \
        [c.metadata.get("nbgrader") for c in en.cells], "nbgrader metadata differ"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_outputs_and_execution_counts_are_stripped(path):
    for cell in _read(path).cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, \
                f"{path.name}: run `make strip` before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_valid_nbformat_with_one_python_kernel(path):
    nb = _read(path)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert nb.metadata["kernelspec"]["language"] == "python"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_notebook_follows_the_chapter_template(path):
    nb = _read(path)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# "), "title first"
    assert "BEGIN SOLUTION" in "".join(_code(nb)), "every chapter has exercises"
    assert not any("TODO" in c.source for c in nb.cells if c.cell_type == "markdown")


SOLUTION = {"grade": False, "locked": False, "schema_version": 3, "solution": True, "task": False}
CHECK = {"grade": True, "locked": True, "points": 1, "schema_version": 3, "solution": False,
         "task": False}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_exercise_carries_nbgrader_metadata(path):
    """Each exercise is nbgrader's pair: a solution cell (the only place the solution markers
    may be), then a locked, autograded check cell worth a point, with unique grade ids."""
    cells = _read(path).cells
    graded = [(i, c.metadata["nbgrader"]) for i, c in enumerate(cells) if "nbgrader" in c.metadata]
    assert graded, "no exercise"
    ids = [meta["grade_id"] for _, meta in graded]
    assert len(ids) == len(set(ids)), f"grade ids repeat: {ids}"
    for i, cell in enumerate(cells):
        meta = cell.metadata.get("nbgrader")
        if "### BEGIN SOLUTION" in cell.source or (meta and meta["solution"]):
            assert cell.cell_type == "code" and "### BEGIN SOLUTION" in cell.source, i
            name = re.match(r"def (\w+)\(", cell.source)[1]
            assert meta == {**SOLUTION, "grade_id": name}, f"cell {i}: solution metadata"
            check = cells[i + 1]
            assert check.cell_type == "code" and f"({name})" in check.source, i
            assert check.metadata.get("nbgrader") == {**CHECK, "grade_id": f"check_{name}"}, \
                f"cell {i + 1}: the check after {name} must be a locked, graded test"
            assert "remove-cell" not in cell.metadata.get("tags", []), \
                "the website shows the stub of a solution cell (_ext/homework.py)"
    assert sum(m["solution"] for _, m in graded) == sum(m["grade"] for _, m in graded)


def test_setup_cell_is_identical_everywhere():
    setups = {}
    for path in NOTEBOOKS:
        cell = next(c for c in _read(path).cells if c.cell_type == "code")
        setups[path] = (cell.source, cell.metadata.get("tags", []))
    first = next(iter(setups.values()))
    assert first[0].startswith("# Setup") and first[1] == ["hide-input"], "setup cell, folded"
    different = [str(p.relative_to(ROOT)) for p, s in setups.items() if s != first]
    assert not different, f"setup cell (source or tags) differs in {different}"


def test_repository_url_is_configured_once_and_agreed_on():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    url = config["repository"]["url"]
    for path in NOTEBOOKS:
        assert f'REPO_URL = "{url}"' in _code(_read(path))[0], f"{path}: setup cell URL"


def test_every_notebook_is_in_the_toc_and_every_entry_exists():
    files = _toc_files()
    for path in NOTEBOOKS:
        assert str(path.relative_to(ROOT).with_suffix("")) in files, f"{path} not in _toc.yml"
    for entry in files:
        assert any((ROOT / f"{entry}{ext}").exists() for ext in (".md", ".ipynb")), entry


def test_every_edition_page_has_its_counterpart():
    files = set(_toc_files())
    for entry in files:
        parts = entry.split("/")
        for i in (0, len(parts) - 1):
            if parts[i] in LANGS:
                other = parts.copy()
                other[i] = "en" if parts[i] == "ko" else "ko"
                assert "/".join(other) in files, f"{entry} has no counterpart"
