"""Chapter 03 · shrink, then restore: the exercise checks and the drawers.

Used by ``chapters/03_encoder_decoder/``; tested by
``tests/chapters/test_ch03_encoder_decoder.py``.
"""

import numpy as np
import torch

from ..sizes import (
    conv_output_size,
    conv_transpose_output_size,
    measured_receptive_field,
    output_padding_for,
)
from .grading import grade

__all__ = ["check_output_padding_needed", "check_receptive_field", "check_conv_out",
           "draw_size_flow"]


def check_output_padding_needed(output_padding_needed, seed=0):
    """``output_padding_needed(i, k, s, p)``: the ``output_padding`` with which
    ``ConvTranspose2d(k, s, p)`` turns the output of ``Conv2d(k, s, p)`` on size i back into i."""
    rng = np.random.default_rng(seed)
    cases = []
    while len(cases) < 30:
        i, k, s, p = (int(v) for v in (rng.integers(3, 40), rng.integers(1, 6), rng.integers(1, 5),
                                      rng.integers(0, 3)))
        if i + 2 * p >= k:
            cases.append((i, k, s, p))

    def answer(i, k, s, p):
        o = (i + 2 * p - k) // s + 1
        a = int(output_padding_needed(i, k, s, p))
        if not 0 <= a < s:
            return float("nan")
        layer = torch.nn.ConvTranspose2d(1, 1, k, s, p, output_padding=a)
        return float(layer(torch.zeros(1, 1, o, o)).shape[-1])

    grade("output_padding_needed", cases, answer, lambda i, k, s, p: float(i),
          "Hint: the convolution's floor division throws away a remainder — "
          "(i + 2p − k) mod s of the input; output_padding must give exactly that back.")


def check_receptive_field(receptive_field, seed=0):
    """``receptive_field(layers)`` for layers ``(k, s)``: measured by the gradient of one
    output pixel of the stack of convolutions with respect to the input."""
    rng = np.random.default_rng(seed)
    cases = [([tuple(int(v) for v in (rng.integers(1, 6), rng.integers(1, 3)))
               for _ in range(int(rng.integers(1, 5)))],) for _ in range(10)]

    def torch_ref(layers):

        return float(measured_receptive_field(layers))

    def answer(layers):
        r = receptive_field(layers)
        return float(r[0] if isinstance(r, tuple) else r)

    grade("receptive_field", cases, answer, torch_ref,
          "Hint: a k×k layer adds (k − 1) input pixels times the product of the strides of "
          "the layers before it.")


def check_conv_out(conv_out, seed=0):
    """``conv_out(i, k, s, p, d)``: the output size of ``nn.Conv2d(k, stride=s, padding=p,
    dilation=d)`` on an i×i input."""
    rng = np.random.default_rng(seed)
    cases = []
    while len(cases) < 30:
        i, k, s, p, d = (int(v) for v in (rng.integers(1, 30), rng.integers(1, 6),
                                          rng.integers(1, 4), rng.integers(0, 3),
                                          rng.integers(1, 3)))
        if i + 2 * p >= d * (k - 1) + 1:
            cases.append((i, k, s, p, d))

    def torch_ref(i, k, s, p, d):
        return float(torch.nn.Conv2d(1, 1, k, s, p, d)(torch.zeros(1, 1, i, i)).shape[-1])

    grade("conv_out", cases, lambda *c: float(conv_out(*c)), torch_ref,
          "Hint: count how many times the dilated kernel (reach d(k − 1) + 1) fits in the "
          "padded input when it moves s pixels at a time.")


def draw_size_flow(fig, size=64, kernel_size=3, stride=2, padding=1, depth=3):
    """Shrink then restore: the size after each strided convolution going down, and after
    each transposed convolution (same k, s, p) coming back up, with and without the
    ``output_padding`` that restores the exact size."""

    down = [size]
    for _ in range(depth):
        down.append(conv_output_size(down[-1], kernel_size, stride, padding))
        if down[-1] < 1:
            raise ValueError(f"the input vanishes after {len(down) - 1} layers: {down}")
    plain, fixed = [down[-1]], [down[-1]]
    for target in reversed(down[:-1]):
        plain.append(conv_transpose_output_size(plain[-1], kernel_size, stride, padding))
        a = output_padding_for(target, kernel_size, stride, padding)
        fixed.append(conv_transpose_output_size(fixed[-1], kernel_size, stride, padding, a))
    ax = fig.subplots()
    steps = np.arange(2 * depth + 1)
    ax.bar(steps[:depth + 1], down, color="C0", label="encoder: conv")
    ax.bar(steps[depth:] - 0.2, plain, width=0.4, color="C3", label="decoder, output_padding=0")
    ax.bar(steps[depth:] + 0.2, fixed, width=0.4, color="C2",
           label="decoder, chosen output_padding")
    for x, v in list(zip(steps, down)) + list(zip(steps[depth:] - 0.2, plain))[1:] + \
            list(zip(steps[depth:] + 0.2, fixed))[1:]:
        ax.text(x, v, str(v), ha="center", va="bottom", fontsize=8)
    names = [f"x{i}" for i in range(depth + 1)] + [f"up{i}" for i in range(1, depth + 1)]
    ax.set_xticks(steps, names)
    ax.set_ylabel("size")
    ax.set_title(f"i={size}, k={kernel_size}, s={stride}, p={padding}: "
                 f"{'restored' if plain[-1] == size else f'plain decoder gives {plain[-1]}'}")
    ax.legend(fontsize=7, loc="upper center")
    return down, plain, fixed
