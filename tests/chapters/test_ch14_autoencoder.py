"""Chapter 14's module: its checks grade right and wrong answers; its drawers and the latent
path do what they say."""

import numpy as np
import pytest
import torch

import utils
from tests.helpers import grading_tests
from utils.chapters import ch14_autoencoder as ch14

TAPS = {"convT k4": 16, "convT k3": 9, "resize-conv": 9, "sub-pixel": 36}

CHECKS = [
    (ch14.check_phase_means, utils.phase_means,
     lambda x, p: x[:, ::p, ::p].mean() * np.ones((p, p))),  # only phase (0, 0)
    (ch14.check_upsampling_weights, lambda kind, c: TAPS[kind] * c * c,
     lambda kind, c: 9 * c * c),  # every layer counted as one 3x3 convolution
]

test_every_check_is_tested, test_check_passes_right_and_fails_wrong_answers = \
    grading_tests(ch14, CHECKS)


def test_rows_drawer_shows_every_image(fig):
    rows = [np.zeros((3, 1, 8, 8)), np.ones((3, 8, 8))]
    axes = ch14.draw_rows(fig, rows, ["a", "b"])
    assert axes.shape == (2, 3) and axes[1, 0].get_ylabel() == "b"
    assert np.array_equal(axes[1, 2].get_images()[0].get_array(), np.ones((8, 8)))


def test_decode_path_runs_from_a_to_b():
    torch.manual_seed(0)
    ae = utils.Autoencoder("resize-conv")
    a, b = utils.photo_patches(2, seed=3)
    decoded, pixels = ch14.decode_path(ae, a, b, steps=5)
    assert decoded.shape == pixels.shape == (5, 32, 32)
    np.testing.assert_allclose(pixels[0], a[0])
    np.testing.assert_allclose(pixels[-1], b[0])
    np.testing.assert_allclose(pixels[2], (a[0] + b[0]) / 2, atol=1e-6)
    with torch.no_grad():
        ends = ae(torch.from_numpy(np.stack([a, b]))).clamp(0, 1)[:, 0].numpy()
    np.testing.assert_allclose(decoded[[0, -1]], ends, atol=1e-5)


def test_latent_path_drawer_refuses_a_step_off_the_path(fig):
    ae = utils.Autoencoder("sub-pixel")
    a, b = utils.photo_patches(2, seed=0)
    with pytest.raises(ValueError, match="t must be in"):
        ch14.draw_latent_path(fig, ae, a, b, t=9, steps=9)
    assert ch14.draw_latent_path(fig, ae, a, b, t=3, steps=9).shape == (32, 32)
