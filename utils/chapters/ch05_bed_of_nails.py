"""Chapter 05 · bed-of-nails unpooling: the exercise checks and the drawers.

Used by ``chapters/05_bed_of_nails/``; tested by
``tests/chapters/test_ch05_bed_of_nails.py``.
"""

import numpy as np
import torch
import torch.nn.functional as F

from ..plot import draw_grids
from ..pooling import bed_of_nails
from .grading import grade

__all__ = ["check_bed_of_nails", "check_nail_switches", "check_tent_kernel", "draw_nails"]


def _one_hot(C, s, position):
    """The bed-of-nails kernel (C, 1, s, s) of a grouped transposed convolution: a single 1
    at ``position`` of each s×s stamp."""
    w = np.zeros((C, 1, s, s))
    w[:, 0, position[0], position[1]] = 1.0
    return w


def _nails_ref(x, s, position):
    """Bed of nails by torch: a transposed convolution with a one-hot kernel per channel."""
    w = torch.from_numpy(_one_hot(x.shape[1], s, position))
    return F.conv_transpose2d(torch.from_numpy(x), w, stride=s, groups=x.shape[1]).numpy()


def _nail_cases(rng, n):
    cases = []
    for _ in range(n):
        s = int(rng.integers(1, 5))
        cases.append((rng.standard_normal((int(rng.integers(1, 3)), int(rng.integers(1, 4)),
                                           int(rng.integers(1, 6)), int(rng.integers(1, 6)))),
                      s, (int(rng.integers(0, s)), int(rng.integers(0, s)))))
    return cases


def check_bed_of_nails(bed_of_nails, n_cases=12, seed=0):
    """``bed_of_nails(x, s, position)``: (N, C, H, W) → (N, C, sH, sW), checked against
    F.conv_transpose2d with a one-hot kernel."""
    cases = _nail_cases(np.random.default_rng(seed), n_cases)
    grade("bed_of_nails", cases, bed_of_nails, _nails_ref,
          "Hint: start from zeros of the enlarged shape and assign x to every s-th row and "
          "column, starting at the position.")


def check_nail_switches(nail_switches, n_cases=12, seed=0):
    """``nail_switches(H, W, s, position)``: flat indices for F.max_unpool2d(x, idx, s)."""
    def answer(x, s, position):
        idx = np.asarray(nail_switches(x.shape[2], x.shape[3], s, position), dtype=np.int64)
        idx = torch.from_numpy(np.broadcast_to(idx, x.shape).copy())
        return F.max_unpool2d(torch.from_numpy(x), idx, s).numpy()

    grade("nail_switches", _nail_cases(np.random.default_rng(seed), n_cases), answer, _nails_ref,
          "Hint: the flat index of output pixel (row, col) is row·W_out + col, with "
          "W_out = s·W.")


def check_tent_kernel(tent_kernel, seed=0):
    """``tent_kernel(s)``: F.conv_transpose1d with it (stride s, padding s // 2) equals
    bilinear upsampling by s away from the borders."""
    x = torch.from_numpy(np.random.default_rng(seed).standard_normal((1, 1, 9)))
    cases = [(s,) for s in (2, 4, 6)]

    def answer(s):
        w = torch.as_tensor(np.asarray(tent_kernel(s), dtype=float)).reshape(1, 1, -1)
        y = F.conv_transpose1d(x, w, stride=s, padding=s // 2)
        return y[0, 0, s:-s].numpy() if y.shape[-1] == 9 * s else y[0, 0].numpy()

    def torch_ref(s):
        y = F.interpolate(x[..., None], scale_factor=(s, 1), mode="bilinear",
                          align_corners=False)[..., 0]
        return y[0, 0, s:-s].numpy()

    grade("tent_kernel", cases, answer, torch_ref,
          "Hint: tap j of the kernel lands (j + ½)/s − 1 input pixels from the stamping input; "
          "linear interpolation weighs it by 1 − |distance|.")


_X = np.array([[1.0, 2.0], [3.0, 4.0]])


def draw_nails(fig, scale=2, row=0, col=0, x=_X):
    """x (h, w), its bed of nails ×``scale`` with the nail at (row, col) of each block (clipped
    to the block), and the one-hot kernel that does the same; returns the nails (h·s, w·s)."""
    pos = (min(row, scale - 1), min(col, scale - 1))
    nails = bed_of_nails(x[None, None], scale, pos)[0, 0]
    draw_grids(fig, x, nails, _one_hot(1, scale, pos)[0, 0],
               titles=["x", f"nails ×{scale} at {pos}", "one-hot kernel"], fmt="{:.0f}")
    return nails
