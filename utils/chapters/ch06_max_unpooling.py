"""Chapter 06 · max pooling with switches, max unpooling: the exercise checks and the drawers.

Used by ``chapters/06_max_unpooling/``; tested by
``tests/chapters/test_ch06_max_unpooling.py``.
"""

import numpy as np
import torch
import torch.nn.functional as F

from ..plot import draw_grids
from ..pooling import max_pool2d, max_unpool2d
from .grading import grade

__all__ = ["check_max_pool_switches", "check_max_unpool_plane", "draw_switches"]


def check_max_pool_switches(max_pool_switches, n_cases=12, seed=0):
    """``max_pool_switches(x, k)``: values and flat switches of a k×k, stride-k max pool of
    one plane, like F.max_pool2d(return_indices=True)."""
    rng = np.random.default_rng(seed)
    cases = [(rng.integers(0, 4, (int(rng.integers(2, 9)), int(rng.integers(2, 9)))).astype(float),
              int(rng.integers(1, 3))) for _ in range(n_cases)]  # small integers: many ties

    def answer(x, k):
        values, switches = max_pool_switches(x, k)
        return np.stack([np.asarray(values, float), np.asarray(switches, float)])

    def torch_ref(x, k):
        v, i = F.max_pool2d(torch.from_numpy(x)[None, None], k, return_indices=True)
        return np.stack([v[0, 0].numpy(), i[0, 0].numpy().astype(float)])

    grade("max_pool_switches", cases, answer, torch_ref,
          "Hint: cut the plane into k×k blocks, take argmax over each block (it returns the "
          "first maximum), and turn (block, position in block) into h·W + w.")


def check_max_unpool_plane(max_unpool_plane, n_cases=12, seed=0):
    """``max_unpool_plane(values, switches, H, W)``, like F.max_unpool2d on one plane."""
    rng = np.random.default_rng(seed)
    cases = []
    for _ in range(n_cases):
        H, W, k = int(rng.integers(2, 9)), int(rng.integers(2, 9)), int(rng.integers(1, 3))
        H, W = max(H - H % k, k), max(W - W % k, k)
        v, i = F.max_pool2d(torch.from_numpy(rng.standard_normal((1, 1, H, W))), k,
                            return_indices=True)
        cases.append((v[0, 0].numpy(), i[0, 0].numpy(), H, W))

    def torch_ref(values, switches, H, W):
        k = H // values.shape[0]  # the pooling window the switches came from
        return F.max_unpool2d(torch.from_numpy(values)[None, None],
                              torch.from_numpy(switches)[None, None], k,
                              output_size=(H, W))[0, 0].numpy()

    grade("max_unpool_plane", cases, max_unpool_plane, torch_ref,
          "Hint: start from H·W zeros and write each value at its flat switch; then reshape.")


_GRID = np.random.default_rng(6).integers(0, 10, (6, 6)).astype(float)


def draw_switches(fig, kernel_size=2, stride=2, x=_GRID):
    """x (H, W), its max pool with ``kernel_size`` and ``stride``, and the max unpooling
    through the recorded switches, as numbered grids; returns the unpooled (H, W)."""
    pooled, idx = max_pool2d(x[None, None], kernel_size, stride, return_indices=True)
    back = max_unpool2d(pooled, idx, kernel_size, stride, output_size=x.shape)[0, 0]
    draw_grids(fig, x, pooled[0, 0], back, fmt="{:.0f}",
               titles=["x", f"max pool k={kernel_size}, s={stride}", "max unpooled"])
    return back
