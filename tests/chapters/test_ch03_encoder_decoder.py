"""Chapter 03's module: its checks grade right and wrong answers; its drawer's sizes are torch's."""

import pytest
import torch
from torch import nn

import utils
from tests.helpers import grading_tests
from utils.chapters import ch03_encoder_decoder as ch03

CHECKS = [
    (ch03.check_output_padding_needed, lambda i, k, s, p: utils.output_padding_for(i, k, s, p),
     lambda i, k, s, p: 0),
    (ch03.check_receptive_field, utils.receptive_field, lambda layers: sum(k for k, _ in layers)),
    (ch03.check_conv_out, utils.conv_output_size, lambda i, k, s, p, d: (i + 2 * p - k) // s + 1),
]


test_every_check_is_tested, test_check_passes_right_and_fails_wrong_answers = \
    grading_tests(ch03, CHECKS)


@pytest.mark.parametrize("size, k, s, p", [(64, 3, 2, 1), (65, 3, 2, 1), (50, 3, 3, 1),
                                           (64, 4, 2, 1)])
def test_size_flow_drawer_follows_torch_layers(fig, size, k, s, p):
    down, plain, fixed = ch03.draw_size_flow(fig, size=size, kernel_size=k, stride=s, padding=p)
    x = torch.zeros(1, 1, size, size)
    sizes = [size]
    for _ in range(3):
        x = nn.Conv2d(1, 1, k, s, p)(x)
        sizes.append(x.shape[-1])
    assert down == sizes and fixed == sizes[::-1]
    y = x
    for _ in range(3):
        y = nn.ConvTranspose2d(1, 1, k, s, p)(y)
    assert plain[-1] == y.shape[-1]


def test_size_flow_drawer_refuses_a_vanishing_input(fig):
    with pytest.raises(ValueError, match="vanishes"):
        ch03.draw_size_flow(fig, size=4, kernel_size=3, stride=2, padding=0)
