"""Chapter 09's module: its checks grade right and wrong answers; its gather view is torch's."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

import utils
from tests.helpers import grading_tests
from utils.chapters import ch09_transposed_conv_arithmetic as ch09

CHECKS = [
    (ch09.check_stretch1d, lambda x, s: utils.bed_of_nails(x[None, None, None], (1, s))[0, 0, 0][
        :(len(x) - 1) * s + 1], lambda x, s: np.repeat(x, s)[:(len(x) - 1) * s + 1]),
    (ch09.check_gather_edge, lambda k, p, d: d * (k - 1) - p, lambda k, p, d: k - 1 - p),
    (ch09.check_transposed_weight_shape, lambda a, b, k, g: (a, b // g, k, k),
     lambda a, b, k, g: (b, a // g, k, k)),
]


test_every_check_is_tested, test_check_passes_right_and_fails_wrong_answers = \
    grading_tests(ch09, CHECKS)


@pytest.mark.parametrize("k, s, p, a", [(3, 2, 0, 0), (3, 2, 1, 1), (4, 3, 2, 2), (2, 1, 0, 0)])
def test_gather_view_drawer_gives_conv_transpose1d(fig, k, s, p, a):
    out = ch09.draw_gather_view(fig, kernel_size=k, stride=s, padding=p, output_padding=a, size=4)
    x, w = torch.arange(1.0, 5, dtype=torch.float64), torch.arange(1.0, k + 1, dtype=torch.float64)
    ref = F.conv_transpose1d(x[None, None], w[None, None], stride=s, padding=p, output_padding=a)
    utils.assert_matches_torch(out, ref[0, 0])


def test_gather_view_drawer_refuses_padding_beyond_the_kernel(fig):
    with pytest.raises(ValueError, match="padding"):
        ch09.draw_gather_view(fig, kernel_size=2, padding=2)
