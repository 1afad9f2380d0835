"""The DCGAN builders keep the size arithmetic of chapters 03 and 09, the training loop runs and
is seeded, and the scores agree with hand computations and with scipy."""

import numpy as np
import pytest
import torch
from scipy.linalg import sqrtm
from torch import nn

import utils


@pytest.mark.parametrize("kind", utils.UPSAMPLERS)
@pytest.mark.parametrize("size", [8, 16, 32])
def test_generator_and_discriminator_shapes(kind, size):
    g = utils.dcgan_generator(kind, latent=8, width=4, size=size, channels=3)
    y = g(torch.randn(2, 8, 1, 1))
    assert y.shape == (2, 3, size, size) and y.abs().max() <= 1
    d = utils.dcgan_discriminator(width=4, size=size, channels=3)
    assert d(y).shape == (2,)


def test_generator_sizes_follow_the_transposed_convolution_arithmetic():
    g = utils.dcgan_generator("convT k4", latent=16, width=8, size=32)
    shapes = dict(utils.output_shapes(g, torch.zeros(1, 16, 1, 1)))
    size = 1
    convs = [m for m in g.modules() if isinstance(m, nn.ConvTranspose2d)]
    assert [(c.kernel_size[0], c.stride[0], c.padding[0]) for c in convs] == \
        [(4, 1, 0)] + [(4, 2, 1)] * 3
    for conv in convs:
        size = utils.conv_transpose_output_size(size, conv.kernel_size[0], conv.stride[0],
                                                conv.padding[0])
        assert shapes[conv] == (conv.out_channels, size, size)
    assert size == 32 and [c.out_channels for c in convs] == [32, 16, 8, 1]


def test_discriminator_sizes_follow_the_convolution_arithmetic():
    d = utils.dcgan_discriminator(width=8, size=32)
    shapes = dict(utils.output_shapes(d, torch.zeros(2, 1, 32, 32)))
    size = 32
    for conv in [m for m in d.modules() if isinstance(m, nn.Conv2d)]:
        size = utils.conv_output_size(size, conv.kernel_size[0], conv.stride[0], conv.padding[0])
        assert shapes[conv] == (conv.out_channels, size, size)
    assert size == 1
    assert not any(isinstance(m, (nn.MaxPool2d, nn.AvgPool2d)) for m in d.modules())
    slopes = {m.negative_slope for m in d.modules() if isinstance(m, nn.LeakyReLU)}
    assert slopes == {0.2}
    assert sum(isinstance(m, nn.BatchNorm2d) for m in d.modules()) == 2  # not after the first


@pytest.mark.parametrize("kwargs", [dict(kind="deconv"), dict(size=12), dict(size=4),
                                    dict(latent=0), dict(width=2.5)])
def test_generator_refuses_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        utils.dcgan_generator(**kwargs)
    if "kind" not in kwargs and "latent" not in kwargs:
        with pytest.raises(ValueError):
            utils.dcgan_discriminator(**kwargs)


def test_latents_are_seeded():
    assert torch.equal(utils.latents(5, 7, seed=3), utils.latents(5, 7, seed=3))
    assert not torch.equal(utils.latents(5, 7, seed=3), utils.latents(5, 7, seed=4))
    assert utils.latents(5, 7).shape == (5, 7, 1, 1)


def test_fit_gan_runs_is_seeded_and_snapshots():
    x = np.random.default_rng(0).uniform(-1, 1, (40, 1, 8, 8)).astype(np.float32)
    runs = []
    for _ in range(2):
        torch.manual_seed(0)
        g = utils.dcgan_generator(latent=4, width=4, size=8)
        d = utils.dcgan_discriminator(width=4, size=8)
        runs.append(utils.fit_gan(g, d, x, steps=6, batch_size=8, snapshot_every=3,
                                  snapshot_latents=utils.latents(2, 4)))
    h = runs[0]
    assert len(h["d"]) == len(h["g"]) == 6 and np.isfinite(h["d"] + h["g"]).all()
    assert h["d"] == runs[1]["d"] and h["g"] == runs[1]["g"]
    assert [s for s, _ in h["snapshots"]] == [0, 3, 6]
    assert h["snapshots"][-1][1].shape == (2, 1, 8, 8)
    assert not g.training and not d.training
    with pytest.raises(ValueError):
        utils.fit_gan(g, d, x, steps=0)
    with pytest.raises(ValueError):
        utils.fit_gan(g, d, x, steps=1, real_label=1.5)


def test_inception_score_by_hand_and_its_bounds():
    p = np.array([[0.9, 0.1], [0.2, 0.8]])
    marginal = p.mean(0)
    by_hand = np.exp(np.mean([sum(r * np.log(r / marginal)) for r in p]))
    assert utils.inception_score(p) == pytest.approx(by_hand, rel=1e-12)
    assert utils.inception_score(np.eye(7)) == pytest.approx(7)
    assert utils.inception_score(np.eye(7)[[0, 0, 0]]) == pytest.approx(1)
    rng = np.random.default_rng(0)
    for _ in range(20):
        k = int(rng.integers(2, 12))
        score = utils.inception_score(rng.dirichlet([0.3] * k, int(rng.integers(1, 50))))
        assert 1 - 1e-9 <= score <= k + 1e-9
    for bad in (np.ones(3) / 3, np.array([[0.5, 0.6]]), np.array([[1.5, -0.5]])):
        with pytest.raises(ValueError):
            utils.inception_score(bad)


