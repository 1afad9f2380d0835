"""Student copies: solutions cleared, everything else kept, and the checks then fail."""

from pathlib import Path

import nbformat
import pytest

from utils.student import BEGIN, END, clear_solutions, make_student_notebook

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "chapters").rglob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_student_copy_clears_every_solution(path, tmp_path):
    dst = tmp_path / "student.ipynb"
    changed = make_student_notebook(path, dst)
    teacher, student = nbformat.read(path, 4), nbformat.read(dst, 4)
    assert changed >= 2 and len(student.cells) == len(teacher.cells)
    text = "".join(c.source for c in student.cells)
    assert BEGIN not in text and END not in text
    assert text.count("raise NotImplementedError()") == changed
    stubs = [c for c in student.cells if "NotImplementedError" in c.source]
    assert all("remove-cell" not in c.metadata.get("tags", []) for c in stubs)


def test_cleared_stub_raises():
    src = "def f(x):\n    ### BEGIN SOLUTION\n    return x\n    ### END SOLUTION\n"
    namespace = {}
    exec(clear_solutions(src), namespace)
    with pytest.raises(NotImplementedError):
        namespace["f"](1)


def test_unbalanced_markers_are_refused():
    with pytest.raises(ValueError, match="unbalanced"):
        clear_solutions(f"{BEGIN}\nx = 1\n")
