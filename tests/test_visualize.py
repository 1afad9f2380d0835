"""Zeiler & Fergus's tools in NumPy: the forward pass with switches, the projection of one unit
(against autograd with the deconvnet rule and Captum's Deconvolution), occlusion sensitivity."""

import warnings

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from captum.attr import Deconvolution
from torch import nn

import utils


def _net(seed):
    torch.manual_seed(seed)
    return utils.digits_cnn().double().eval()


@pytest.fixture(scope="module")
def images():
    return utils.digits().x_test[:40].astype(np.float64)


@pytest.mark.parametrize("seed", [0, 1])
def test_forward_pass_and_switches_are_torchs(seed, images):
    net = _net(seed)
    records = utils.forward_with_switches(utils.conv_stages(net), images)
    h = torch.from_numpy(images)
    for n, (size, switches, pooled) in enumerate(records):
        a = net[3 * n + 1](net[3 * n](h))
        h, idx = F.max_pool2d(a, 2, return_indices=True)
        assert size == tuple(a.shape[2:]) and np.array_equal(switches, idx.numpy())
        utils.assert_matches_torch(pooled, h)


class _Unit(nn.Module):
    def __init__(self, net, layer, channel):
        super().__init__()
        self.body, self.channel = net[:3 * layer], channel

    def forward(self, x):
        return self.body(x)[:, self.channel].flatten(1)


@pytest.mark.parametrize("seed, layer, channel", [(0, 1, 0), (0, 2, 7), (1, 3, 40), (2, 2, 31)])
def test_projection_is_the_deconvnet_gradient_times_the_activation(seed, layer, channel, images):
    net = _net(seed)
    stages = utils.conv_stages(net)
    ours = utils.project_unit(stages, utils.forward_with_switches(stages, images), layer, channel)
    unit = _Unit(net, layer, channel)
    x = torch.from_numpy(images)
    strongest, where = unit(x).max(1)
    scale = strongest.detach().reshape(-1, 1, 1, 1)
    with utils.relu_rule(unit, "deconvnet"):
        xg = x.clone().requires_grad_(True)
        (grad,) = torch.autograd.grad(unit(xg).gather(1, where[:, None]).sum(), xg)
    utils.assert_matches_torch(ours, grad * scale)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        captum = Deconvolution(unit).attribute(x, target=where)
    utils.assert_matches_torch(ours, captum * scale)


def test_occlusion_sensitivity_slides_the_square_everywhere():
    image = np.arange(2 * 7 * 6, dtype=float).reshape(2, 7, 6)
    got = utils.occlusion_sensitivity(lambda b: b.sum((1, 2, 3)), image, size=3, stride=2,
                                      fill=-1.0)
    assert got.shape == (3, 2)
    for i in range(3):
        for j in range(2):
            covered = image.copy()
            covered[:, 2 * i:2 * i + 3, 2 * j:2 * j + 3] = -1.0
            assert got[i, j] == covered.sum()


@pytest.mark.parametrize("net, words", [
    (nn.Sequential(nn.Linear(2, 2)), "does not start"),
    (nn.Sequential(nn.Conv2d(1, 2, 3, stride=2), nn.ReLU(), nn.MaxPool2d(2)), "stride-1"),
    (nn.Sequential(nn.Conv2d(1, 2, 3), nn.Tanh(), nn.MaxPool2d(2)), "Conv2d → ReLU"),
])
def test_conv_stages_refuses_other_networks(net, words):
    with pytest.raises(ValueError, match=words):
        utils.conv_stages(net)


@pytest.mark.parametrize("layer, channel, words", [(0, 0, "layer"), (4, 0, "layer"),
                                                   (1, 16, "channel")])
def test_project_unit_refuses_a_unit_that_is_not_there(layer, channel, words, images):
    stages = utils.conv_stages(_net(0))
    with pytest.raises(ValueError, match=words):
        utils.project_unit(stages, utils.forward_with_switches(stages, images[:2]), layer,
                           channel)
