"""Chapter 08's module: its checks grade right and wrong answers; its stamps are torch's."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

import utils
from tests.helpers import grading_tests
from utils.chapters import ch08_transposed_conv as ch08


def _scatter(y, w, s, p):
    return utils.conv_transpose1d(y[None, None], w[None, None], stride=s, padding=p)[0, 0]


CHECKS = [
    (ch08.check_transposed_output_size, lambda i, k, s, p, a: (i - 1) * s + k - 2 * p + a,
     lambda i, k, s, p, a: i * s + k - 2 * p + a),
    (ch08.check_conv_transpose1d_scatter, _scatter,
     lambda y, w, s, p: _scatter(y, w[::-1].copy(), s, p)),  # the kernel flipped
    (ch08.check_min_norm_solution, lambda C, y: np.linalg.lstsq(C, y, rcond=None)[0],
     lambda C, y: C.T @ y),  # the transpose is not the inverse
]


test_every_check_is_tested, test_check_passes_right_and_fails_wrong_answers = \
    grading_tests(ch08, CHECKS)


@pytest.mark.parametrize("s, p, a", [(1, 0, 0), (2, 0, 1), (2, 1, 0), (3, 1, 2)])
def test_stamps_drawer_adds_up_to_conv_transpose2d(fig, s, p, a):
    y, w = np.arange(1.0, 10).reshape(3, 3), np.arange(1.0, 10).reshape(3, 3) / 9
    out = ch08.draw_stamps(fig, y, w, stride=s, padding=p, output_padding=a)
    ref = F.conv_transpose2d(torch.from_numpy(y)[None, None], torch.from_numpy(w)[None, None],
                             stride=s, padding=p, output_padding=a)[0, 0]
    utils.assert_matches_torch(out, ref)


def test_stamps_drawer_adds_only_the_first_steps(fig):
    y = np.arange(1.0, 5).reshape(2, 2)
    out = ch08.draw_stamps(fig, y, np.ones((2, 2)), stride=2, steps=1)
    assert out.sum() == 4 and out[:2, :2].sum() == 4  # the first value's stamp, alone


def test_transposed_conv_explorer_has_a_slider_per_argument():
    sliders = [w.description for w in ch08.explore_transposed_conv().children[:-1]]
    assert sliders == ["kernel_size", "stride", "padding", "output_padding"]


def test_every_tour_setting_draws_and_an_impossible_output_padding_is_capped(fig):
    """The website's tour and the explorer share ``draw_setting``; every stop of the tour is a
    valid layer, and a slider at output_padding ≥ stride draws stride − 1 instead of failing."""
    for k, s, p, a in ch08.TOUR:
        fig.clear()
        out = ch08.draw_setting(fig, k, s, p, a)
        assert out.shape == (utils.conv_transpose_output_size(3, k, s, p, a),) * 2
    fig.clear()
    capped = ch08.draw_setting(fig, 3, 1, 0, 2)
    assert capped.shape == (5, 5) and "output_padding=0" in fig._suptitle.get_text()
