"""Pooling and unpooling in NumPy, mirroring ``torch.nn.functional``.

* ``max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
  return_indices=False)`` — with torch's switches: the flat index ``h·W + w`` of each maximum
  in its (unpadded) input plane; ties go to the first maximum in the window, row by row;
* ``max_unpool2d(input, indices, kernel_size, stride=None, padding=0, output_size=None)``;
* ``bed_of_nails(input, scale_factor=2, position=(0, 0))`` — no torch function: each value
  goes to one fixed position of its s×s block, zeros elsewhere.
"""

import numpy as np

from ._args import float_array, ntuple, with_batch
from .patches import windows
from .sizes import pool_output_size

__all__ = ["max_pool2d", "max_unpool2d", "bed_of_nails"]


def max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
               return_indices=False):
    """2-D max pooling, like ``F.max_pool2d``: (N, C, H, W) → (N, C, oH, oW).

    With ``return_indices`` also returns the switches, int64 of the output's shape.

    >>> y, idx = max_pool2d(np.array([[[[1., 5.], [7., 2.]]]]), 2, return_indices=True)
    >>> y.ravel(), idx.ravel()
    (array([7.]), array([2]))
    """
    kernel = ntuple(kernel_size, 2, "kernel_size", minimum=1)  # the numbers first, as torch
    stride = kernel if stride is None else ntuple(stride, 2, "stride", minimum=1)
    padding = ntuple(padding, 2, "padding", minimum=0)
    dilation = ntuple(dilation, 2, "dilation", minimum=1)
    if any(2 * p > k for p, k in zip(padding, kernel)):
        raise ValueError(f"padding should be at most half of kernel_size, got padding={padding}, "
                         f"kernel_size={kernel}")
    x, batched = with_batch(float_array(input, "input"), "(N, C, H, W)")
    size = x.shape[2:]
    out = [pool_output_size(i, k, s, p, d, ceil_mode)
           for i, k, s, p, d in zip(size, kernel, stride, padding, dilation)]
    if min(out) < 1:
        raise ValueError(f"kernel_size {kernel} (dilation {dilation}) is larger than the padded "
                         f"input {tuple(size)} + 2·padding {padding}")
    # pad with -inf; ceil_mode may need extra room at the far end for the last window
    far = [max(p, (o - 1) * s + d * (k - 1) + 1 - i - p)
           for i, k, s, p, d, o in zip(size, kernel, stride, padding, dilation, out)]
    xp = np.pad(x, ((0, 0), (0, 0), (padding[0], far[0]), (padding[1], far[1])),
                constant_values=-np.inf)
    win = windows(xp, kernel, stride, dilation)[:, :, :out[0], :out[1]]
    flat = win.reshape(win.shape[:4] + (kernel[0] * kernel[1],))  # no -1: N may be 0
    where = flat.argmax(axis=-1)  # first maximum in row-major window order, as torch
    y = np.take_along_axis(flat, where[..., None], axis=-1)[..., 0].astype(x.dtype)
    if not batched:
        y = y[0]
    if not return_indices:
        return y
    ki, kj = np.divmod(where, kernel[1])
    top = np.arange(out[0])[:, None] * stride[0] - padding[0]  # window corners, may be < 0
    left = np.arange(out[1])[None, :] * stride[1] - padding[1]
    rows, cols = top + ki * dilation[0], left + kj * dilation[1]
    # nothing beats -inf: torch then reports the window's first tap that is not in the
    # leading padding (even when it lies past the end, in a window made only of padding)
    empty = y == -np.inf if batched else y[None] == -np.inf
    rows = np.where(empty, _first_tap_inside(top, dilation[0]), rows)
    cols = np.where(empty, _first_tap_inside(left, dilation[1]), cols)
    indices = (rows * size[1] + cols).astype(np.int64)
    return y, (indices if batched else indices[0])


