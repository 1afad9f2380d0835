"""Chapter 10 · checkerboard artifacts and sub-pixel convolution: the exercise checks and the
drawers.

Used by ``chapters/10_checkerboard/``; tested by
``tests/chapters/test_ch10_checkerboard.py``.
"""

import numpy as np
import torch
import torch.nn.functional as F

from ..ops import conv_transpose2d
from ..plot import draw_grid
from .grading import grade

__all__ = ["check_overlap_counts", "check_pixel_shuffle", "check_even_overlap", "draw_overlap"]


def check_overlap_counts(overlap_counts, seed=0):
    """``overlap_counts(n, k, s)``: stamps covering each output pixel, read off torch as a
    transposed convolution of ones with a kernel of ones."""
    rng = np.random.default_rng(seed)
    cases = [tuple(int(v) for v in (rng.integers(1, 8), rng.integers(1, 6), rng.integers(1, 4)))
             for _ in range(15)]

    def torch_ref(n, k, s):
        return F.conv_transpose1d(torch.ones(1, 1, n, dtype=torch.float64),
                                  torch.ones(1, 1, k, dtype=torch.float64), stride=s)[0, 0].numpy()

    grade("overlap_counts", cases, overlap_counts, torch_ref,
          "Hint: input i's stamp covers output pixels i·s … i·s + k − 1.")


def check_pixel_shuffle(pixel_shuffle, seed=0):
    """``pixel_shuffle(x, r)``: (N, C·r², H, W) → (N, C, H·r, W·r), like F.pixel_shuffle."""
    rng = np.random.default_rng(seed)
    cases = []
    for _ in range(10):
        r = int(rng.integers(1, 4))
        cases.append((rng.standard_normal((int(rng.integers(1, 3)), r * r * int(rng.integers(1, 3)),
                                           int(rng.integers(1, 5)), int(rng.integers(1, 5)))), r))
    grade("pixel_shuffle", cases, pixel_shuffle,
          lambda x, r: F.pixel_shuffle(torch.from_numpy(x), r).numpy(),
          "Hint: split the channels into (C, r, r), then move the two r axes next to H and W: "
          "(N, C, H, r, W, r).")


def check_even_overlap(even_overlap, seed=0):
    """``even_overlap(k, s)``: is the interior of the overlap map constant? Measured in torch."""
    cases = [(k, s) for k in range(1, 9) for s in range(1, 5)]

    def torch_ref(k, s):
        counts = F.conv_transpose1d(torch.ones(1, 1, 12), torch.ones(1, 1, k), stride=s)[0, 0]
        inner = counts[k:-k]
        return float(bool((inner == inner[0]).all()))

    grade("even_overlap", cases, lambda k, s: float(bool(even_overlap(k, s))), torch_ref,
          "Hint: look at which (k, s) pairs give a constant interior in section 1.")


def draw_overlap(fig, kernel_size=3, stride=2, layers=1, size=3):
    """How many stamps cover each output pixel after ``layers`` transposed convolutions of
    ones (k×k, stride s) on a size×size input of ones; returns that count map."""
    counts = np.ones((1, 1, size, size))
    for _ in range(layers):
        counts = conv_transpose2d(counts, np.ones((1, 1, kernel_size, kernel_size)),
                                  stride=stride)
    counts = counts[0, 0]
    ax = fig.subplots()
    if counts.shape[0] <= 16:
        draw_grid(ax, counts, fmt="{:.0f}", cmap="Purples")
    else:
        ax.imshow(counts, cmap="Purples")
    ax.set_title(f"k={kernel_size}, s={stride}, {layers} layer(s)")
    return counts
