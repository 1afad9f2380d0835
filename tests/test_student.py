"""Student copies (``make student``): nbgrader's release of every chapter, and the stub the
website shows for a solution cell."""

from pathlib import Path

import nbformat
import pytest

from utils.student import BEGIN, END, release, stub

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "chapters").rglob("*.ipynb"))


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    """What ``make student`` writes: one nbgrader release of all sixteen chapters."""
    out = tmp_path_factory.mktemp("student")
    written = release(sorted({p.parent for p in NOTEBOOKS}), out)
    assert len(written) == len(NOTEBOOKS)
    return out


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_student_copy_clears_every_solution(path, released):
    teacher = nbformat.read(path, 4)
    student = nbformat.read(released / path.parent.name / path.name, 4)
    assert len(student.cells) == len(teacher.cells)
    solutions = 0
    for mine, theirs in zip(teacher.cells, student.cells):
        role = mine.metadata.get("nbgrader", {})
        if role.get("solution"):
            solutions += 1
            assert theirs.source == stub(mine.source) != mine.source
            assert "raise NotImplementedError()" in theirs.source
        else:
            assert theirs.source == mine.source, "only solution cells change"
        if role.get("grade"):
            assert theirs.metadata["editable"] is False, "check cells are locked"
        assert not theirs.get("outputs"), "released without outputs"
    text = "".join(c.source for c in student.cells)
    assert solutions >= 2 and BEGIN not in text and END not in text


def test_the_stub_raises_and_keeps_the_signature():
    src = "def f(x):\n    ### BEGIN SOLUTION\n    return x\n    ### END SOLUTION\n"
    assert stub(src).startswith("def f(x):\n")
    namespace = {}
    exec(stub(src), namespace)
    with pytest.raises(NotImplementedError):
        namespace["f"](1)


def test_unbalanced_markers_are_refused():
    with pytest.raises(RuntimeError, match="no end solution"):
        stub(f"{BEGIN}\nx = 1\n")
