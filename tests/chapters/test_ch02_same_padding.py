"""Chapter 02's module: its checks grade right and wrong answers; its drawer pads as torch."""

import pytest
import torch
import torch.nn.functional as F

import utils
from tests.helpers import grading_tests
from utils.chapters import ch02_same_padding as ch02

CHECKS = [
    (ch02.check_same_pad, utils.same_padding,
     lambda k, d: tuple(reversed(utils.same_padding(k, d)))),
    (ch02.check_conv_params, lambda a, b, k: (a * k * k + 1) * b, lambda a, b, k: a * b * k * k),
    (ch02.check_full_res_activation_bytes, lambda H, W, w, d: 4 * H * W * (2 * w * d + 2),
     lambda H, W, w, d: 4 * H * W * w * d),
]


test_every_check_is_tested, test_check_passes_right_and_fails_wrong_answers = \
    grading_tests(ch02, CHECKS)


@pytest.mark.parametrize("k, d", [(3, 1), (4, 1), (3, 2), (2, 3)])
def test_same_padding_drawer_pads_as_torch(fig, k, d):
    left, right = ch02.draw_same_padding(fig, kernel_size=k, dilation=d, size=7)
    x = torch.arange(1.0, 8.0)[None, None]
    w = torch.ones(1, 1, k)
    assert torch.equal(F.conv1d(F.pad(x, (left, right)), w, dilation=d),
                       F.conv1d(x, w, padding="same", dilation=d))