def _frechet_scipy(a, b):
    cov_a, cov_b = np.atleast_2d(np.cov(a, rowvar=False)), np.atleast_2d(np.cov(b, rowvar=False))
    return ((a.mean(0) - b.mean(0)) ** 2).sum() + np.trace(
        cov_a + cov_b - 2 * sqrtm(cov_a @ cov_b).real)


@pytest.mark.parametrize("d", [1, 2, 6, 20])
def test_frechet_distance_matches_the_sqrtm_formula(d):
    rng = np.random.default_rng(d)
    a = rng.standard_normal((300, d)) @ rng.standard_normal((d, d))
    b = rng.standard_normal((200, d)) * 2 + 1
    assert utils.frechet_distance(a, b) == pytest.approx(_frechet_scipy(a, b), rel=1e-7)
    assert utils.frechet_distance(a, a) == pytest.approx(0, abs=1e-8)
    assert utils.frechet_distance(b, b + 3) == pytest.approx(9 * d, rel=1e-9)


def test_frechet_distance_refuses_mismatched_features():
    with pytest.raises(ValueError):
        utils.frechet_distance(np.zeros((5, 3)), np.zeros((5, 4)))
    with pytest.raises(ValueError):
        utils.frechet_distance(np.zeros((1, 3)), np.zeros((5, 3)))


def test_nearest_distances_are_brute_force_ones():
    rng = np.random.default_rng(0)
    q, r = rng.random((7, 1, 4, 4)), rng.random((11, 1, 4, 4))
    brute = [min(np.linalg.norm(a - b) for b in r) for a in q]
    np.testing.assert_allclose(utils.nearest_distances(q, r), brute, rtol=1e-9)
    np.testing.assert_allclose(utils.nearest_distances(r[:3], r), 0, atol=1e-6)  # copies
    _, index = utils.nearest_distances(q, r, return_index=True)
    np.testing.assert_allclose(np.linalg.norm((q - r[index]).reshape(7, -1), axis=1), brute)
    with pytest.raises(ValueError):
        utils.nearest_distances(q, r[:, :, :2])


def test_classifier_outputs_and_the_16_pixel_digits_cnn():
    torch.manual_seed(0)
    net = utils.digits_cnn(size=16).eval()
    x = np.random.default_rng(0).random((7, 1, 16, 16)).astype(np.float32)
    probs, feats = utils.classifier_outputs(net, x, batch_size=3)
    assert probs.shape == (7, 10) and feats.shape == (7, 64 * 2 * 2)
    np.testing.assert_allclose(probs.sum(1), 1, rtol=1e-6)
    with torch.no_grad():
        np.testing.assert_allclose(probs, torch.softmax(net(torch.from_numpy(x)), 1).numpy(),
                                   rtol=1e-5, atol=1e-7)
    assert utils.count_params(utils.digits_cnn()) == 16 * 26 + 32 * 401 + 64 * 289 + 650
    with pytest.raises(ValueError):
        utils.digits_cnn(size=12)


def test_digits_resized_to_16():
    small, big = utils.digits(), utils.digits(size=16)
    assert big.x_train.shape == (1437, 1, 16, 16) and big.x_train.dtype == np.float32
    assert 0 <= big.x_train.min() and big.x_train.max() <= 1
    assert np.array_equal(small.y_train, big.y_train)
    assert np.array_equal(utils.digits(size=8).x_test, small.x_test)
    shrunk = utils.digits(size=4).x_train
    assert shrunk.shape[-2:] == (4, 4)
    bilinear = torch.nn.functional.interpolate(torch.from_numpy(small.x_test), scale_factor=2,
                                               mode="bilinear", align_corners=False)
    np.testing.assert_allclose(big.x_test, bilinear.numpy(), atol=1e-6)
    with pytest.raises(ValueError):
        utils.digits(size=1)


def test_resize_conv_generator_makes_no_checkerboard_from_a_flat_map():
    torch.manual_seed(0)
    z = utils.latents(16, 8)
    flat = {kind: utils.generator_flat_std(utils.dcgan_generator(kind, latent=8, width=8), z)
            for kind in ("convT k4", "convT k3", "resize-conv")}
    assert flat["resize-conv"] < 1e-6
    assert flat["convT k4"] > 1e-5 and flat["convT k3"] > 1e-5  # 10x above the resize bound


def test_weights_start_as_in_dcgan():
    torch.manual_seed(0)
    for net in (utils.dcgan_generator(width=32), utils.dcgan_discriminator(width=32)):
        convs = [m for m in net.modules() if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d))]
        weights = torch.cat([m.weight.flatten() for m in convs])
        assert abs(weights.std().item() - 0.02) < 0.002 and abs(weights.mean().item()) < 0.002
        assert all(m.bias is None or not m.bias.any() for m in convs)
        norms = [m for m in net.modules() if isinstance(m, nn.BatchNorm2d)]
        assert all(abs(m.weight.mean().item() - 1) < 0.02 and not m.bias.any() for m in norms)


def test_fit_gan_one_cycle_ends_near_zero_learning_rate():
    x = np.zeros((8, 1, 8, 8), np.float32)
    torch.manual_seed(0)
    g, d = utils.dcgan_generator(latent=4, width=4, size=8), utils.dcgan_discriminator(4, 8)
    before = [p.detach().clone() for p in g.parameters()]
    h = utils.fit_gan(g, d, x, steps=5, batch_size=4, lr=1e-3, one_cycle=True)
    assert np.isfinite(h["g"]).all()
    assert any(not torch.equal(a, b) for a, b in zip(before, g.parameters()))
