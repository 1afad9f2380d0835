"""pixel_shuffle / pixel_unshuffle against torch, and their refusals."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given
from hypothesis import strategies as st

import utils
from tests.helpers import DTYPES


@given(st.integers(1, 4), st.integers(1, 3), st.integers(1, 5), st.integers(1, 5),
       st.sampled_from([(), (2,), (2, 1)]), DTYPES,
       st.integers(0, 999))
def test_shuffle_and_unshuffle_match_torch(r, c, h, w, lead, dtype, seed):
    x = np.random.default_rng(seed).standard_normal(lead + (c * r * r, h, w)).astype(dtype)
    up = utils.pixel_shuffle(x, r)
    utils.assert_matches_torch(up, F.pixel_shuffle(torch.from_numpy(x), r))
    assert up.dtype == x.dtype
    utils.assert_matches_torch(utils.pixel_unshuffle(up, r),
                               F.pixel_unshuffle(torch.from_numpy(up), r))
    assert np.array_equal(utils.pixel_unshuffle(up, r), x)


@pytest.mark.parametrize("r", [1, 2, 3])
def test_an_empty_batch_keeps_its_shape_rule(r):
    """N = 0: (0, C·r², H, W) ↔ (0, C, H·r, W·r). pixel_shuffle's shape is torch's; torch 2.13's
    pixel_unshuffle returns an empty input unchanged, (0, C, H·r, W·r), so it is held to the
    rule instead."""
    x = np.zeros((0, 2 * r * r, 3, 4))
    up = utils.pixel_shuffle(x, r)
    assert up.shape == tuple(F.pixel_shuffle(torch.from_numpy(x), r).shape) == (0, 2, 3 * r, 4 * r)
    assert utils.pixel_unshuffle(up, r).shape == x.shape


@pytest.mark.parametrize("call, error, words", [
    (lambda: utils.pixel_shuffle(np.zeros((1, 3, 2, 2)), 2), ValueError, "divisible"),
    (lambda: utils.pixel_shuffle(np.zeros((4, 2)), 2), ValueError, "at least 3"),
    (lambda: utils.pixel_shuffle(np.zeros((1, 4, 2, 2)), 0), ValueError, "must be positive"),
    (lambda: utils.pixel_shuffle(np.zeros((1, 4, 2, 2)), 2.0), TypeError, "must be an int"),
    (lambda: utils.pixel_unshuffle(np.zeros((1, 1, 3, 4)), 2), ValueError, "divisible"),
])
def test_bad_arguments_are_refused_clearly(call, error, words):
    with pytest.raises(error) as info:
        call()
    assert words in str(info.value), str(info.value)
