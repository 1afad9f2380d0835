"""Chapter 08 · transposed convolution, and why it is not an inverse: the exercise checks and the
drawers.

Used by ``chapters/08_transposed_conv/``; tested by
``tests/chapters/test_ch08_transposed_conv.py``.
"""

import numpy as np
import torch
import torch.nn.functional as F

from ..interactive import explorer
from ..ops import conv_transpose2d
from ..plot import draw_grid
from .grading import grade

__all__ = ["check_transposed_output_size", "check_conv_transpose1d_scatter",
           "check_min_norm_solution", "draw_stamps", "draw_setting", "TOUR",
           "explore_transposed_conv"]


def check_transposed_output_size(output_size, seed=0):
    """``output_size(i, k, s, p, a)``: the length ``F.conv_transpose1d`` produces."""
    rng = np.random.default_rng(seed)
    cases = []
    while len(cases) < 30:
        i, k, s = (int(v) for v in rng.integers(1, 6, 3))
        p, a = int(rng.integers(0, 3)), int(rng.integers(0, s))
        if (i - 1) * s - 2 * p + k + a >= 1:
            cases.append((i, k, s, p, a))

    def torch_ref(i, k, s, p, a):
        y = F.conv_transpose1d(torch.zeros(1, 1, i), torch.zeros(1, 1, k), stride=s, padding=p,
                               output_padding=a)
        return float(y.shape[-1])

    grade("output_size", cases, lambda *c: float(output_size(*c)), torch_ref,
          "Hint: start from the stamps — the last input value's stamp starts at (i − 1)·s "
          "and is k long; then padding crops both ends and output_padding adds at the end.")


def check_conv_transpose1d_scatter(conv_transpose1d_scatter, n_cases=20, seed=0):
    """``conv_transpose1d_scatter(y, w, stride, padding)`` for 1-D arrays, like
    ``F.conv_transpose1d`` on one channel."""
    rng = np.random.default_rng(seed)
    cases = []
    while len(cases) < n_cases:
        n, k, s, p = int(rng.integers(1, 6)), int(rng.integers(1, 5)), int(rng.integers(1, 4)), \
            int(rng.integers(0, 3))
        if (n - 1) * s - 2 * p + k >= 1:
            cases.append((rng.standard_normal(n), rng.standard_normal(k), s, p))

    def torch_ref(y, w, s, p):
        return F.conv_transpose1d(torch.from_numpy(y)[None, None], torch.from_numpy(w)[None, None],
                                  stride=s, padding=p)[0, 0].numpy()

    grade("conv_transpose1d_scatter", cases, conv_transpose1d_scatter, torch_ref,
          "Hint: y[j] adds y[j]·w into the full output starting at j·stride; padding then "
          "removes that many values from each end.")


def check_min_norm_solution(min_norm_solution, n_cases=10, seed=0):
    """``min_norm_solution(C, y)``: the smallest x with C x = y (C has full row rank),
    which is what ``torch.linalg.pinv(C) @ y`` gives."""
    rng = np.random.default_rng(seed)
    cases = []
    for _ in range(n_cases):
        m = int(rng.integers(1, 6))
        cases.append((rng.standard_normal((m, m + int(rng.integers(1, 8)))),
                       rng.standard_normal(m)))

    def torch_ref(C, y):
        return (torch.linalg.pinv(torch.from_numpy(C)) @ torch.from_numpy(y)).numpy()

    grade("min_norm_solution", cases, min_norm_solution, torch_ref,
          "Hint: the answer lies in the row space of C, so write it as Cᵀz and solve for z.")


def draw_stamps(fig, y, w, stride=1, padding=0, output_padding=0, steps=None):
    """Transposed convolution as stamps: the first ``steps`` input values each add a scaled
    copy of the kernel into the output. Panels: input y, kernel w, output so far, and how
    many stamps cover each output pixel (the uneven overlap behind checkerboards).
    """
    y, w = np.asarray(y, float), np.asarray(w, float)
    steps = y.size if steps is None else steps
    shown = np.where(np.arange(y.size).reshape(y.shape) < steps, y, 0.0)
    out = conv_transpose2d(shown[None, None], w[None, None], stride=stride, padding=padding,
                           output_padding=output_padding)[0, 0]
    full = conv_transpose2d(np.ones((1, 1) + y.shape), np.ones((1, 1) + w.shape),
                            stride=stride, padding=padding, output_padding=output_padding)[0, 0]
    axes = fig.subplots(1, 4, width_ratios=[y.shape[1], w.shape[1], out.shape[1], out.shape[1]])
    draw_grid(axes[0], shown, f"y (first {steps})", fmt="{:.0f}")
    draw_grid(axes[1], w, "w", fmt="{:.0f}")
    draw_grid(axes[2], out, f"output {out.shape}", fmt="{:.0f}")
    draw_grid(axes[3], full, "stamps per pixel", fmt="{:.0f}", cmap="Purples")
    fig.suptitle(f"stride={stride}, padding={padding}, output_padding={output_padding}")
    return out


def draw_setting(fig, kernel_size, stride, padding, output_padding):
    """The explorer's picture: a 3×3 input 1…9 stamped with a kernel of ones of side
    ``kernel_size`` (``draw_stamps``, every stamp placed). ``output_padding`` is capped at
    ``stride − 1``, the largest torch accepts without dilation; the title shows the value used."""
    y = np.arange(1.0, 10).reshape(3, 3)
    output_padding = min(output_padding, stride - 1)
    return draw_stamps(fig, y, np.ones((kernel_size, kernel_size)), stride, padding,
                       output_padding)


# the website's tour: (kernel_size, stride, padding, output_padding), from even to uneven overlap
TOUR = [(3, 1, 0, 0), (2, 2, 0, 0), (4, 2, 0, 0), (3, 2, 0, 0), (3, 2, 1, 0), (3, 2, 1, 1),
        (4, 2, 1, 0), (3, 3, 0, 0), (5, 3, 1, 2)]


def explore_transposed_conv():
    """Sliders for kernel size, stride, padding, output_padding → the stamped output."""
    return explorer(draw_setting, figsize=(12, 4), kernel_size=(1, 5, 3), stride=(1, 3, 2),
                    padding=(0, 2, 0), output_padding=(0, 2, 0))
