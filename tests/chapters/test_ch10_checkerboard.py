"""Chapter 10's module: its checks grade right and wrong answers; its overlap map is torch's."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

import utils
from tests.helpers import grading_tests
from utils.chapters import ch10_checkerboard as ch10

CHECKS = [
    (ch10.check_overlap_counts,
     lambda n, k, s: utils.conv_transpose1d(np.ones((1, 1, n)), np.ones((1, 1, k)), stride=s)[0, 0],
     lambda n, k, s: np.ones((n - 1) * s + k)),
    (ch10.check_pixel_shuffle, utils.pixel_shuffle,
     lambda x, r: utils.pixel_shuffle(x, r).transpose(0, 1, 3, 2) if x.shape[2] == x.shape[3]
     else utils.pixel_shuffle(x, r)[..., ::-1]),
    (ch10.check_even_overlap, lambda k, s: k % s == 0, lambda k, s: k >= s),
]


test_every_check_is_tested, test_check_passes_right_and_fails_wrong_answers = \
    grading_tests(ch10, CHECKS)


@pytest.mark.parametrize("k, s, layers", [(3, 2, 1), (4, 2, 1), (3, 2, 3), (5, 3, 2)])
def test_overlap_drawer_counts_stamps_as_torch(fig, k, s, layers):
    counts = ch10.draw_overlap(fig, kernel_size=k, stride=s, layers=layers)
    ref = torch.ones(1, 1, 3, 3, dtype=torch.float64)
    for _ in range(layers):
        ref = F.conv_transpose2d(ref, torch.ones(1, 1, k, k, dtype=torch.float64), stride=s)
    utils.assert_matches_torch(counts, ref[0, 0])
