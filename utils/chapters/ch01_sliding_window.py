"""Chapter 01 · sliding-window classification and its cost: the exercise checks and the drawers.

Used by ``chapters/01_sliding_window/``; tested by
``tests/chapters/test_ch01_sliding_window.py``.
"""

import numpy as np
import torch
import torch.nn.functional as F

from ..cost import count_macs
from .grading import grade

__all__ = ["check_extract_patches", "check_linear_to_conv", "check_sliding_window_macs",
           "draw_sliding_window"]


def check_extract_patches(extract_patches, n_cases=10, seed=0):
    """``extract_patches(image, P)``: image (C, H, W) → (H·W, C·P·P), the zero-padded P×P
    window centred on each pixel (P odd), rows in raster order — ``F.unfold`` transposed."""
    rng = np.random.default_rng(seed)
    cases = [(rng.standard_normal((int(rng.integers(1, 4)), int(rng.integers(3, 9)),
                                   int(rng.integers(3, 9)))), int(p))
             for p in rng.choice([1, 3, 5], n_cases)]

    def torch_ref(image, P):
        return F.unfold(torch.from_numpy(image)[None], P, padding=P // 2)[0].T.numpy()

    grade("extract_patches", cases, extract_patches, torch_ref,
          "Hint: pad by P // 2 on each side, take sliding_window_view over the two spatial "
          "axes, then order each row as (channel, window row, window column).")


def check_linear_to_conv(linear_to_conv, n_cases=10, seed=0):
    """``linear_to_conv(linear, C, P)``: an ``nn.Conv2d`` whose output at every pixel is
    ``linear`` applied to that pixel's flattened (C, P, P) patch (padding P // 2)."""
    rng = np.random.default_rng(seed)
    cases = []
    for _ in range(n_cases):
        C, P, hidden = int(rng.integers(1, 4)), int(rng.choice([1, 3, 5])), int(rng.integers(1, 6))
        torch.manual_seed(int(rng.integers(1 << 30)))
        linear = torch.nn.Linear(C * P * P, hidden).double()
        cases.append((linear, C, P, rng.standard_normal((2, C, 7, 6))))

    def answer(linear, C, P, x):
        conv = linear_to_conv(linear, C, P)
        with torch.no_grad():
            return conv(torch.from_numpy(x)).numpy()

    def torch_ref(linear, C, P, x):
        cols = F.unfold(torch.from_numpy(x), P, padding=P // 2).transpose(1, 2)  # (N, L, CPP)
        with torch.no_grad():
            return linear(cols).transpose(1, 2).reshape(2, -1, 7, 6).numpy()

    grade("linear_to_conv", cases, answer, torch_ref,
          "Hint: the Linear weight (hidden, C·P·P) is a Conv2d weight (hidden, C, P, P) seen "
          "flat; keep the bias, and pad so that every pixel gets a centred window.")


def check_sliding_window_macs(sliding_window_macs, seed=0):
    """``sliding_window_macs(H, W, C, P, hidden)``: multiply–accumulates of classifying every
    pixel of a (C, H, W) image with Linear(C·P·P → hidden) → ReLU → Linear(hidden → 2)."""

    rng = np.random.default_rng(seed)
    cases = [tuple(int(v) for v in (rng.integers(4, 33), rng.integers(4, 33), rng.integers(1, 4),
                                    rng.choice([3, 5, 7]), rng.integers(4, 33)))
             for _ in range(10)]

    def torch_ref(H, W, C, P, hidden):
        model = torch.nn.Sequential(torch.nn.Linear(C * P * P, hidden), torch.nn.ReLU(),
                                    torch.nn.Linear(hidden, 2))
        return float(count_macs(model, torch.zeros(H * W, C * P * P)))

    grade("sliding_window_macs", cases, lambda *c: float(sliding_window_macs(*c)), torch_ref,
          "Hint: one pixel costs one pass of the two Linear layers; a Linear(a → b) layer "
          "costs a·b multiply–accumulates.")


def draw_sliding_window(fig, image, labels, row, col, patch_size):
    """The sliding-window classifier at pixel (row, col): the window on the image, the patch it
    sees, and the label map filled in raster order up to that pixel.

    image (3, H, W) in [0, 1]; labels (H, W) the classifier's answer for every pixel.
    """
    from matplotlib.patches import Rectangle

    r = patch_size // 2
    _, H, W = image.shape
    padded = np.pad(image, ((0, 0), (r, r), (r, r)))
    done = (np.arange(H * W) <= row * W + col).reshape(H, W)
    axes = fig.subplots(1, 3)
    axes[0].imshow(image.transpose(1, 2, 0))
    axes[0].add_patch(Rectangle((col - r - 0.5, row - r - 0.5), patch_size, patch_size,
                                fill=False, edgecolor="yellow", linewidth=2))
    axes[0].set_title(f"window at ({row}, {col})")
    axes[1].imshow(padded[:, row: row + patch_size, col: col + patch_size].transpose(1, 2, 0))
    axes[1].set_title(f"patch {patch_size}×{patch_size}")
    axes[2].imshow(np.where(done, labels, 0.5), cmap="gray", vmin=0, vmax=1)
    axes[2].set_title(f"{int(done.sum())} of {H * W} pixels")
    for ax in axes:
        ax.set_xticks([])
        ax.set_yticks([])
