"""Chapter 09 · transposed-convolution arithmetic: the exercise checks and the drawers.

Used by ``chapters/09_transposed_conv_arithmetic/``; tested by
``tests/chapters/test_ch09_transposed_conv_arithmetic.py``.
"""

import numpy as np
import torch
import torch.nn.functional as F

from ..ops import conv_transpose1d
from ..plot import draw_grid
from .grading import grade

__all__ = ["check_stretch1d", "check_gather_edge", "check_transposed_weight_shape",
           "draw_gather_view"]


def check_stretch1d(stretch1d, seed=0):
    """``stretch1d(x, s)``: used in the gather view, it must reproduce F.conv_transpose1d."""
    rng = np.random.default_rng(seed)
    cases = [(rng.standard_normal(int(rng.integers(1, 7))), int(rng.integers(1, 5)),
              rng.standard_normal(int(rng.integers(1, 5)))) for _ in range(12)]

    def answer(x, s, w):
        z = np.pad(np.asarray(stretch1d(x, s), dtype=float), len(w) - 1)
        return np.correlate(z, w[::-1], mode="valid")

    def torch_ref(x, s, w):
        return F.conv_transpose1d(torch.from_numpy(x)[None, None], torch.from_numpy(w)[None, None],
                                  stride=s)[0, 0].numpy()

    grade("stretch1d", cases, answer, torch_ref,
          "Hint: the result has (n − 1)·s + 1 entries; the inputs sit at every s-th one.")


def check_gather_edge(gather_edge, seed=0):
    """``gather_edge(k, p, d)``: the zeros the gather view adds on each side."""
    rng = np.random.default_rng(seed)
    cases = []
    while len(cases) < 20:
        k, p, d = int(rng.integers(1, 6)), int(rng.integers(0, 4)), int(rng.integers(1, 4))
        if d * (k - 1) >= p:
            cases.append((k, p, d, int(rng.integers(1, 4))))

    def answer(k, p, d, s):
        x = torch.arange(1.0, 6.0, dtype=torch.float64)
        z = torch.zeros((len(x) - 1) * s + 1, dtype=torch.float64)
        z[::s] = x
        e = int(gather_edge(k, p, d))
        if e < 0:
            return np.array([np.nan])
        w = torch.arange(1.0, k + 1, dtype=torch.float64)
        return F.conv1d(F.pad(z, (e, e))[None, None], w.flip(0)[None, None],
                        dilation=d)[0, 0].numpy()

    def torch_ref(k, p, d, s):
        x = torch.arange(1.0, 6.0, dtype=torch.float64)[None, None]
        w = torch.arange(1.0, k + 1, dtype=torch.float64)[None, None]
        return F.conv_transpose1d(x, w, stride=s, padding=p, dilation=d)[0, 0].numpy()

    grade("gather_edge", cases, answer, torch_ref,
          "Hint: a full correlation pads by the kernel's reach minus one, d·(k − 1); padding "
          "then crops p of it.")


def check_transposed_weight_shape(transposed_weight_shape, seed=0):
    """``transposed_weight_shape(c_in, c_out, k, groups)``: ConvTranspose2d's weight shape."""
    rng = np.random.default_rng(seed)
    cases = []
    for _ in range(12):
        g = int(rng.integers(1, 4))
        cases.append((g * int(rng.integers(1, 4)), g * int(rng.integers(1, 4)),
                      int(rng.integers(1, 6)), g))
    grade("transposed_weight_shape", cases,
          lambda *c: np.array(transposed_weight_shape(*c), dtype=float),
          lambda a, b, k, g: np.array(torch.nn.ConvTranspose2d(a, b, k, groups=g).weight.shape,
                                       dtype=float),
          "Hint: a transposed convolution lists its input channels first; groups divide the "
          "other channel axis.")


def draw_gather_view(fig, kernel_size=3, stride=2, padding=0, output_padding=0, size=3):
    """The gather view of a 1-D transposed convolution: the input stretched with s − 1 zeros
    between values, padded by k − p − 1 (plus output_padding at the far end), the flipped
    kernel, and the output it slides to — equal to the stamps of the scatter view."""

    x = np.arange(1.0, size + 1)
    w = np.arange(1.0, kernel_size + 1)
    stretched = np.zeros((size - 1) * stride + 1)
    stretched[::stride] = x
    edge = kernel_size - padding - 1
    if edge < 0:
        raise ValueError(f"padding {padding} > k − 1 = {kernel_size - 1}: the gather view "
                         "would crop the stretched input instead of padding it")
    padded = np.pad(stretched, (edge, edge + output_padding))
    out = conv_transpose1d(x[None, None], w[None, None], stride=stride, padding=padding,
                           output_padding=output_padding)[0, 0]
    axes = fig.subplots(3, 1)
    draw_grid(axes[0], padded[None], f"stretched by s={stride}, padded {edge} | "
              f"{edge + output_padding}", fmt="{:.0f}")
    draw_grid(axes[1], w[::-1][None], "flipped kernel", fmt="{:.0f}", cmap="Purples")
    draw_grid(axes[2], out[None], f"output: {len(out)} values", fmt="{:.0f}")
    for ax in axes:
        ax.set_xlim(-0.5, len(padded) - 0.5)
    fig.tight_layout()
    return out
