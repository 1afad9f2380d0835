"""``interpolate`` in NumPy, mirroring ``F.interpolate`` (CPU) for the modes 'nearest',
'nearest-exact', 'linear', 'bilinear', 'bicubic' and 'area', with ``antialias`` as torch has it.

Every mode is separable and has the same shape: along one axis, output pixel ``o`` is a weighted
sum of a few input pixels, ``y[o] = Σ_k w[o, k]·x[idx[o, k]]``. ``_taps`` builds the (out, taps)
arrays ``idx`` and ``w`` for one axis, ``_resize_axis`` applies them; ``interpolate`` does it
axis by axis. Where a pixel samples the input is ``source_coordinates``; bicubic weighs its four
neighbours with Keys' ``cubic_kernel``.
"""

import math
import numbers

import numpy as np

from ._args import float_array, working_precision

__all__ = ["cubic_kernel", "interpolate", "source_coordinates"]

# mode → the input ranks it takes, (N, C, L) and/or (N, C, H, W)
MODES = {"nearest": (3, 4), "nearest-exact": (3, 4), "area": (3, 4), "linear": (3,),
         "bilinear": (4,), "bicubic": (4,)}
INTERPOLATING = ("linear", "bilinear", "bicubic")  # the modes that take align_corners


def cubic_kernel(t, a=-0.75):
    """Keys' cubic convolution kernel at ``t`` (any shape): 1 at 0, 0 at the other integers,
    zero beyond |t| = 2. torch's bicubic uses a = −0.75; with ``antialias`` it uses a = −0.5.

    >>> cubic_kernel(np.array([0.0, 0.5, 1.0, 1.5, 2.0]))
    array([ 1.     ,  0.59375,  0.     , -0.09375,  0.     ])
    """
    t = np.abs(np.asarray(t, dtype=np.float64))
    near = ((a + 2) * t - (a + 3)) * t * t + 1
    far = ((a * t - 5 * a) * t + 8 * a) * t - 4 * a
    return np.where(t < 1, near, np.where(t < 2, far, 0.0))


def _step(in_size, out_size, scale, align_corners):
    """Input pixels per output pixel (torch's ``area_pixel_compute_scale``)."""
    if align_corners:
        return (in_size - 1) / (out_size - 1) if out_size > 1 else 0.0
    return 1.0 / scale if scale is not None else in_size / out_size


def source_coordinates(in_size, out_size, scale=None, align_corners=False, mode="bilinear",
                       dtype=np.float64):
    """Where each output pixel samples the input, in input pixel units, shape (out_size,).

    ``scale`` is the ``scale_factor`` the caller gave (torch then uses 1/scale as the step);
    otherwise the step is in/out. align_corners=True maps the corner pixel centres onto
    each other: step (in − 1)/(out − 1). Otherwise pixel centres map: src = (o + ½)·step − ½,
    clamped at 0 for 'linear'/'bilinear' but not for 'bicubic'. 'nearest' returns the index it
    picks, ⌊o·step⌋, and 'nearest-exact' ⌊src + ½⌋ = the nearest centre (both capped at in − 1,
    the floor taken in float32 as torch does). ``dtype``: the precision torch computes in.

    >>> source_coordinates(2, 4), source_coordinates(2, 4, align_corners=True)
    (array([0.  , 0.25, 0.75, 1.25]), array([0.        , 0.33333333, 0.66666667, 1.        ]))
    >>> source_coordinates(2, 4, mode="bicubic"), source_coordinates(3, 2, mode="nearest-exact")
    (array([-0.25,  0.25,  0.75,  1.25]), array([0., 2.]))
    """
    o = np.arange(out_size, dtype=np.float64)
    step = np.float64(dtype(_step(in_size, out_size, scale, align_corners)))
    if mode == "nearest" or align_corners:
        src = (o * step).astype(dtype)
    else:
        src = ((o + 0.5) * step - 0.5).astype(dtype)
        src = src if mode == "bicubic" else np.maximum(src, 0)
    if mode == "nearest-exact":
        src = src.astype(np.float64) + 0.5
    if mode in ("nearest", "nearest-exact"):
        return np.minimum(np.floor(src.astype(np.float32)), in_size - 1).astype(np.float64)
    return src.astype(np.float64)


