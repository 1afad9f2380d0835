"""A convolution written out as one explicit matrix."""

import numpy as np

from ._args import float_array, ntuple, padding_pairs, positive_int
from .sizes import conv_output_size

__all__ = ["conv_matrix"]


def conv_matrix(weight, input_size, stride=1, padding=0, dilation=1, groups=1):
    """The matrix ``C`` of a convolution, so that ``C @ x.ravel()`` is ``conv(x).ravel()``.

    weight (C_out, C_in/groups, *kernel) with 1 or 2 spatial axes; ``input_size`` is the
    spatial size (an int for 1-D, (H, W) for 2-D) of one unbatched input (C_in, *input_size).
    Returns C of shape (C_out · prod(out_size), C_in · prod(input_size)); rows and columns
    follow NumPy's C order, so reshaping the product gives (C_out, *out_size).
    Arguments follow ``conv1d``/``conv2d`` (``padding`` may be 'valid' or 'same').

    >>> conv_matrix(np.array([[[1., 2.]]]), 3)
    array([[1., 2., 0.],
           [0., 1., 2.]])
    """
    w = float_array(weight, "weight")
    n = w.ndim - 2
    if n not in (1, 2):
        raise ValueError(f"weight must be 3-D or 4-D (C_out, C_in/groups, *kernel), "
                         f"got shape {w.shape}")
    size = ntuple(input_size, n, "input_size", minimum=1)
    stride = ntuple(stride, n, "stride", minimum=1)
    dilation = ntuple(dilation, n, "dilation", minimum=1)
    groups = positive_int(groups, "groups")
    if w.shape[0] % groups:
        raise ValueError(f"output channels ({w.shape[0]}) must be divisible by groups ({groups})")
    kernel = w.shape[2:]
    pads = padding_pairs(padding, n, kernel, dilation, stride)
    out = tuple(conv_output_size(i + left + right, k, s, 0, d)
                for i, (left, right), k, s, d in zip(size, pads, kernel, stride, dilation))
    if any(o < 1 for o in out):
        raise ValueError(f"kernel {kernel} (dilation {dilation}) is larger than the padded "
                         f"input {size} + padding {pads}")
    if n == 1:  # run the 2-D builder on a height of 1
        w, size, out, stride, dilation = (w[:, :, None], (1,) + size, (1,) + out,
                                          (1,) + stride, (1,) + dilation)
        pads = ((0, 0),) + pads
    return _conv_matrix_2d(w, size, out, stride, tuple(p[0] for p in pads), dilation, groups)


def _conv_matrix_2d(w, size, out, stride, padding, dilation, groups):
    """Fill C[(o, r, c), (i, h, w)] = weight[o, i, ki, kj] for every tap that lands inside."""
    c_out, cg, kh, kw = w.shape
    (H, W), (oh, ow) = size, out
    C = np.zeros((c_out * oh * ow, cg * groups * H * W), dtype=w.dtype)
    o, i, ki, kj, r, c = np.meshgrid(np.arange(c_out), np.arange(cg), np.arange(kh),
                                     np.arange(kw), np.arange(oh), np.arange(ow), indexing="ij")
    h = r * stride[0] - padding[0] + ki * dilation[0]  # input row this tap reads
    x = c * stride[1] - padding[1] + kj * dilation[1]
    inside = (h >= 0) & (h < H) & (x >= 0) & (x < W)
    channel = (o // (c_out // groups)) * cg + i  # input channel in the full input
    rows = (o * oh + r) * ow + c
    cols = (channel * H + h) * W + x
    C[rows[inside], cols[inside]] = w[o, i, ki, kj][inside]
    return C
