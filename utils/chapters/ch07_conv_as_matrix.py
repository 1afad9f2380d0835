"""Chapter 07 · the convolution as a matrix: the exercise checks and the drawers.

Used by ``chapters/07_conv_as_matrix/``; tested by
``tests/chapters/test_ch07_conv_as_matrix.py``.
"""

import numpy as np
import torch
import torch.nn.functional as F

from ..interactive import explorer
from ..matrix import conv_matrix
from ..plot import draw_grid
from .grading import grade

__all__ = ["check_conv1d_matrix", "check_conv2d_matrix", "draw_conv_matrix", "explore_conv_matrix"]


def check_conv1d_matrix(conv1d_matrix, n_cases=20, seed=0):
    """``conv1d_matrix(w, n)``: the (n − k + 1, n) matrix of ``F.conv1d`` (no padding)."""
    rng = np.random.default_rng(seed)
    cases = [(rng.standard_normal(k), n) for k in rng.integers(1, 6, n_cases)
             for n in [int(rng.integers(k, k + 8))]]

    def torch_ref(w, n):  # column j is the response to the unit impulse at j
        basis = torch.eye(n, dtype=torch.float64)[:, None]
        return F.conv1d(basis, torch.from_numpy(w)[None, None])[:, 0].T.numpy()

    grade("conv1d_matrix", cases, conv1d_matrix, torch_ref,
          "Hint: row i holds the kernel where output i reads the input: columns i … i + k − 1.")


def check_conv2d_matrix(conv2d_matrix, n_cases=20, seed=0):
    """``conv2d_matrix(w, H, W, stride)``: the (oH·oW, H·W) matrix of a single-channel
    ``F.conv2d`` with the given stride and no padding."""
    rng = np.random.default_rng(seed)
    cases = []
    for _ in range(n_cases):
        kh, kw, s = (int(v) for v in rng.integers(1, 4, 3))
        cases.append((rng.standard_normal((kh, kw)), int(rng.integers(kh, kh + 5)),
                      int(rng.integers(kw, kw + 5)), s))

    def torch_ref(w, H, W, s):
        basis = torch.eye(H * W, dtype=torch.float64).reshape(H * W, 1, H, W)
        return F.conv2d(basis, torch.from_numpy(w)[None, None], stride=s).reshape(H * W, -1).T

    grade("conv2d_matrix", cases, conv2d_matrix, torch_ref,
          "Hint: there is one row per output pixel (r, c), in row-major order; it reads the "
          "window whose top-left input pixel is (r·stride, c·stride), and input pixel (h, x) "
          "is column h·W + x.")


def draw_conv_matrix(fig, kernel_size=3, size=4, stride=1, padding=0, dilation=1):
    """Input indices, kernel and the convolution matrix C, side by side.

    The kernel holds 1..k² so that every entry of C says which tap it is.
    """
    k = kernel_size
    w = np.arange(1.0, k * k + 1).reshape(1, 1, k, k)
    C = conv_matrix(w, (size, size), stride=stride, padding=padding, dilation=dilation)
    axes = fig.subplots(1, 3, width_ratios=[size, k, C.shape[1]])
    draw_grid(axes[0], np.arange(size * size).reshape(size, size), "input index", fmt="{:.0f}",
              cmap="Greys", faint_zeros=False)
    draw_grid(axes[1], w[0, 0], "kernel w", fmt="{:.0f}")
    draw_grid(axes[2], C, f"C: {C.shape[0]}×{C.shape[1]}", fmt="{:.0f}")
    fig.suptitle(f"k={k}, i={size}, s={stride}, p={padding}, d={dilation}")
    return C


def explore_conv_matrix():
    """Sliders for kernel size, input size, stride, padding, dilation → C."""
    return explorer(draw_conv_matrix, figsize=(12, 4), kernel_size=(1, 4, 3), size=(2, 6, 4),
                    stride=(1, 3, 1), padding=(0, 2, 0), dilation=(1, 3, 1))
