"""Chapter 04's module: its checks grade right and wrong answers; its drawer resizes as torch."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

import utils
from tests.helpers import grading_tests
from utils.chapters import ch04_nearest_unpooling as ch04


def _positions(n_in, n_out, ac, clip=True):
    pos = utils.source_coordinates(n_in, n_out, align_corners=ac)
    return np.clip(pos, 0, n_in - 1) if clip else pos


CHECKS = [
    (ch04.check_nearest_upsample, lambda x, s: utils.interpolate(x, scale_factor=s),
     lambda x, s: np.kron(x, np.ones((1, 1, s, s)))[..., ::-1]),
    (ch04.check_sample_positions, _positions, lambda a, b, ac: _positions(a, b, not ac)),
    (ch04.check_nearest_as_conv_transpose, lambda C, s: torch.ones(C, 1, s, s),
     lambda C, s: torch.ones(C, 1, s, s) / s),
]


test_every_check_is_tested, test_check_passes_right_and_fails_wrong_answers = \
    grading_tests(ch04, CHECKS)


@pytest.mark.parametrize("scale, bilinear, align_corners", [(2, 0, 0), (3, 1, 0), (2, 1, 1)])
def test_upsampling_drawer_resizes_as_torch(fig, scale, bilinear, align_corners):
    x = np.random.default_rng(0).standard_normal((3, 4))
    big = ch04.draw_upsampling(fig, scale, bilinear, align_corners, x=x)
    kw = dict(mode="bilinear", align_corners=bool(align_corners)) if bilinear else {}
    x = torch.from_numpy(x)
    utils.assert_matches_torch(big, F.interpolate(x[None, None], scale_factor=scale, **kw)[0, 0])
