"""Pixel shuffle and unshuffle in NumPy, mirroring ``F.pixel_shuffle`` / ``F.pixel_unshuffle``.

Sub-pixel convolution (Shi et al. 2016) computes r² low-resolution maps and interleaves them
into one map r times larger: channel ``c·r² + a·r + b`` becomes pixel (h·r + a, w·r + b) of
channel c.
"""

import numpy as np

from ._args import positive_int

__all__ = ["pixel_shuffle", "pixel_unshuffle"]


def pixel_shuffle(input, upscale_factor):
    """(*, C·r², H, W) → (*, C, H·r, W·r), like ``F.pixel_shuffle``.

    >>> pixel_shuffle(np.arange(4.).reshape(4, 1, 1), 2)[0]
    array([[0., 1.],
           [2., 3.]])
    """
    x = np.asarray(input)
    r = positive_int(upscale_factor, "upscale_factor")
    if x.ndim < 3:
        raise ValueError(f"input must have at least 3 dimensions (*, C·r², H, W), got shape "
                         f"{x.shape}")
    *lead, c, h, w = x.shape
    if c % (r * r):
        raise ValueError(f"input channels ({c}) must be divisible by upscale_factor² ({r * r})")
    y = x.reshape(*lead, c // (r * r), r, r, h, w)
    n = len(lead)
    y = y.transpose(*range(n), n, n + 3, n + 1, n + 4, n + 2)  # (*, C, H, r, W, r)
    return np.ascontiguousarray(y.reshape(*lead, c // (r * r), h * r, w * r))


def pixel_unshuffle(input, downscale_factor):
    """(*, C, H·r, W·r) → (*, C·r², H, W), like ``F.pixel_unshuffle``; undoes pixel_shuffle.

    >>> pixel_unshuffle(np.arange(4.).reshape(1, 2, 2), 2)[:, 0, 0]
    array([0., 1., 2., 3.])
    """
    x = np.asarray(input)
    r = positive_int(downscale_factor, "downscale_factor")
    if x.ndim < 3:
        raise ValueError(f"input must have at least 3 dimensions (*, C, H, W), got shape "
                         f"{x.shape}")
    *lead, c, h, w = x.shape
    if h % r or w % r:
        raise ValueError(f"height and width ({h}, {w}) must be divisible by downscale_factor "
                         f"({r})")
    y = x.reshape(*lead, c, h // r, r, w // r, r)
    n = len(lead)
    y = y.transpose(*range(n), n, n + 2, n + 4, n + 1, n + 3)  # (*, C, r, r, H, W)
    return np.ascontiguousarray(y.reshape(*lead, c * r * r, h // r, w // r))
