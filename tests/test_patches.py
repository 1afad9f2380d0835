"""unfold and fold against torch, over many random configurations, and their refusals."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import assume, given
from hypothesis import strategies as st

import utils
from tests.helpers import DTYPES, as_passed


@st.composite
def geometries(draw):
    """A random valid (x, kwargs) for unfold; fold reuses it in reverse."""
    pair = st.tuples(st.integers(1, 4), st.integers(1, 4))
    kernel, dilation, stride = draw(pair), draw(st.tuples(st.integers(1, 3), st.integers(1, 3))), \
        draw(st.tuples(st.integers(1, 3), st.integers(1, 3)))
    padding = draw(st.tuples(st.integers(0, 2), st.integers(0, 2)))
    size = tuple(draw(st.integers(1, 9)) for _ in range(2))
    reach = [d * (k - 1) + 1 for k, d in zip(kernel, dilation)]
    assume(all(i + 2 * p >= r for i, p, r in zip(size, padding, reach)))
    kw = {name: draw(as_passed(v)) for name, v in
          dict(kernel_size=kernel, dilation=dilation, padding=padding, stride=stride).items()}
    dtype = draw(DTYPES)
    batch = draw(st.sampled_from([None, 0, 1, 3]))  # None: unbatched; 0: an empty batch
    shape = (() if batch is None else (batch,)) + (draw(st.integers(1, 3)),) + size
    x = np.random.default_rng(draw(st.integers(0, 2**16))).standard_normal(shape).astype(dtype)
    return x, kw


@given(geometries())
def test_unfold_matches_torch(case):
    x, kw = case
    ours = utils.unfold(x, **kw)
    assert ours.dtype == x.dtype
    utils.assert_matches_torch(ours, F.unfold(torch.from_numpy(x), **kw))


@given(geometries())
def test_fold_matches_torch(case):
    x, kw = case
    cols = F.unfold(torch.from_numpy(x), **kw).numpy()
    size = x.shape[-2:]
    ours = utils.fold(cols, size, **kw)
    assert ours.dtype == x.dtype
    utils.assert_matches_torch(ours, F.fold(torch.from_numpy(cols), size, **kw))


@pytest.mark.parametrize("call, error, words", [
    (lambda: utils.unfold(np.zeros((1, 1, 4, 4)), 5), ValueError, "larger than the padded"),
    (lambda: utils.unfold(np.zeros((4, 4)), 2), ValueError, "input must be 3-D"),
    (lambda: utils.unfold(np.zeros((1, 1, 4, 4)), 2, stride=0), ValueError,
     "stride must be positive"),
    (lambda: utils.unfold(np.zeros((1, 1, 4, 4)), 2, padding=-1), ValueError,
     "padding must be >= 0"),
    (lambda: utils.unfold(np.zeros((1, 1, 4, 4)), (2, 2, 2)), TypeError, "kernel_size must be"),
    (lambda: utils.unfold(np.zeros((1, 1, 4, 4), dtype=int), 2), TypeError, "floating-point"),
    (lambda: utils.fold(np.zeros((1, 5, 9)), (4, 4), 2), ValueError, "divisible by the product"),
    (lambda: utils.fold(np.zeros((1, 4, 8)), (4, 4), 2), ValueError, "number of blocks"),
    (lambda: utils.fold(np.zeros((4, 9)), (4, 4), 2, dilation=0), ValueError,
     "dilation must be positive"),
    (lambda: utils.fold(np.zeros(9), (4, 4), 2), ValueError, "input must be 2-D"),
    (lambda: utils.fold(np.zeros((1, 4, 0)), (4, 4), 2), ValueError, "only the batch N"),
    (lambda: utils.unfold(np.zeros((1, 0, 4, 4)), 2), ValueError, "only the batch N"),
])
def test_bad_arguments_are_refused_clearly(call, error, words):
    with pytest.raises(error) as info:
        call()
    assert words in str(info.value), str(info.value)


@pytest.mark.parametrize("call", [
    lambda: F.unfold(torch.zeros(1, 1, 4, 4), 5),
    lambda: F.fold(torch.zeros(1, 5, 9), (4, 4), 2),
    lambda: F.fold(torch.zeros(1, 4, 8), (4, 4), 2),
    lambda: F.fold(torch.zeros(1, 4, 0), (4, 4), 2),
    lambda: F.unfold(torch.zeros(1, 0, 4, 4), 2),
])
def test_torch_refuses_the_same_calls(call):
    with pytest.raises(RuntimeError):
        call()
