"""The shared networks keep the image size, and the training loop and metrics do their job."""

import numpy as np
import pytest
import torch

import utils


@pytest.mark.parametrize("build, sizes", [
    (utils.full_resolution_net, [17, 32, 45]),
    (utils.downsampling_net, [16, 32, 48]),
    (utils.encoder_decoder, [16, 32, 64]),
])
def test_networks_return_one_score_map_per_pixel(build, sizes):
    net = build()
    for size in sizes:
        assert net(torch.zeros(2, 3, size, size)).shape == (2, 2, size, size)


def test_fit_learns_a_trivial_task():
    torch.manual_seed(0)
    model = torch.nn.Conv2d(1, 2, 1)
    x = torch.randn(8, 1, 4, 4)
    y = (x[:, 0] > 0).long()
    losses = utils.fit(model, lambda step: (x, y), steps=100, lr=0.1)
    assert losses[-1] < 0.3 * losses[0]


def test_metrics():
    truth = np.array([[0, 1, 1], [0, 0, 1]])
    assert utils.iou(truth, truth) == 1.0 and utils.pixel_accuracy(truth, truth) == 1.0
    assert utils.iou(1 - truth, truth) == 0.0
    assert utils.iou(np.zeros((2, 2)), np.zeros((2, 2))) == 1.0  # nothing to find, nothing found
    assert utils.pixel_accuracy(np.zeros_like(truth), truth) == 0.5


def test_digits_cnn_gives_ten_scores_and_has_hookable_relus():
    net = utils.digits_cnn()
    assert net(torch.zeros(3, 1, 8, 8)).shape == (3, 10)
    relus = [m for m in net.modules() if isinstance(m, torch.nn.ReLU)]
    assert len(relus) == 3 and not any(m.inplace for m in relus)


def test_one_cycle_training_learns_the_digits():
    torch.manual_seed(0)
    d = utils.digits()
    net = utils.digits_cnn()
    losses = utils.fit(net, utils.random_batches(d.x_train, d.y_train, 64, seed=0), 300,
                       one_cycle=True)
    assert np.mean(losses[-20:]) < 0.3 * np.mean(losses[:20])
    assert utils.accuracy(net, d.x_test, d.y_test) > 0.9
    trained = utils.fit_digits_cnn(d, steps=300)
    assert not trained.training and utils.accuracy(trained, d.x_test, d.y_test) > 0.9


def test_random_batches_are_seeded_rows_of_the_arrays():
    x, y = np.arange(20.0).reshape(10, 2), np.arange(10)
    a, b = utils.random_batches(x, y, 4, seed=1), utils.random_batches(x, y, 4, seed=1)
    (xa, ya), (xb, yb) = a(0), b(0)
    assert torch.equal(xa, xb) and torch.equal(ya, yb) and torch.equal(xa[:, 0] / 2, ya.double())
    with pytest.raises(ValueError, match="rows"):
        utils.random_batches(x, y[:3], 4)


@pytest.mark.parametrize("build", [
    lambda: utils.FCN(classes=4, skips=False), lambda: utils.FCN(classes=4),
    lambda: utils.SwitchDecoderNet(classes=4), lambda: utils.SwitchDecoderNet(classes=4,
                                                                             transposed=True),
    lambda: utils.plain_decoder_net(classes=4), lambda: utils.sliding_window_net(classes=4)])
def test_segmentation_designs_return_one_score_map_per_pixel(build):
    net = build().eval()
    for size in (16, 64, 96):
        assert net(torch.zeros(2, 3, size, size)).shape == (2, 4, size, size)


@pytest.mark.parametrize("k", [4, 16])
def test_bilinear_kernel_upsamples_like_bilinear_interpolation(k):
    up = torch.nn.ConvTranspose2d(3, 3, k, k // 2, k // 4, bias=False)
    up.weight.data.copy_(utils.bilinear_kernel(3, k))
    x = torch.rand(1, 3, 12, 12)
    s = k // 2
    ref = torch.nn.functional.interpolate(x, scale_factor=s, mode="bilinear")
    with torch.no_grad():
        inner = (slice(None), slice(None), slice(s, -s), slice(s, -s))
        torch.testing.assert_close(up(x)[inner], ref[inner])


def test_segnet_unpools_through_the_encoders_switches_and_the_plain_net_does_not():
    torch.manual_seed(0)
    x = torch.rand(1, 3, 32, 32)
    for net, through_switches in [(utils.SwitchDecoderNet(classes=4), True),
                                  (utils.plain_decoder_net(classes=4), False)]:
        net.eval()
        seen = {"switches": [], "up": []}
        net.encoder.pool.register_forward_hook(
            lambda m, a, out, seen=seen: seen["switches"].append(out[1]))
        net.unpool.register_forward_hook(lambda m, a, out, seen=seen: seen["up"].append(out))
        with torch.no_grad():
            net(x)
        first = seen["up"][0]  # the first unpooling: the coarsest level
        nonzero = (first != 0).flatten(2).float().mean().item()
        assert (nonzero <= 0.25) == through_switches
        if through_switches:
            idx = seen["switches"][-1].flatten(2)
            hit = torch.zeros_like(first).flatten(2).scatter_(2, idx, 1.0)
            assert torch.all((first.flatten(2) != 0) <= (hit != 0))


def test_activation_bytes_counts_the_switches_of_a_pool():
    pool = torch.nn.MaxPool2d(2, return_indices=True)
    x = torch.zeros(1, 1, 4, 4)
    assert utils.activation_bytes(pool, x) == 4 * 4 + 4 * 8  # float32 values, int64 switches


def test_class_iou_per_class_and_absent_classes():
    assert utils.class_iou(np.zeros((2, 2)), np.zeros((2, 2)), 3) == [1.0, 1.0, 1.0]
    assert utils.class_iou(np.array([0, 1]), np.array([1, 0]), 2) == [0.0, 0.0]
