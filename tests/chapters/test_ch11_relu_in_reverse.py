"""Chapter 11's module: its checks grade right and wrong answers; its drawers show the rules."""

import numpy as np
import pytest
import torch

import utils
from tests.helpers import grading_tests
from utils.chapters import ch11_relu_in_reverse as ch11


def _max_pool_backward(grad, x, last=False):
    xt = torch.from_numpy(x[::-1, ::-1].copy() if last else x)[None, None].requires_grad_(True)
    g = torch.from_numpy(grad[::-1, ::-1].copy() if last else grad)[None, None]
    (back,) = torch.autograd.grad(torch.nn.functional.max_pool2d(xt, 2), xt, g)
    back = back[0, 0].numpy()
    return back[::-1, ::-1] if last else back  # last: ties go to the last maximum


CHECKS = [
    (ch11.check_leaky_relu_backward, lambda g, x, a: np.where(x > 0, g, a * g),
     lambda g, x, a: np.where(x >= 0, g, a * g)),  # x = 0 counted as positive
    (ch11.check_deconvnet_hook, lambda m, gi, go: (go[0].clamp(min=0),),
     lambda m, gi, go: (gi[0].clamp(min=0),)),  # that is guided backprop
    (ch11.check_max_pool_backward, _max_pool_backward,
     lambda g, x: _max_pool_backward(g, x, last=True)),
]

test_every_check_is_tested, test_check_passes_right_and_fails_wrong_answers = \
    grading_tests(ch11, CHECKS)


def test_rules_drawer_returns_the_three_rules(fig):
    rng = np.random.default_rng(0)
    x, g = rng.integers(-3, 4, (3, 4)).astype(float), rng.integers(-3, 4, (3, 4)).astype(float)
    out = ch11.draw_rules(fig, x, g)
    xt = torch.from_numpy(x).requires_grad_(True)
    (grad,) = torch.autograd.grad(torch.relu(xt), xt, torch.from_numpy(g))
    utils.assert_matches_torch(out["backprop"], grad)
    assert np.array_equal(out["deconvnet"], np.maximum(g, 0))
    assert np.array_equal(out["guided"], np.maximum(g, 0) * (x > 0))
    assert len(fig.axes) == 6


def test_maps_drawer_draws_one_row_per_map(fig):
    images = np.zeros((5, 8, 8))
    axes = ch11.draw_maps(fig, images, [np.ones((5, 8, 8)), -np.ones((5, 8, 8))],
                          ["digit", "a", "b"])
    assert axes.shape == (3, 5) and axes[2, 0].get_ylabel() == "b"


@pytest.mark.parametrize("target", [0, 7])
def test_class_maps_drawer_explains_the_chosen_class(fig, target):
    torch.manual_seed(0)
    net = utils.digits_cnn().eval()
    images = utils.digits().x_test[:4]
    maps = ch11.draw_class_maps(fig, net, images, image=2, target=target)
    x = torch.from_numpy(images[2:3])
    for m, rule in zip(maps, utils.RULES):
        utils.assert_matches_torch(m, utils.input_map(net, x, target, rule)[0, 0])