def _first_tap_inside(start, dilation):
    """The first tap start + j·dilation (j = 0, 1, …) of a window that is not in the leading
    padding, i.e. at position ≥ 0. ``start`` is an array of window corners, maybe negative.

    >>> _first_tap_inside(np.array([-5, -4, -1, 0, 3]), 2)
    array([1, 0, 1, 0, 3])
    """
    skipped = np.maximum(0, -(start // dilation))  # ⌈−start/d⌉ taps lie before 0
    return start + skipped * dilation


def max_unpool2d(input, indices, kernel_size, stride=None, padding=0, output_size=None):
    """Put each value back at its switch, zeros elsewhere, like ``F.max_unpool2d``.

    input, indices (N, C, h, w) → (N, C, H, W); by default H = (h − 1)·s − 2p + k, or
    ``output_size`` (H, W) (a longer sequence's last two entries), within a stride of it.

    >>> max_unpool2d(np.array([[[[7.]]]]), np.array([[[[2]]]]), 2)[0, 0]
    array([[0., 0.],
           [7., 0.]])
    """
    x, batched = with_batch(float_array(input, "input"), "(N, C, H, W)")
    idx = np.asarray(indices)
    if not np.issubdtype(idx.dtype, np.integer):
        raise TypeError(f"indices must be an integer array, got dtype {idx.dtype}")
    idx = idx if batched else idx[None]
    if idx.shape != x.shape:
        raise ValueError(f"indices must have the input's shape {x.shape}, got {idx.shape}")
    kernel = ntuple(kernel_size, 2, "kernel_size", minimum=1)
    stride = kernel if stride is None else ntuple(stride, 2, "stride", minimum=1)
    padding = ntuple(padding, 2, "padding", minimum=0)
    default = [(i - 1) * s - 2 * p + k for i, k, s, p in zip(x.shape[2:], kernel, stride, padding)]
    if output_size is None:
        size = default
    else:
        size = list(output_size)[-2:]
        if len(size) != 2 or not all(isinstance(v, (int, np.integer)) for v in size):
            raise TypeError(f"output_size must end with two ints (H, W), got {output_size!r}")
        for axis, (want, d, s) in enumerate(zip(size, default, stride)):
            if not d - s < want < d + s:
                raise ValueError(f"output_size {tuple(size)}: dim {axis} must be between "
                                 f"{d - s + 1} and {d + s - 1} (the default {d} ± stride)")
    H, W = size
    if H < 1 or W < 1:
        raise ValueError(f"the output would be empty ({H}, {W}): padding {padding} crops more "
                         f"than kernel_size {kernel} adds; give output_size")
    if idx.size and (idx.min() < 0 or idx.max() >= H * W):
        raise ValueError(f"indices must lie in [0, {H * W}) for an output of size {(H, W)}, got "
                         f"values from {idx.min()} to {idx.max()}")
    n, c = x.shape[:2]
    y = np.zeros((n, c, H * W), dtype=x.dtype)
    h, w = x.shape[2:]  # sizes, not -1, in the reshapes: N may be 0
    np.put_along_axis(y, idx.reshape(n, c, h * w), x.reshape(n, c, h * w), axis=-1)
    y = y.reshape(n, c, H, W)
    return y if batched else y[0]


def bed_of_nails(input, scale_factor=2, position=(0, 0)):
    """Bed-of-nails unpooling: value (h, w) goes to (h·s + r, w·s + c), zeros elsewhere.

    input (N, C, H, W) or (C, H, W) → (..., H·s, W·s); ``position`` (r, c) is the same
    fixed place in every s×s block.

    >>> bed_of_nails(np.array([[[1., 2.]]]))[0]
    array([[1., 0., 2., 0.],
           [0., 0., 0., 0.]])
    """
    x, batched = with_batch(float_array(input, "input"), "(N, C, H, W)")
    scale = ntuple(scale_factor, 2, "scale_factor", minimum=1)
    pos = ntuple(position, 2, "position", minimum=0)
    if any(p >= s for p, s in zip(pos, scale)):
        raise ValueError(f"position {pos} must lie inside the {scale} block "
                         f"(each entry smaller than scale_factor)")
    n, c, h, w = x.shape
    y = np.zeros((n, c, h * scale[0], w * scale[1]), dtype=x.dtype)
    y[:, :, pos[0]::scale[0], pos[1]::scale[1]] = x
    return y if batched else y[0]
