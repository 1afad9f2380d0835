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


def test_random_batches_are_seeded_rows_of_the_arrays():
    x, y = np.arange(20.0).reshape(10, 2), np.arange(10)
    a, b = utils.random_batches(x, y, 4, seed=1), utils.random_batches(x, y, 4, seed=1)
    (xa, ya), (xb, yb) = a(0), b(0)
    assert torch.equal(xa, xb) and torch.equal(ya, yb) and torch.equal(xa[:, 0] / 2, ya.double())
    with pytest.raises(ValueError, match="rows"):
        utils.random_batches(x, y[:3], 4)
