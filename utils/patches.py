"""Patches in and out: ``unfold`` (im2col) and ``fold`` (col2im), mirroring ``torch.nn.functional``.

``unfold(input, kernel_size, dilation=1, padding=0, stride=1)``: (N, C, H, W) → (N, C·kH·kW, L)
``fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1)``: (N, C·kH·kW, L) →
(N, C, H, W), summing where blocks overlap. Unbatched inputs are accepted, as torch does.
The window view and the overlap-add here are also the engine of ``ops.conv2d`` and
``ops.conv_transpose2d``.
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ._args import float_array, ntuple, with_batch

__all__ = ["unfold", "fold"]


def windows(x, kernel, stride, dilation):
    """Every kernel-sized window of ``x`` (N, C, H, W), as a view (N, C, oH, oW, kH, kW)."""
    (kh, kw), (sh, sw), (dh, dw) = kernel, stride, dilation
    win = sliding_window_view(x, ((kh - 1) * dh + 1, (kw - 1) * dw + 1), axis=(2, 3))
    return win[:, :, ::sh, ::sw, ::dh, ::dw]


def overlap_add(cols, size, stride, dilation):
    """Add every window back where it came from: the inverse bookkeeping of ``windows``.

    cols (kH, kW, N, C, oH, oW) → (N, C, H, W) with H, W = ``size`` (padding included).
    """
    kh, kw, n, c, oh, ow = cols.shape
    (sh, sw), (dh, dw) = stride, dilation
    out = np.zeros((n, c) + tuple(size), dtype=cols.dtype)
    for i in range(kh):
        for j in range(kw):
            out[..., i * dh: i * dh + (oh - 1) * sh + 1: sh,
                j * dw: j * dw + (ow - 1) * sw + 1: sw] += cols[i, j]
    return out


def _blocks(size, kernel, dilation, padding, stride):
    return tuple((i + 2 * p - d * (k - 1) - 1) // s + 1
                 for i, k, d, p, s in zip(size, kernel, dilation, padding, stride))


def _geometry(kernel_size, dilation, padding, stride):
    return (ntuple(kernel_size, 2, "kernel_size", minimum=1),
            ntuple(dilation, 2, "dilation", minimum=1),
            ntuple(padding, 2, "padding", minimum=0),
            ntuple(stride, 2, "stride", minimum=1))


def unfold(input, kernel_size, dilation=1, padding=0, stride=1):
    """Extract sliding blocks, like ``F.unfold``: (N, C, H, W) → (N, C·kH·kW, L).

    Row ``c·kH·kW + i·kW + j`` holds tap (i, j) of channel c; column ``l`` is block
    (l // oW, l % oW), with L = oH·oW.

    >>> unfold(np.arange(9.).reshape(1, 1, 3, 3), 2)[0]
    array([[0., 1., 3., 4.],
           [1., 2., 4., 5.],
           [3., 4., 6., 7.],
           [4., 5., 7., 8.]])
    """
    x, batched = with_batch(float_array(input, "input"), "(N, C, H, W)")
    kernel, dilation, padding, stride = _geometry(kernel_size, dilation, padding, stride)
    blocks = _blocks(x.shape[2:], kernel, dilation, padding, stride)
    if min(blocks) < 1:
        raise ValueError(f"kernel_size {kernel} (dilation {dilation}) is larger than the padded "
                         f"input {tuple(x.shape[2:])} + 2·padding {padding}")
    x = np.pad(x, ((0, 0), (0, 0), (padding[0],) * 2, (padding[1],) * 2))
    win = windows(x, kernel, stride, dilation)  # (N, C, oH, oW, kH, kW)
    n, c = x.shape[:2]
    y = win.transpose(0, 1, 4, 5, 2, 3).reshape(n, c * kernel[0] * kernel[1],
                                                blocks[0] * blocks[1])  # no -1: N may be 0
    y = np.ascontiguousarray(y)
    return y if batched else y[0]


def fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1):
    """Combine sliding blocks into an image, like ``F.fold``, summing overlaps.

    (N, C·kH·kW, L) → (N, C, H, W) with (H, W) = ``output_size``; L must be the number of
    blocks ``unfold`` would produce for that size.

    >>> fold(np.ones((1, 4, 4)), (3, 3), 2)[0, 0]
    array([[1., 2., 1.],
           [2., 4., 2.],
           [1., 2., 1.]])
    """
    cols, batched = with_batch(float_array(input, "input"), "(N, C·kH·kW, L)")
    size = ntuple(output_size, 2, "output_size", minimum=1)
    kernel, dilation, padding, stride = _geometry(kernel_size, dilation, padding, stride)
    n, ck, length = cols.shape
    taps = kernel[0] * kernel[1]
    if ck % taps:
        raise ValueError(f"input.shape[-2] ({ck}) must be divisible by the product of "
                         f"kernel_size ({kernel[0]}·{kernel[1]} = {taps})")
    blocks = _blocks(size, kernel, dilation, padding, stride)
    if min(blocks) < 1 or blocks[0] * blocks[1] != length:
        raise ValueError(f"input.shape[-1] ({length}) must match the number of blocks "
                         f"{blocks} that output_size {size} gives with kernel_size {kernel}, "
                         f"dilation {dilation}, padding {padding}, stride {stride}")
    c = ck // taps
    cols = cols.reshape(n, c, kernel[0], kernel[1], *blocks).transpose(2, 3, 0, 1, 4, 5)
    padded = (size[0] + 2 * padding[0], size[1] + 2 * padding[1])
    y = overlap_add(cols, padded, stride, dilation)
    y = np.ascontiguousarray(y[:, :, padding[0]: padded[0] - padding[0],
                               padding[1]: padded[1] - padding[1]])
    return y if batched else y[0]
