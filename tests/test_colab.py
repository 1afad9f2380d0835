"""The Colab branch of the setup cell, run in a real Jupyter kernel with a stand-in for Colab.

Every chapter notebook starts with the same setup cell (``tests/test_notebooks.py`` checks that).
On Colab it clones the repository into ``/content/course``, puts the clone first on ``sys.path``
so that ``import utils`` finds the course code, and installs Captum, which Colab lacks, if it is
missing. Colab cannot be reached from here, so these tests run that cell, through nbclient, in a
kernel of the interpreter running pytest, in which ``google.colab`` is a stand-in module and the
cell's two Colab literals point at this machine: the repository URL at ``file://`` this
repository, the clone target at a temporary folder. The kernel records every ``subprocess.run``
and sets ``PIP_NO_INDEX``, so that pip can never reach the network.

The clone holds this repository's HEAD only: uncommitted changes to ``utils/`` are not in it,
while the setup cell and the chapter's cells are taken from the working tree.
"""

import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = ROOT / "chapters" / "11_relu_in_reverse" / "en.ipynb"  # the first to need Captum
AFTER_SETUP = 3  # the chapter's code cells run after its setup cell; the next one trains a CNN
PIP = [sys.executable, "-m", "pip", "install", "-q", "captum"]

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None
    or subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True)
    .returncode != 0,
    reason="needs git and a git checkout to clone")


def _code_cells(path):
    return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


def _setup_cell(url, clone):
    """The chapter's setup cell, its repository URL and clone target replaced by ``url`` and
    ``clone``; each literal must occur exactly once, so that a changed cell fails loudly here."""
    source = _code_cells(CHAPTER)[0]
    urls = re.findall(r'^REPO_URL = "([^"]+)"$', source, flags=re.MULTILINE)
    assert len(urls) == 1, "setup cell: one line REPO_URL = \"...\""
    for old, new in ((f'"{urls[0]}"', json.dumps(url)), ('"/content/course"', json.dumps(clone))):
        assert source.count(old) == 1, f"setup cell: {old} should occur exactly once"
        source = source.replace(old, new)
    return source


def _prelude(content, colab, hide_captum=False):
    """The kernel's first cell: record every subprocess.run in ``RAN``, keep pip offline and
    start in ``content`` (Colab's /content); with ``colab``, import a stand-in google.colab."""
    cell = textwrap.dedent(f"""\
        import os, subprocess, sys, types

        RAN = []  # the argv of every subprocess.run, in order
        _run = subprocess.run

        def _recorded(cmd, *args, **kwargs):
            RAN.append([str(arg) for arg in cmd])
            return _run(cmd, *args, **kwargs)

        subprocess.run = _recorded
        os.environ["PIP_NO_INDEX"] = "1"  # pip may use what is installed, never the network
        os.chdir({str(content)!r})
        """)
    if colab:
        cell += textwrap.dedent("""\
            google = types.ModuleType("google")
            google.__path__ = []
            google.colab = types.ModuleType("google.colab")
            sys.modules.update({"google": google, "google.colab": google.colab})
            """)
    if hide_captum:
        cell += 'sys.modules["captum"] = None  # find_spec("captum") is None, as on Colab\n'
    return cell


def _execute(cells, cwd):
    """Run ``cells`` in a fresh ``python3`` kernel started in ``cwd``; fail on any error output,
    with the cell and its error."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "language": "python",
                                 "display_name": "Python 3"}
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(cwd)}}).execute()
    errors = [(i, o.ename, o.evalue) for i, cell in enumerate(nb.cells)
              for o in cell.outputs if o.output_type == "error"]
    assert not errors, f"errors in the kernel (cell, error, message): {errors}"
    return nb


def _folders(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    return content, content / "course"


def _kernel_is_ours():
    """A cell asserting that the kernel runs the interpreter that runs pytest (the venv's)."""
    return f"assert sys.prefix == {sys.prefix!r}, sys.prefix  # the kernel is pytest's Python"


def test_on_colab_the_setup_cell_clones_and_the_chapter_runs_from_the_clone(tmp_path):
    """On (stand-in) Colab the setup cell clones the repository and imports ``utils`` from the
    clone, not the editable install of the venv; it installs nothing, since Captum is present;
    run again it does nothing; the chapter's first cells, Captum's import among them, run."""
    content, clone = _folders(tmp_path)
    url = f"file://{ROOT}"
    setup = _setup_cell(url, str(clone))
    cloned = ["git", "clone", "--depth", "1", url, str(clone)]
    cells = [
        _prelude(content, colab=True),
        _kernel_is_ours(),
        setup,
        f"assert RAN == [{cloned!r}], RAN  # a clone and no pip: Captum is installed",
        setup,
        "assert len(RAN) == 1, RAN  # run again, the cell neither clones nor installs",
        *_code_cells(CHAPTER)[1:1 + AFTER_SETUP],
        textwrap.dedent(f"""\
            from pathlib import Path

            import captum

            clone = Path({str(clone)!r}).resolve()
            for module in (utils, ch11):
                assert clone in Path(module.__file__).resolve().parents, module.__file__
            assert clone not in Path(captum.__file__).resolve().parents
            assert sys.path[0] == str(clone), sys.path[:3]  # the clone first
            utils.seed_everything(3)
            first = torch.rand(4)
            utils.seed_everything(3)
            assert torch.equal(first, torch.rand(4))
            assert device == utils.pick_device()
            """),
    ]
    _execute(cells, content)
    assert (clone / "utils" / "__init__.py").is_file()


def test_on_colab_without_captum_the_setup_cell_installs_it_with_pip(tmp_path):
    """Where Captum is missing (hidden from ``find_spec`` here) the setup cell runs ``pip
    install captum`` with the kernel's own Python; pip finds it installed, offline."""
    content, clone = _folders(tmp_path)
    url = f"file://{ROOT}"
    cells = [_prelude(content, colab=True, hide_captum=True), _kernel_is_ours(),
             _setup_cell(url, str(clone)),
             f"assert RAN[1:] == [{PIP!r}], RAN  # after the clone, pip"]
    _execute(cells, content)


def test_outside_colab_the_setup_cell_neither_clones_nor_installs(tmp_path):
    """Without ``google.colab`` (Jupyter, nbval, the book build) the cell runs no command and
    ``utils`` is this repository's, through the venv's editable install."""
    content, clone = _folders(tmp_path)
    cells = [_prelude(content, colab=False), _kernel_is_ours(),
             _setup_cell(f"file://{ROOT}", str(clone)),
             "assert RAN == [], RAN",
             f"assert utils.__file__ == {str(ROOT / 'utils' / '__init__.py')!r}, utils.__file__"]
    _execute(cells, content)
    assert not clone.exists()
