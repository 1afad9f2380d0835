"""Chapter 07's module: its checks grade right and wrong answers; its drawer's matrix is conv2d."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

import utils
from tests.helpers import grading_tests
from utils.chapters import ch07_conv_as_matrix as ch07
from utils.chapters.grading import ExerciseFailed


def _conv1d_matrix(w, n):
    return utils.conv_matrix(np.asarray(w, float)[None, None], n)


def _conv2d_matrix(w, H, W, s):
    return utils.conv_matrix(w[None, None], (H, W), stride=s)


CHECKS = [
    (ch07.check_conv1d_matrix, _conv1d_matrix,
     lambda w, n: _conv1d_matrix(w[::-1].copy(), n)),  # the kernel flipped
    (ch07.check_conv2d_matrix, _conv2d_matrix,
     lambda w, H, W, s: _conv2d_matrix(w, H, W, 1)),  # the stride ignored
]


test_every_check_is_tested, test_check_passes_right_and_fails_wrong_answers = \
    grading_tests(ch07, CHECKS)


def test_a_wrong_shape_is_named_as_such():
    with pytest.raises(ExerciseFailed, match="shape"):
        ch07.check_conv1d_matrix(lambda w, n: _conv1d_matrix(w, n).T)


@pytest.mark.parametrize("k, size, s, p, d", [(3, 4, 1, 0, 1), (2, 5, 2, 1, 1), (3, 6, 1, 2, 2)])
def test_conv_matrix_drawer_draws_the_matrix_of_conv2d(fig, k, size, s, p, d):
    C = ch07.draw_conv_matrix(fig, k, size, s, p, d)
    x = np.random.default_rng(0).standard_normal((1, 1, size, size))
    w = torch.arange(1.0, k * k + 1, dtype=torch.float64).reshape(1, 1, k, k)
    ref = F.conv2d(torch.from_numpy(x), w, stride=s, padding=p, dilation=d)
    utils.assert_matches_torch(C @ x.ravel(), ref.flatten())


def test_conv_matrix_explorer_has_a_slider_per_argument():
    sliders = [w.description for w in ch07.explore_conv_matrix().children[:-1]]
    assert sliders == ["kernel_size", "size", "stride", "padding", "dilation"]
