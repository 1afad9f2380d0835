"""Pooling and unpooling against torch, over many random configurations (``interpolate`` is
in test_resize.py)."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import assume, given
from hypothesis import strategies as st

import utils
from tests.helpers import DTYPES, as_passed

PAIR = st.tuples(st.integers(1, 4), st.integers(1, 4))


def _array(draw, shape, dtype, distinct=True):
    rng = np.random.default_rng(draw(st.integers(0, 2**16)))
    if distinct or not draw(st.booleans()):
        return rng.standard_normal(shape).astype(dtype)
    return rng.integers(0, 3, shape).astype(dtype)  # many ties


@st.composite
def pool_cases(draw, ties=True, unpoolable=False):
    """A max_pool2d call; ``unpoolable``: no dilation or ceil_mode, which max_unpool2d lacks."""
    kernel = draw(PAIR)
    dilation = (1, 1) if unpoolable else draw(st.tuples(st.integers(1, 2), st.integers(1, 2)))
    stride = draw(st.one_of(st.none(), PAIR))
    padding = tuple(draw(st.integers(0, k // 2)) for k in kernel)
    size = tuple(draw(st.integers(1, 10)) for _ in range(2))
    assume(all(i + 2 * p >= d * (k - 1) + 1
               for i, p, d, k in zip(size, padding, dilation, kernel)))
    kw = dict(kernel_size=draw(as_passed(kernel)), stride=stride and draw(as_passed(stride)),
              padding=draw(as_passed(padding)), dilation=draw(as_passed(dilation)),
              ceil_mode=False if unpoolable else draw(st.booleans()))
    batch = draw(st.sampled_from([None, 0, 1, 2]))  # None: unbatched; 0: an empty batch
    shape = (() if batch is None else (batch,)) + (draw(st.integers(1, 3)),) + size
    return _array(draw, shape, draw(DTYPES), distinct=not ties), kw


@given(pool_cases())
def test_max_pool2d_and_switches_match_torch(case):
    x, kw = case
    y, idx = utils.max_pool2d(x, return_indices=True, **kw)
    ref, ref_idx = F.max_pool2d(torch.from_numpy(x), return_indices=True, **kw)
    assert y.dtype == x.dtype and idx.dtype == np.int64
    utils.assert_matches_torch(y, ref)
    assert np.array_equal(idx, ref_idx.numpy()), "switches differ (ties?)"
    assert np.array_equal(utils.max_pool2d(x, **kw), y)


@given(pool_cases(ties=False, unpoolable=True), st.booleans())
def test_max_unpool2d_matches_torch(case, give_size):
    x, kw = case
    y, idx = F.max_pool2d(torch.from_numpy(x), return_indices=True, **kw)
    unpool_kw = {k: kw[k] for k in ("kernel_size", "stride", "padding")}
    if give_size:
        unpool_kw["output_size"] = x.shape[-2:]
    try:
        ref = F.max_unpool2d(y, idx, **unpool_kw)
        assert min(ref.shape[-2:]) > 0  # torch returns an empty image here; we refuse it
    except (ValueError, RuntimeError, AssertionError):
        with pytest.raises(ValueError):
            utils.max_unpool2d(y.numpy(), idx.numpy(), **unpool_kw)
        return
    ours = utils.max_unpool2d(y.numpy(), idx.numpy(), **unpool_kw)
    assert ours.dtype == x.dtype
    utils.assert_matches_torch(ours, ref)


@given(st.integers(1, 4), st.integers(1, 4), st.data())
def test_bed_of_nails_matches_conv_transpose_and_max_unpool(s1, s2, data):
    x = np.random.default_rng(data.draw(st.integers(0, 999))).standard_normal((2, 3, 4, 5))
    pos = (data.draw(st.integers(0, s1 - 1)), data.draw(st.integers(0, s2 - 1)))
    ours = utils.bed_of_nails(x, (s1, s2), pos)
    one_hot = torch.zeros(3, 1, s1, s2, dtype=torch.float64)
    one_hot[:, 0, pos[0], pos[1]] = 1
    ref = F.conv_transpose2d(torch.from_numpy(x), one_hot, stride=(s1, s2), groups=3)
    utils.assert_matches_torch(ours, ref)
    rows = np.arange(4)[:, None] * s1 + pos[0]
    cols = np.arange(5)[None, :] * s2 + pos[1]
    idx = torch.from_numpy(np.broadcast_to(rows * 5 * s2 + cols, x.shape).copy())
    ref2 = F.max_unpool2d(torch.from_numpy(x), idx, (s1, s2), output_size=(4 * s1, 5 * s2))
    utils.assert_matches_torch(ours, ref2)


X = np.zeros((1, 1, 4, 4))
IDX = np.zeros((1, 1, 2, 2), dtype=np.int64)


@pytest.mark.parametrize("call, error, words", [
    (lambda: utils.max_pool2d(X, 0), ValueError, "kernel_size must be positive"),
    (lambda: utils.max_pool2d(X, 2, padding=2), ValueError, "at most half"),
    (lambda: utils.max_pool2d(X, 5), ValueError, "larger than the padded"),
    (lambda: utils.max_pool2d(X, 2, stride=0), ValueError, "stride must be positive"),
    (lambda: utils.max_pool2d(np.zeros((4, 4)), 2), ValueError, "input must be 3-D"),
    (lambda: utils.max_pool2d(np.zeros((1, 0, 4, 4)), 2), ValueError, "only the batch N"),
    (lambda: utils.max_unpool2d(np.zeros((1, 1, 0, 2)), np.zeros((1, 1, 0, 2), dtype=int), 2),
     ValueError, "has an empty axis"),
    (lambda: utils.max_unpool2d(X[:, :, :2, :2], IDX[:, :, :1], 2), ValueError,
     "indices must have the input's shape"),
    (lambda: utils.max_unpool2d(X[:, :, :2, :2], IDX + 16, 2), ValueError, "must lie in"),
    (lambda: utils.max_unpool2d(X[:, :, :2, :2], IDX - 1, 2), ValueError, "must lie in"),
    (lambda: utils.max_unpool2d(X[:, :, :2, :2], IDX, 2, output_size=(9, 4)), ValueError,
     "must be between"),
    (lambda: utils.max_unpool2d(X[:, :, :2, :2], IDX.astype(float), 2), TypeError, "integer"),
    (lambda: utils.bed_of_nails(X, 2, position=(2, 0)), ValueError, "inside the"),
    (lambda: utils.bed_of_nails(X, 0), ValueError, "scale_factor must be positive"),
])
def test_bad_arguments_are_refused_clearly(call, error, words):
    with pytest.raises(error) as info:
        call()
    assert words in str(info.value), str(info.value)


@pytest.mark.parametrize("call", [
    lambda: F.max_pool2d(torch.zeros(1, 1, 4, 4), 2, padding=2),
    lambda: F.max_pool2d(torch.zeros(1, 0, 4, 4), 2),
    lambda: F.max_unpool2d(torch.zeros(1, 1, 0, 2), torch.zeros(1, 1, 0, 2, dtype=int), 2),
    lambda: F.max_unpool2d(torch.zeros(1, 1, 2, 2), torch.full((1, 1, 2, 2), 16), 2),
])
def test_torch_refuses_the_same_calls(call):
    with pytest.raises((RuntimeError, ValueError)):
        call()
