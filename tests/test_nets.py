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
