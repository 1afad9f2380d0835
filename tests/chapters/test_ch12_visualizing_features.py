"""Chapter 12's module: its checks grade right and wrong answers; its drawers draw the units."""

import numpy as np
import pytest
import torch

import utils
from tests.helpers import grading_tests
from utils.chapters import ch12_visualizing_features as ch12


def _top_k(a, k, reverse=False):
    strongest = a.reshape(a.shape[0], a.shape[1], -1).max(2)
    order = np.argsort(strongest if reverse else -strongest, axis=0, kind="stable")
    return order[:k].T


def _deconv_step(h, switches, size, w, p, rectify=True):
    up = utils.max_unpool2d(h, switches, 2, output_size=size)
    return utils.conv_transpose2d(np.maximum(up, 0) if rectify else up, w, padding=p)


def _to_pixels(drops, size, average=True):
    kernel = np.ones((1, 1, size, size))
    total = utils.conv_transpose2d(drops[None, None], kernel)[0, 0]
    return total / (utils.conv_transpose2d(np.ones((1, 1) + drops.shape), kernel)[0, 0]
                    if average else size * size)


CHECKS = [
    (ch12.check_top_k, _top_k, lambda a, k: _top_k(a, k, reverse=True)),
    (ch12.check_deconv_step, _deconv_step,
     lambda h, s, size, w, p: _deconv_step(h, s, size, w, p, rectify=False)),
    (ch12.check_occlusion_to_pixels, _to_pixels,
     lambda d, s: _to_pixels(d, s, average=False)),
]

test_every_check_is_tested, test_check_passes_right_and_fails_wrong_answers = \
    grading_tests(ch12, CHECKS)


@pytest.fixture(scope="module")
def stages_and_images():
    torch.manual_seed(0)
    return utils.conv_stages(utils.digits_cnn()), utils.digits().x_test[:50].astype(np.float64)


def test_top_projections_are_the_strongest_images_projected(stages_and_images):
    stages, images = stages_and_images
    top, proj = ch12.top_projections(stages, images, 2, 3, k=9)
    records = utils.forward_with_switches(stages, images)
    strongest = records[1][2][:, 3].reshape(50, -1).max(1)
    assert list(top) == list(np.argsort(-strongest, kind="stable")[:9])
    utils.assert_matches_torch(proj, utils.project_unit(stages, records, 2, 3)[top])


def test_unit_drawer_draws_nine_of_each(fig, stages_and_images):
    stages, images = stages_and_images
    proj = ch12.draw_unit(fig, stages, images, layer=1, channel=2)
    assert proj.shape == (9, 1, 8, 8) and len(fig.axes) == 2


def test_occlusion_drawer_titles_the_lowest_probability(fig):
    maps = [np.full((6, 6), 0.9), np.linspace(0, 1, 36).reshape(6, 6)]
    axes = ch12.draw_occlusion(fig, np.zeros((2, 8, 8)), maps, [3, 4])
    assert axes[1, 0].get_title() == "min p = 0.90" and axes[1, 1].get_title() == "min p = 0.00"
