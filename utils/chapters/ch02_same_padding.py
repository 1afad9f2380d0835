"""Chapter 02 · a full-resolution net with 'same' padding: the exercise checks and the drawers.

Used by ``chapters/02_same_padding/``; tested by
``tests/chapters/test_ch02_same_padding.py``.
"""

import numpy as np
import torch
import torch.nn.functional as F

from ..cost import activation_bytes, count_params
from ..nets import full_resolution_net
from ..plot import draw_grid
from ..sizes import same_padding
from .grading import grade

__all__ = ["check_same_pad", "check_conv_params", "check_full_res_activation_bytes",
           "draw_same_padding"]


def check_same_pad(same_pad, seed=0):
    """``same_pad(k, d)`` → (left, right): F.pad by hand must reproduce padding='same'."""
    cases = [(k, d) for k in range(1, 8) for d in range(1, 4)]
    x = torch.from_numpy(np.random.default_rng(seed).standard_normal((1, 1, 11)))

    def answer(k, d):
        left, right = same_pad(k, d)
        w = torch.ones(1, 1, k, dtype=x.dtype)
        return F.conv1d(F.pad(x, (int(left), int(right))), w, dilation=d).numpy()

    def torch_ref(k, d):
        return F.conv1d(x, torch.ones(1, 1, k, dtype=x.dtype), padding="same", dilation=d).numpy()

    grade("same_pad", cases, answer, torch_ref,
          "Hint: the total is d·(k − 1); when it is odd, PyTorch puts the extra zero on the "
          "right.")


def check_conv_params(conv_params, seed=0):
    """``conv_params(c_in, c_out, k)``: the parameters of ``nn.Conv2d(c_in, c_out, k)``."""

    rng = np.random.default_rng(seed)
    cases = [tuple(int(v) for v in (rng.integers(1, 65), rng.integers(1, 65), rng.integers(1, 8)))
             for _ in range(10)]
    grade("conv_params", cases, lambda *c: float(conv_params(*c)),
          lambda a, b, k: float(count_params(torch.nn.Conv2d(a, b, k))),
          "Hint: one k×k kernel per (input, output) channel pair, plus one bias per output "
          "channel.")


def check_full_res_activation_bytes(full_res_activation_bytes, seed=0):
    """``full_res_activation_bytes(H, W, width, depth)``: bytes of every layer output of
    ``utils.full_resolution_net(width, depth)`` on one 3×H×W float32 image."""
    rng = np.random.default_rng(seed)
    cases = [tuple(int(v) for v in (rng.integers(4, 40), rng.integers(4, 40), rng.integers(1, 17),
                                    rng.integers(1, 5))) for _ in range(8)]

    def torch_ref(H, W, width, depth):
        return float(activation_bytes(full_resolution_net(width, depth), torch.zeros(1, 3, H, W)))

    grade("full_res_activation_bytes", cases, lambda *c: float(full_res_activation_bytes(*c)),
          torch_ref, "Hint: each Conv2d and each ReLU outputs width·H·W float32 numbers (4 bytes "
          "each); the last 1×1 convolution outputs 2·H·W.")


def draw_same_padding(fig, kernel_size=3, dilation=1, size=7):
    """A 1-D input with the zeros that 'same' padding adds (left and right), the dilated
    kernel's reach, and the output length."""

    left, right = same_padding(kernel_size, dilation)
    row = np.concatenate([np.zeros(left), np.arange(1.0, size + 1), np.zeros(right)])
    reach = np.zeros(dilation * (kernel_size - 1) + 1)
    reach[::dilation] = 1
    out = len(row) - len(reach) + 1
    axes = fig.subplots(3, 1, height_ratios=[1, 1, 1])
    draw_grid(axes[0], row[None], f"padded input: {left} zero(s) left, {right} right",
              fmt="{:.0f}")
    draw_grid(axes[1], reach[None], f"kernel k={kernel_size}, d={dilation}: reach "
              f"{len(reach)}", fmt="{:.0f}", cmap="Purples")
    draw_grid(axes[2], np.ones(out)[None], f"output length {out} (input {size})",
              fmt="{:.0f}", cmap="Greys")
    for ax in axes:  # one scale for all three rows, so the lengths compare
        ax.set_xlim(-0.5, len(row) - 0.5)
    fig.tight_layout()
    return left, right
