"""Sphinx extension: on the website an exercise shows what the student's copy shows.

The book executes each notebook with its solutions, so that every check cell prints its verdict.
The page, though, shows a solution cell as nbgrader releases it, with the function's signature
and a ``raise NotImplementedError()`` stub (:func:`utils.student.stub`): the text above the
check refers to code the reader can see, and a student reading the page is not one click from the
answer. The solutions stay in the repository's notebooks, for instructors.
"""

from docutils import nodes
from sphinx.transforms import SphinxTransform

from utils.student import stub


def is_solution_cell(node):
    """A notebook code cell that nbgrader treats as a solution cell."""
    return (isinstance(node, nodes.container) and node.get("nb_element") == "cell_code"
            and node.get("cell_metadata", {}).get("nbgrader", {}).get("solution", False))


class ShowStubs(SphinxTransform):
    """Replace the displayed source of every solution cell by its stub."""

    default_priority = 500

    def apply(self, **kwargs):
        for cell in self.document.findall(is_solution_cell):
            for source in cell.findall(nodes.container):
                if source.get("nb_element") != "cell_code_source":
                    continue
                for block in source.findall(nodes.literal_block):
                    text = stub(block.astext())
                    block.rawsource = text
                    block.children = [nodes.Text(text)]


def setup(app):
    app.add_transform(ShowStubs)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
