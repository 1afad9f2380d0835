"""The grid figures: panels sized by their arrays, and titles that don't run into each other."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import utils  # noqa: E402


@pytest.mark.parametrize("shapes, titles", [
    ([(4, 4), (2, 2), (2, 2)], ["x", "max pool 2×2", "switches (h·W + w)"]),  # chapter 06
    ([(4, 16), (4, 4)], ["C (4×16)", "x"]),
    ([(1, 1), (1, 1), (1, 1)], ["a rather long title", "another long title", "third one"]),
])
def test_show_grids_titles_do_not_overlap(shapes, titles):
    arrays = [np.arange(h * w, dtype=float).reshape(h, w) for h, w in shapes]
    fig = utils.show_grids(*arrays, titles=titles)
    try:
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        boxes = [ax.title.get_window_extent(renderer) for ax in fig.axes]
        for left, right in zip(boxes, boxes[1:]):
            assert left.x1 < right.x0, f"titles overlap: {left} {right}"
        width = fig.get_size_inches()[0] * fig.dpi
        assert boxes[0].x0 >= 0 and boxes[-1].x1 <= width
    finally:
        plt.close(fig)


def test_show_grids_sizes_panels_by_width():
    fig = utils.show_grids(np.zeros((4, 16)), np.zeros((4, 4)))
    try:
        wide, narrow = (ax.get_position().width for ax in fig.axes)
        assert wide > 3 * narrow
    finally:
        plt.close(fig)
