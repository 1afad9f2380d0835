"""Chapter 01's module: its checks grade right and wrong answers; its drawer shows the window."""

import torch

import utils
from tests.helpers import grading_tests
from utils.chapters import ch01_sliding_window as ch01


def _linear_to_conv(linear, C, P, bias=True):
    conv = torch.nn.Conv2d(C, linear.out_features, P, padding=P // 2).double()
    with torch.no_grad():
        conv.weight.copy_(linear.weight.reshape(conv.weight.shape))
        conv.bias.copy_(linear.bias if bias else torch.zeros_like(linear.bias))
    return conv


# (check, a right answer, a wrong answer that a student might write)
CHECKS = [
    (ch01.check_extract_patches,
     lambda im, P: utils.unfold(im[None], P, padding=P // 2)[0].T,
     lambda im, P: utils.unfold(im[None], P, padding=P // 2)[0].T[::-1]),
    (ch01.check_linear_to_conv, _linear_to_conv,
     lambda linear, C, P: _linear_to_conv(linear, C, P, bias=False)),
    (ch01.check_sliding_window_macs, lambda H, W, C, P, h: H * W * (C * P * P * h + 2 * h),
     lambda H, W, C, P, h: H * W * C * P * P * h),
]


test_every_check_is_tested, test_check_passes_right_and_fails_wrong_answers = \
    grading_tests(ch01, CHECKS)


def test_sliding_window_drawer_counts_the_pixels_done(fig):
    scenes = utils.horse_scenes(1, size=16, seed=0)
    ch01.draw_sliding_window(fig, scenes.images[0], scenes.masks[0], row=2, col=5, patch_size=5)
    assert [ax.get_title() for ax in fig.axes] == ["window at (2, 5)", "patch 5×5",
                                                   "38 of 256 pixels"]
