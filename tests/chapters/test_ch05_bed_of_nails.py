"""Chapter 05's module: its checks grade right and wrong answers; its drawer's nails are torch's."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

import utils
from tests.helpers import grading_tests
from utils.chapters import ch05_bed_of_nails as ch05


def _switches(H, W, s, pos, width=None):
    rows = np.arange(H)[:, None] * s + pos[0]
    return rows * (width or W * s) + np.arange(W)[None, :] * s + pos[1]


CHECKS = [
    (ch05.check_bed_of_nails, utils.bed_of_nails,
     lambda x, s, pos: utils.bed_of_nails(x, s, pos[::-1])),
    (ch05.check_nail_switches, _switches,
     lambda H, W, s, pos: _switches(H, W, s, pos, width=W)),
    (ch05.check_tent_kernel, lambda s: 1 - np.abs((np.arange(2 * s) + 0.5) / s - 1),
     lambda s: np.ones(2 * s) / 2),
]


test_every_check_is_tested, test_check_passes_right_and_fails_wrong_answers = \
    grading_tests(ch05, CHECKS)


@pytest.mark.parametrize("scale, row, col", [(2, 0, 0), (2, 1, 0), (3, 2, 1), (2, 3, 3)])
def test_nails_drawer_matches_a_one_hot_transposed_convolution(fig, scale, row, col):
    x = np.random.default_rng(0).standard_normal((3, 2))
    nails = ch05.draw_nails(fig, scale, row, col, x=x)
    w = torch.zeros(1, 1, scale, scale, dtype=torch.float64)
    w[0, 0, min(row, scale - 1), min(col, scale - 1)] = 1  # a nail past the block is clipped
    ref = F.conv_transpose2d(torch.from_numpy(x)[None, None], w, stride=scale)[0, 0]
    utils.assert_matches_torch(nails, ref)
