"""Chapter 04 · nearest-neighbour unpooling and bilinear interpolation: the exercise checks and the
drawers.

Used by ``chapters/04_nearest_unpooling/``; tested by
``tests/chapters/test_ch04_nearest_unpooling.py``.
"""

import numpy as np
import torch
import torch.nn.functional as F

from ..plot import draw_grids
from ..resize import interpolate
from .grading import grade

__all__ = ["check_nearest_upsample", "check_sample_positions", "check_nearest_as_conv_transpose",
           "draw_upsampling"]


def check_nearest_upsample(nearest_upsample, n_cases=10, seed=0):
    """``nearest_upsample(x, s)``: (N, C, H, W) → (N, C, sH, sW), like F.interpolate nearest."""
    rng = np.random.default_rng(seed)
    cases = [(rng.standard_normal((int(rng.integers(1, 3)), int(rng.integers(1, 4)),
                                   int(rng.integers(1, 6)), int(rng.integers(1, 6)))),
              int(rng.integers(1, 5))) for _ in range(n_cases)]
    grade("nearest_upsample", cases, nearest_upsample,
          lambda x, s: F.interpolate(torch.from_numpy(x), scale_factor=s).numpy(),
          "Hint: every value must fill an s×s block: repeat along the height and along the "
          "width.")


def check_sample_positions(sample_positions, seed=0):
    """``sample_positions(n_in, n_out, align_corners)``: read off torch by resizing a ramp
    0, 1, …, n_in − 1 (interpolating a ramp returns the sampled position)."""
    rng = np.random.default_rng(seed)
    cases = [(int(rng.integers(2, 8)), int(rng.integers(2, 20)), bool(ac))
             for ac in rng.integers(0, 2, 16)]

    def torch_ref(n_in, n_out, align_corners):
        ramp = torch.arange(n_in, dtype=torch.float64)[None, None, None]
        return F.interpolate(ramp, size=(1, n_out), mode="bilinear",
                             align_corners=align_corners)[0, 0, 0].numpy()

    grade("sample_positions", cases, sample_positions, torch_ref,
          "Hint: with align_corners the corner centres coincide, step (n_in − 1)/(n_out − 1); "
          "without, pixel o's centre is at (o + ½)·n_in/n_out − ½, then clamp.")


def check_nearest_as_conv_transpose(nearest_as_conv_transpose, seed=0):
    """``nearest_as_conv_transpose(C, s)``: a weight for F.conv_transpose2d(stride=s,
    groups=C) that performs nearest-neighbour upsampling."""
    rng = np.random.default_rng(seed)
    cases = [(int(rng.integers(1, 4)), int(rng.integers(1, 5))) for _ in range(8)]
    x = torch.from_numpy(rng.standard_normal((2, 3, 4, 5)))

    def answer(C, s):
        w = torch.as_tensor(nearest_as_conv_transpose(C, s), dtype=torch.float64)
        return F.conv_transpose2d(x[:, :C], w, stride=s, groups=C).numpy()

    grade("nearest_as_conv_transpose", cases, answer,
          lambda C, s: F.interpolate(x[:, :C], scale_factor=s).numpy(),
          "Hint: the layout is (C_in, C_out/groups, kH, kW); each stamp should be an s×s block "
          "of the same value.")


_PEAK = np.array([[0.0, 4.0, 0.0], [4.0, 8.0, 4.0], [0.0, 4.0, 0.0]])


def draw_upsampling(fig, scale=2, bilinear=0, align_corners=0, x=_PEAK):
    """A small map x (h, w) and its enlargement ×``scale``, nearest or bilinear (with either
    ``align_corners``), as numbered grids side by side; returns the enlarged (h·s, w·s)."""
    kw = dict(mode="bilinear", align_corners=bool(align_corners)) if bilinear else {}
    big = interpolate(x[None, None], scale_factor=scale, **kw)[0, 0]
    name = f"bilinear, align_corners={bool(align_corners)}" if bilinear else "nearest"
    draw_grids(fig, x, big, titles=["input", f"{name}, ×{scale}"], fmt="{:.1f}")
    return big
