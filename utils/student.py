"""Student copies of the notebooks: solutions cleared, auto-checks kept.

Follows nbgraders' convention: the code between ``### BEGIN SOLUTION`` and
``### END SOLUTION`` becomes ``raise NotImplementedError()``. Run
``python -m utils.student chapters student`` (what ``make student`` does).
"""

import argparse
import re
from pathlib import Path

import nbformat

__all__ = ["clear_solutions", "make_student_notebook"]

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
_BLOCK = re.compile(rf"^([ \t]*){re.escape(BEGIN)}\n.*?^[ \t]*{re.escape(END)}[ \t]*$",
                    re.MULTILINE | re.DOTALL)


def clear_solutions(source):
    """Replace every solution block in a cell's source with a stub.

    >>> cell = "def f():\\n    ### BEGIN SOLUTION\\n    return 1\\n    ### END SOLUTION"
    >>> print(clear_solutions(cell))
    def f():
        # YOUR CODE HERE
        raise NotImplementedError()
    """
    if source.count(BEGIN) != source.count(END):
        raise ValueError("unbalanced solution markers: every BEGIN SOLUTION needs an END")
    return _BLOCK.sub(lambda m: f"{m[1]}# YOUR CODE HERE\n{m[1]}raise NotImplementedError()",
                      source)


def make_student_notebook(src, dst):
    """Write the student copy of notebook ``src`` to ``dst``; return how many cells changed.

    Solution cells are hidden on the website (tag ``remove-cell``); students must see them,
    so the tag is dropped in their copy.
    """
    nb = nbformat.read(src, as_version=4)
    changed = 0
    for cell in nb.cells:
        if cell.cell_type == "code" and BEGIN in cell.source:
            cell.source = clear_solutions(cell.source)
            tags = [t for t in cell.metadata.get("tags", []) if t != "remove-cell"]
            cell.metadata["tags"] = tags
            changed += 1
    Path(dst).parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, dst)
    return changed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="a chapters/ folder or one notebook")
    parser.add_argument("out", type=Path, help="folder for the student copies")
    args = parser.parse_args(argv)
    root = args.source if args.source.is_dir() else args.source.parent
    notebooks = sorted(root.rglob("*.ipynb")) if args.source.is_dir() else [args.source]
    for nb in notebooks:
        dst = args.out / nb.relative_to(root)
        print(f"{dst}: {make_student_notebook(nb, dst)} exercise(s) cleared")


if __name__ == "__main__":
    main()