def _taps(mode, in_size, out_size, scale=None, align_corners=False, antialias=False,
          dtype=np.float64, fast=False):
    """For one axis: ``idx`` (out_size, taps) input indices and ``w`` (out_size, taps) weights.

    ``dtype`` is the precision torch computes positions in (float32 for float32 inputs);
    ``fast``: torch's float32 kernel for 4-D nearest modes with small outputs (H' + W' ≤ 128).
    """
    o = np.arange(out_size)
    one = np.ones((out_size, 1))
    if out_size == in_size and (mode in ("linear", "bilinear") or antialias or
                                fast and mode == "nearest"):
        return o[:, None], one  # torch copies an axis whose size is kept, whatever the scale
    if mode == "area":  # adaptive average pooling: the window [⌊o·in/out⌋, ⌈(o+1)·in/out⌉)
        start, end = o * in_size // out_size, -(-(o + 1) * in_size // out_size)
        j = start[:, None] + np.arange((end - start).max())
        inside = j < end[:, None]
        return np.where(inside, j, start[:, None]), inside / (end - start)[:, None]
    if antialias:
        return _antialias_taps(mode, in_size, out_size, scale, align_corners, dtype)
    if fast and mode == "nearest" and out_size == 2 * in_size:
        return o[:, None] // 2, one
    if fast and mode == "nearest-exact":  # ⌊(o + ½)·step⌋ with a float32 step
        step = np.float32(_step(in_size, out_size, scale, False))
        src = np.floor(((o + 0.5) * np.float64(step)).astype(np.float32))
        return np.minimum(src, in_size - 1).astype(np.int64)[:, None], one
    src = source_coordinates(in_size, out_size, scale, align_corners, mode,
                             np.float32 if fast else dtype)
    if mode in ("nearest", "nearest-exact"):
        return src.astype(np.int64)[:, None], one
    lo = np.minimum(np.floor(src), in_size - 1).astype(np.int64)
    frac = (src - lo)[:, None]  # in [0, 1): src < in_size always
    if mode in ("linear", "bilinear"):
        return np.stack([lo, np.minimum(lo + 1, in_size - 1)], 1), np.hstack([1 - frac, frac])
    shifts = np.arange(-1, 3)  # bicubic: neighbours lo − 1 … lo + 2, indices clamped at borders
    return np.clip(lo[:, None] + shifts, 0, in_size - 1), cubic_kernel(frac - shifts)


def _antialias_taps(mode, in_size, out_size, scale, align_corners, dtype):
    """torch's anti-aliased taps: when shrinking by ``step`` > 1 the filter is stretched by
    ``step`` (its support too); the taps are cut at the borders and the weights renormalised."""
    step = dtype(_step(in_size, out_size, scale, align_corners))
    half = 1.0 if mode == "bilinear" else 2.0  # the filter's half-width
    stretch = max(float(step), 1.0)
    support = half * stretch
    centre = step * (np.arange(out_size, dtype=dtype) + dtype(0.5))
    first = np.maximum((centre - support + 0.5).astype(np.int64), 0)
    stop = np.minimum((centre + support + 0.5).astype(np.int64), in_size)
    j = first[:, None] + np.arange(2 * math.ceil(support) + 1)
    t = (j - centre[:, None] + 0.5) / stretch
    w = np.maximum(1 - np.abs(t), 0) if mode == "bilinear" else cubic_kernel(t, a=-0.5)
    w = np.where(j < stop[:, None], w, 0.0)
    total = w.sum(1, keepdims=True)
    return np.minimum(j, in_size - 1), w / np.where(total == 0, 1, total)


def _resize_axis(x, axis, idx, w):
    """Resample ``x`` along ``axis`` (length n → out) with (out, taps) ``idx`` and ``w``."""
    gathered = np.take(x, idx, axis=axis)  # (..., out, taps, ...)
    w = w.astype(x.dtype).reshape(w.shape + (1,) * (x.ndim - axis - 1))
    return (gathered * w).sum(axis=axis + 1)


