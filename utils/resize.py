"""``interpolate`` in NumPy, mirroring ``F.interpolate`` for modes 'nearest' and 'bilinear'.

Both modes are separable: each output coordinate ``o`` along an axis maps to a source
coordinate ``src(o)``; nearest takes ``floor``, bilinear blends the two neighbours.
``align_corners`` decides how the two grids line up (see ``source_coordinates``).
"""

import math
import numbers

import numpy as np

from ._args import float_array

__all__ = ["interpolate", "source_coordinates"]

MODES = {"nearest": 3, "bilinear": 4}  # mode → the input rank it needs (N, C, *spatial)


def source_coordinates(in_size, out_size, scale=None, align_corners=False, mode="bilinear"):
    """Where each output pixel samples the input, in input pixel units (1-D array).

    ``scale`` is the ``scale_factor`` the caller gave (torch then uses 1/scale as the step);
    otherwise the step is in/out. align_corners=True maps the corner pixel centres onto
    each other: step (in − 1)/(out − 1). Bilinear with align_corners=False maps pixel
    centres: src = (o + ½)·step − ½, clamped at 0.

    >>> source_coordinates(2, 4), source_coordinates(2, 4, align_corners=True)
    (array([0.  , 0.25, 0.75, 1.25]), array([0.        , 0.33333333, 0.66666667, 1.        ]))
    """
    o = np.arange(out_size, dtype=np.float64)
    if align_corners:
        step = (in_size - 1) / (out_size - 1) if out_size > 1 else 0.0
        return o * step
    step = 1.0 / scale if scale is not None else in_size / out_size
    if mode == "nearest":
        return np.minimum(np.floor(o * step), in_size - 1)
    return np.maximum((o + 0.5) * step - 0.5, 0.0)


def _resize_axis(x, axis, out_size, scale, mode, align_corners):
    """Resample ``x`` along one axis."""
    n = x.shape[axis]
    src = source_coordinates(n, out_size, scale, align_corners, mode)
    if mode == "nearest":
        return np.take(x, src.astype(np.int64), axis=axis)
    lo = np.minimum(np.floor(src).astype(np.int64), n - 1)
    hi = np.minimum(lo + 1, n - 1)
    frac = (src - lo).astype(x.dtype)
    shape = [1] * x.ndim
    shape[axis] = out_size
    frac = frac.reshape(shape)
    return np.take(x, lo, axis=axis) * (1 - frac) + np.take(x, hi, axis=axis) * frac


def interpolate(input, size=None, scale_factor=None, mode="nearest", align_corners=None):
    """Resize like ``F.interpolate``: 'nearest' on (N, C, L) or (N, C, H, W), 'bilinear' on
    (N, C, H, W). Give exactly one of ``size`` (int or tuple) and ``scale_factor`` (number or
    tuple; the output is ⌊in·scale⌋). ``align_corners`` only with 'bilinear'.
    """
    x = float_array(input, "input")
    if mode not in MODES:
        raise ValueError(f"mode must be one of {sorted(MODES)}, got {mode!r}")
    if mode == "bilinear" and x.ndim != 4:
        raise ValueError(f"mode 'bilinear' needs a 4-D input (N, C, H, W), got shape {x.shape}")
    if x.ndim not in (3, 4):
        raise ValueError(f"input must be 3-D (N, C, L) or 4-D (N, C, H, W), got shape {x.shape}")
    if mode == "nearest" and align_corners is not None:
        raise ValueError("align_corners can only be set with the interpolating modes "
                         "(here 'bilinear'), not with 'nearest'")
    if (size is None) == (scale_factor is None):
        raise ValueError("give exactly one of size and scale_factor "
                         f"(got size={size!r}, scale_factor={scale_factor!r})")
    n_axes = x.ndim - 2
    if size is not None:
        sizes = _spatial(size, n_axes, "size", numbers.Integral)
        if any(s < 1 for s in sizes):
            raise ValueError(f"size must be positive, got {size!r}")
        scales = [None] * n_axes
    else:
        scales = _spatial(scale_factor, n_axes, "scale_factor", numbers.Real)
        if any(s <= 0 for s in scales):
            raise ValueError(f"scale_factor must be positive, got {scale_factor!r}")
        sizes = [math.floor(i * s) for i, s in zip(x.shape[2:], scales)]
        if any(s < 1 for s in sizes):
            raise ValueError(f"scale_factor {scale_factor!r} gives an empty output {sizes}")
    y = x
    for axis, (out, scale) in enumerate(zip(sizes, scales), start=2):
        y = _resize_axis(y, axis, out, scale, mode, bool(align_corners))
    return np.ascontiguousarray(y, dtype=x.dtype)


def _spatial(value, n, name, kind):
    if isinstance(value, kind) and not isinstance(value, bool):
        return [value] * n
    if isinstance(value, (tuple, list)) and len(value) == n and \
            all(isinstance(v, kind) and not isinstance(v, bool) for v in value):
        return list(value)
    raise TypeError(f"{name} must be a number or a tuple of {n}, got {value!r}")
