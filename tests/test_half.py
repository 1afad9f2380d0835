"""Half precision: every from-scratch operation takes float16 and returns float16.

Sums (convolutions, resizing) are computed in float32 and rounded once, so that a result lies
within half a last bit of the exact one, give or take float32's own error (``ROUNDED_ONCE``).
The operations that only move values (pooling, unpooling, pixel shuffle) are exact. Torch, for
comparison, is not always that close on the CPU: its half-precision conv_transpose2d is up to 2
last bits off, and its bicubic upsampling tens.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

import utils
from tests.test_ops import _check, configs

HALF = st.just(np.float16)
# half a last bit, and float32's error on the way (about 0.1 bit: bicubic's weights are float32)
ROUNDED_ONCE = 0.6


def _last_bits_off(ours, exact):
    """How many float16 last bits (units in the last place) ``ours`` is from ``exact``."""
    exact = np.asarray(exact, dtype=np.float64)
    last_bit = np.spacing(np.abs(exact).astype(np.float16)).astype(np.float64)
    return float((np.abs(ours.astype(np.float64) - exact) / last_bit).max())


@pytest.mark.parametrize("n, transposed", [(1, False), (2, False), (1, True), (2, True)])
@settings(max_examples=100)
@given(data=st.data())
def test_convolutions_match_torch(n, transposed, data):
    _check(n, transposed, data.draw(configs(n, transposed, dtypes=HALF)))


@pytest.mark.parametrize("op, shape, kw", [
    ("conv2d", (2, 64, 7, 7), {}), ("conv2d", (2, 256, 5, 5), {}),
    ("conv_transpose2d", (128, 2, 7, 7), {"stride": 2}), ("conv1d", (2, 128, 9), {})])
def test_long_sums_are_rounded_once(op, shape, kw):
    """Summing in float16 would be 3-4 last bits off on these cases."""
    rng = np.random.default_rng(0)
    c_in = shape[0] if op == "conv_transpose2d" else shape[1]
    x = rng.uniform(0, 1, (1, c_in) + (12,) * (len(shape) - 2)).astype(np.float16)
    w = rng.uniform(0, 1, shape).astype(np.float16)
    ours = getattr(utils, op)(x, w, **kw)
    exact = getattr(F, op)(torch.from_numpy(x).double(), torch.from_numpy(w).double(), **kw)
    assert ours.dtype == np.float16
    assert _last_bits_off(ours, exact.numpy()) <= ROUNDED_ONCE


MODES = [("nearest", {}), ("nearest-exact", {}), ("bilinear", {}),
         ("bilinear", {"align_corners": True}), ("bicubic", {}), ("area", {}),
         ("bilinear", {"antialias": True})]


@pytest.mark.parametrize("mode, kw, scale", [
    (mode, kw, scale) for mode, kw in MODES for scale in (2.5, 0.5)
    if not (mode == "area" and scale > 1)])  # 'area' only shrinks
def test_interpolate_is_rounded_once(mode, kw, scale):
    x = np.random.default_rng(1).uniform(0, 1, (2, 3, 7, 9)).astype(np.float16)
    ours = utils.interpolate(x, scale_factor=scale, mode=mode, **kw)
    exact = F.interpolate(torch.from_numpy(x).double(), scale_factor=scale, mode=mode, **kw)
    assert ours.dtype == np.float16
    assert _last_bits_off(ours, exact.numpy()) <= ROUNDED_ONCE


def test_moving_values_is_exact():
    rng = np.random.default_rng(2)
    x = rng.standard_normal((2, 8, 6, 6)).astype(np.float16)
    t = torch.from_numpy(x)
    pooled, switches = utils.max_pool2d(x, 2, return_indices=True)
    ref, ref_switches = F.max_pool2d(t, 2, return_indices=True)
    pairs = [(pooled, ref), (utils.max_unpool2d(pooled, switches, 2),
                             F.max_unpool2d(ref, ref_switches, 2)),
             (utils.pixel_shuffle(x, 2), F.pixel_shuffle(t, 2)),
             (utils.pixel_unshuffle(x, 2), F.pixel_unshuffle(t, 2))]
    for ours, theirs in pairs:
        assert ours.dtype == np.float16 and np.array_equal(ours, theirs.numpy())
    nails = utils.bed_of_nails(x, 2)
    assert nails.dtype == np.float16 and np.array_equal(nails[..., ::2, ::2], x)
