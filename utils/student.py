"""Student copies of the notebooks, made by nbgrader's own release step.

Each exercise is two cells that carry nbgrader's metadata: a *solution* cell, whose code between
``### BEGIN SOLUTION`` and ``### END SOLUTION`` is the answer, and a locked, autograded *check*
cell worth one point. ``make student`` (``python -m utils.student chapters student``) puts every
chapter into a temporary nbgrader course as an assignment of its own, runs
``nbgrader generate_assignment`` and copies what it releases to ``student/NN_name/{ko,en}.ipynb``:
solutions replaced by ``raise NotImplementedError()``, check cells locked, outputs cleared.
:func:`stub` is the same replacement for one cell; the website uses it (``_ext/homework.py``).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
from nbgrader.preprocessors import ClearSolutions

__all__ = ["BEGIN", "END", "CONFIG", "stub", "new_course", "release"]

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
# The course's nbgrader_config.py: a training chapter's cell may run for a minute on a slow CPU
# (nbgrader's default cell timeout is 30 s).
CONFIG = """\
c = get_config()
c.CourseDirectory.course_id = "deconvolution"
c.Execute.timeout = 600
"""


def stub(source):
    """A solution cell's source as nbgrader releases it: each solution region becomes a stub.

    >>> print(stub("def f():\\n    ### BEGIN SOLUTION\\n    return 1\\n    ### END SOLUTION"))
    def f():
        # YOUR CODE HERE
        raise NotImplementedError()
    """
    cell = nbformat.v4.new_code_cell(source, metadata={"nbgrader": {"solution": True}})
    cell, _ = ClearSolutions().preprocess_cell(cell, {"language": "python"}, 0)
    return cell.source


def new_course(root, chapters):
    """An nbgrader course in folder ``root``: its config, and each chapter folder's notebooks as
    the source of an assignment named after the folder (``source/02_same_padding/en.ipynb``)."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    (root / "nbgrader_config.py").write_text(CONFIG, encoding="utf-8")
    for chapter in chapters:
        shutil.copytree(chapter, root / "source" / Path(chapter).name,
                        ignore=shutil.ignore_patterns(".*"))
    return root


def nbgrader(root, *args):
    """Run the ``nbgrader`` command beside this Python in course folder ``root``. Its folder goes
    first on PATH: nbgrader runs ``alembic`` from there when it creates a gradebook."""
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    command = [str(bin_dir / "nbgrader"), *args]
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{' '.join(command[1:])} failed:\n{done.stdout}{done.stderr}")
    return done


def release(chapters, out):
    """Student copies of ``chapters`` (chapter folders) in ``out``, by nbgrader's release step;
    returns the notebooks written."""
    chapters = [Path(c) for c in chapters]
    with tempfile.TemporaryDirectory() as tmp:
        course = new_course(tmp, chapters)
        nbgrader(course, "generate_assignment", "*", "--create", "--force")
        written = []
        for chapter in chapters:
            target = Path(out) / chapter.name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(course / "release" / chapter.name, target)
            written += sorted(target.glob("*.ipynb"))
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the chapters/ folder, or one chapter folder")
    parser.add_argument("out", type=Path, help="folder for the student copies")
    args = parser.parse_args(argv)
    folders = sorted(p for p in args.source.iterdir() if list(p.glob("*.ipynb"))) \
        if not list(args.source.glob("*.ipynb")) else [args.source]
    for path in release(folders, args.out):
        stubs = sum("raise NotImplementedError()" in c.source for c in nbformat.read(path, 4).cells)
        print(f"{path}: {stubs} exercise(s) to solve")


if __name__ == "__main__":
    main()
