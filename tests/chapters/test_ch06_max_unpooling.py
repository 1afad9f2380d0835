"""Chapter 06's module: its checks grade right and wrong answers; its drawer unpools as torch."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

import utils
from tests.helpers import grading_tests
from utils.chapters import ch06_max_unpooling as ch06


def _pool_switches(x, k, last=False):
    y, idx = utils.max_pool2d(x[None, None], k, return_indices=True)
    if last:  # break ties towards the last maximum instead of the first
        y, idx = utils.max_pool2d(x[::-1, ::-1].copy()[None, None], k, return_indices=True)
        H, W = x.shape
        idx = (H * W - 1 - idx)[..., ::-1, ::-1]
        y = y[..., ::-1, ::-1]
    return y[0, 0], idx[0, 0]


def _unpool(values, switches, H, W, transpose=False):
    out = np.zeros(H * W)
    out[switches.ravel()] = values.ravel()
    return out.reshape(W, H).T if transpose else out.reshape(H, W)


CHECKS = [
    (ch06.check_max_pool_switches, _pool_switches, lambda x, k: _pool_switches(x, k, last=True)),
    (ch06.check_max_unpool_plane, _unpool,
     lambda v, sw, H, W: _unpool(v, sw, H, W, transpose=True) if H == W else _unpool(v, sw, W, H)),
]


test_every_check_is_tested, test_check_passes_right_and_fails_wrong_answers = \
    grading_tests(ch06, CHECKS)


@pytest.mark.parametrize("k, s", [(2, 2), (3, 3), (3, 2), (2, 1)])
def test_switches_drawer_unpools_as_torch(fig, k, s):
    x = np.random.default_rng(1).integers(0, 4, (6, 6)).astype(float)  # many ties
    back = ch06.draw_switches(fig, k, s, x=x)
    x = torch.from_numpy(x)[None, None]
    pooled, idx = F.max_pool2d(x, k, s, return_indices=True)
    utils.assert_matches_torch(back, F.max_unpool2d(pooled, idx, k, s, output_size=x.shape)[0, 0])
