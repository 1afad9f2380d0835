"""Chapter 16's module: its checks grade right and wrong answers; its drawers show what they say."""

import numpy as np
import torch
from scipy.linalg import sqrtm

import utils
from tests.helpers import grading_tests
from utils.chapters import ch16_gan_generator as ch16


def _sizes(size, layers, conv=False):
    out = []
    for k, s, p in layers:
        size = utils.conv_output_size(size, k, s, p) if conv else \
            utils.conv_transpose_output_size(size, k, s, p)
        out.append(size)
    return out


def _kl_mean(probs):  # forgets the exponential
    return np.log(utils.inception_score(probs))


def _frechet_commuting(a, b):  # treats the covariances as if they commuted
    cov_a, cov_b = np.atleast_2d(np.cov(a, rowvar=False)), np.atleast_2d(np.cov(b, rowvar=False))
    cross = (sqrtm(cov_a) @ sqrtm(cov_b)).real
    return ((a.mean(0) - b.mean(0)) ** 2).sum() + np.trace(cov_a + cov_b - 2 * cross)


CHECKS = [
    (ch16.check_transposed_sizes, _sizes, lambda size, layers: _sizes(size, layers, conv=True)),
    (ch16.check_inception_score, utils.inception_score, _kl_mean),
    (ch16.check_frechet_distance, utils.frechet_distance, _frechet_commuting),
]

test_every_check_is_tested, test_check_passes_right_and_fails_wrong_answers = \
    grading_tests(ch16, CHECKS)


def test_inception_check_wants_zeros_handled():
    def naive(p):  # 0·log 0 becomes nan
        return np.exp(np.mean(np.sum(p * np.log(p / p.mean(0)), 1)))

    try:
        with np.errstate(divide="ignore", invalid="ignore"):
            ch16.check_inception_score(naive)
    except ch16.grade.__globals__["ExerciseFailed"]:
        return
    raise AssertionError("a score that is nan on one-hot rows passed")


def test_image_rows_show_each_row(fig):
    rows = [np.random.default_rng(0).random((4, 1, 8, 8)), np.zeros((2, 8, 8))]
    axes = ch16.draw_image_rows(fig, rows, ["a", "b"])
    assert axes.shape == (2,) and axes[1].get_ylabel() == "b"
    strip = np.ma.filled(axes[0].get_images()[0].get_array(), np.nan)
    assert strip.shape == (8, 4 * 9 - 1)
    np.testing.assert_array_equal(strip[:, 18:26], rows[0][2, 0])  # the third image
    assert np.isnan(strip[:, 8]).all()  # a gap
    short = np.ma.filled(axes[1].get_images()[0].get_array(), np.nan)
    assert short.shape == strip.shape and np.isnan(short[:, 18:]).all()  # padded to the width


def test_feature_chain_titles_every_shape(fig):
    g = utils.dcgan_generator(latent=8, width=4).eval()
    axes = ch16.draw_feature_chain(fig, g, utils.latents(1, 8))
    assert [ax.get_title() for ax in axes] == ["8×1×1", "8×4×4", "4×8×8", "1×16×16"]


def test_gradient_phases_average_each_phase(fig):
    g = np.ones((3, 1, 4, 4))
    g[:, :, ::2, ::2] = 5
    axes = ch16.draw_gradient_phases(fig, -g)
    shown = axes[1].get_images()[0].get_array()
    np.testing.assert_allclose(shown, np.array([[5, 1], [1, 1]]) / 2)


def test_interpolation_and_training_frames(fig):
    torch.manual_seed(0)
    g = utils.dcgan_generator(latent=8, width=4, size=8)
    axes = ch16.draw_interpolation(fig, {"g": g, "h": g}, seed_a=0, seed_b=0, steps=3)
    strip = np.ma.filled(axes[0].get_images()[0].get_array(), np.nan)
    np.testing.assert_allclose(strip[:, :8], strip[:, -8:])  # the same seed at both ends
    fig.clear()
    history = {"snapshots": [(0, torch.zeros(2, 1, 8, 8)), (10, torch.ones(2, 1, 8, 8))]}
    axes = ch16.draw_training(fig, {"a": history}, frame=1)
    assert axes.shape == (1,) and fig._suptitle.get_text() == "step 10"
    assert np.nanmin(axes[0].get_images()[0].get_array()) == 1.0


def test_feature_chain_shows_the_channel_most_like_the_image():
    image = torch.zeros(8, 8)
    image[2:6, 3:5] = 1
    maps = torch.rand(5, 4, 4) * 0.1
    maps[3] = torch.nn.functional.avg_pool2d(image[None, None], 2)[0, 0]
    assert ch16._most_like(maps, image) == 3
