"""Homework graded by real nbgrader, as an instructor would run it.

For one chapter of each Part, in both languages, in a fresh nbgrader course: the release step
(``nbgrader generate_assignment``) makes the student version, ``nbgrader autograde`` then gives
the instructor's own notebook full marks and the untouched release zero, and ``nbgrader export``
writes the grades. ``make student`` is that same release step (``utils.student``): the copies
agree.
"""

import csv
import re
import shutil
from pathlib import Path

import nbformat
import pytest
import yaml
from nbgrader.api import Gradebook

from utils.student import nbgrader, new_course, release

ROOT = Path(__file__).resolve().parents[1]
# one chapter of each Part, the quickest to execute (autograde runs each notebook twice)
GRADED = [ROOT / "chapters" / name for name in (
    "02_same_padding", "05_bed_of_nails", "09_transposed_conv_arithmetic",
    "11_relu_in_reverse", "16_gan_generator")]


def test_one_graded_chapter_in_each_part():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    english = next(c for c in toc["chapters"] if c["file"] == "en/index")
    parts = [[s["file"] for s in sub["sections"]] for sub in english["subtrees"]
             if sub["caption"].startswith("Part ")]
    assert len(parts) == 5
    for files in parts:
        picked = [c for c in GRADED if f"chapters/{c.name}/en" in files]
        assert len(picked) == 1, files


def _points(path):
    return sum(c.metadata.get("nbgrader", {}).get("points", 0)
               for c in nbformat.read(path, 4).cells)


@pytest.mark.parametrize("chapter", GRADED, ids=lambda p: p.name)
def test_nbgrader_gives_the_solution_full_marks_and_the_release_zero(chapter, tmp_path):
    name = chapter.name
    course = new_course(tmp_path / "course", [chapter])
    nbgrader(course, "generate_assignment", name, "--create")
    for student, folder in (("instructor", "source"), ("student", "release")):
        shutil.copytree(course / folder / name, course / "submitted" / student / name)
    nbgrader(course, "autograde", name, "--create")

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for lang in ("ko", "en"):
            full = _points(chapter / f"{lang}.ipynb")
            assert full >= 2
            mine = gradebook.find_submission_notebook(lang, name, "instructor")
            theirs = gradebook.find_submission_notebook(lang, name, "student")
            assert (mine.score, mine.max_score) == (full, full), f"{lang}: instructor"
            assert (theirs.score, theirs.max_score) == (0, full), f"{lang}: release"
    for lang in ("ko", "en"):  # every cell of the solved notebook ran, not only the graded ones
        solved = nbformat.read(course / "autograded" / "instructor" / name / f"{lang}.ipynb", 4)
        errors = [o for c in solved.cells for o in c.get("outputs", [])
                  if o.output_type == "error"]
        assert not errors, f"{lang}: {errors[0].ename}: {errors[0].evalue}"

    nbgrader(course, "export")
    with open(course / "grades.csv", newline="", encoding="utf-8") as f:
        rows = {row["student_id"]: row for row in csv.DictReader(f)}
    total = sum(_points(chapter / f"{lang}.ipynb") for lang in ("ko", "en"))
    assert float(rows["instructor"]["score"]) == float(rows["instructor"]["max_score"]) == total
    assert float(rows["student"]["score"]) == 0

    # make student writes what nbgrader released here
    ours = release([chapter], tmp_path / "student")
    for path in ours:
        theirs = nbformat.read(course / "release" / name / path.name, 4)
        mine = nbformat.read(path, 4)
        assert [(c.source, c.metadata) for c in mine.cells] == \
            [(c.source, c.metadata) for c in theirs.cells], path.name
        assert re.search(r"raise NotImplementedError\(\)", "".join(c.source for c in mine.cells))