def interpolate(input, size=None, scale_factor=None, mode="nearest", align_corners=None,
                recompute_scale_factor=None, antialias=False):
    """Resize like ``F.interpolate``: (N, C, L) → (N, C, L') or (N, C, H, W) → (N, C, H', W').

    Modes: 'nearest', 'nearest-exact' and 'area' on 3-D or 4-D inputs, 'linear' on 3-D,
    'bilinear' and 'bicubic' on 4-D. Give exactly one of ``size`` (int or tuple) and
    ``scale_factor`` (number or tuple; the output is ⌊in·scale⌋). ``align_corners`` only with
    the interpolating modes; ``recompute_scale_factor=True`` samples with step in/out instead of
    1/scale_factor ('area' always does); ``antialias`` only with 'bilinear' and 'bicubic'.
    """
    x = float_array(input, "input")
    if not isinstance(mode, str) or mode not in MODES:
        raise ValueError(f"mode must be one of {sorted(MODES)}, got {mode!r}")
    if x.ndim not in MODES[mode]:
        ranks = " or ".join(("3-D (N, C, L)", "4-D (N, C, H, W)")[r - 3] for r in MODES[mode])
        raise ValueError(f"mode {mode!r} needs a {ranks} input, got shape {x.shape}")
    if 0 in x.shape[1:]:
        raise ValueError(f"input must have channels and pixels (only N may be 0), got {x.shape}")
    if align_corners is not None and mode not in INTERPOLATING:
        raise ValueError("align_corners can only be set with the interpolating modes "
                         f"{INTERPOLATING}, not with {mode!r}")
    if antialias and mode not in ("bilinear", "bicubic"):
        raise ValueError(f"antialias is only for 'bilinear' and 'bicubic', not {mode!r}")
    if (size is None) == (scale_factor is None):
        raise ValueError("give exactly one of size and scale_factor "
                         f"(got size={size!r}, scale_factor={scale_factor!r})")
    if size is not None and recompute_scale_factor:
        raise ValueError("recompute_scale_factor is not meaningful with an explicit size")
    n_axes = x.ndim - 2
    if size is not None:
        sizes = _spatial(size, n_axes, "size", numbers.Integral)
        if any(s < 1 for s in sizes):
            raise ValueError(f"size must be positive, got {size!r}")
        scales = [None] * n_axes
    else:
        scales = _spatial(scale_factor, n_axes, "scale_factor", numbers.Real)
        if any(not 0 < s < math.inf for s in scales):
            raise ValueError(f"scale_factor must be positive and finite, got {scale_factor!r}")
        sizes = [int(float(i) * s) for i, s in zip(x.shape[2:], scales)]
        if any(s < 1 for s in sizes):
            raise ValueError(f"scale_factor {scale_factor!r} gives an empty output {sizes} "
                             f"from the input's {list(x.shape[2:])}")
        if recompute_scale_factor or mode == "area":
            scales = [None] * n_axes
    # 4-D nearest modes with H' + W' ≤ 128 take torch's float32 (channels-last) kernel
    fast = x.ndim == 4 and sum(sizes) <= 128 and mode in ("nearest", "nearest-exact")
    (y,) = working_precision(x)
    for axis, (out, scale) in enumerate(zip(sizes, scales), start=2):
        idx, w = _taps(mode, y.shape[axis], out, scale, bool(align_corners), antialias,
                       np.float64 if x.dtype == np.float64 else np.float32, fast)
        y = _resize_axis(y, axis, idx, w)
    return np.ascontiguousarray(y, dtype=x.dtype)


def _spatial(value, n, name, kind):
    """``size`` or ``scale_factor`` as a list of ``n`` numbers of ``kind``."""
    if isinstance(value, kind) and not isinstance(value, bool):
        return [value] * n
    if isinstance(value, (tuple, list)) and len(value) == n and \
            all(isinstance(v, kind) and not isinstance(v, bool) for v in value):
        return list(value)
    raise TypeError(f"{name} must be a number or a tuple of {n}, got {value!r}")
