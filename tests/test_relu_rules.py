"""The three reverse-pass rules of the ReLU, in NumPy, as an autograd Function and as module
hooks, against torch's own gradient and Captum's attribution methods."""

from contextlib import nullcontext

import numpy as np
import pytest
import torch
from captum.attr import Deconvolution, GuidedBackprop, Saliency
from hypothesis import given
from hypothesis import strategies as st
from torch import nn

import utils
from tests.helpers import DTYPES

CAPTUM = {"backprop": (Saliency, {"abs": False}), "deconvnet": (Deconvolution, {}),
          "guided": (GuidedBackprop, {})}


@st.composite
def signals(draw):
    """A forward input and a returning signal of one random shape; small integers give zeros."""
    shape = tuple(draw(st.lists(st.integers(1, 4), min_size=1, max_size=4)))
    rng = np.random.default_rng(draw(st.integers(0, 2**16)))
    dtype = draw(DTYPES)
    make = (lambda: rng.integers(-2, 3, shape)) if draw(st.booleans()) else \
        (lambda: rng.standard_normal(shape))
    return make().astype(dtype), make().astype(dtype)


@given(signals())
def test_backprop_rule_is_the_gradient_of_relu(case):
    x, g = case
    xt = torch.from_numpy(x).requires_grad_(True)
    (ref,) = torch.autograd.grad(torch.relu(xt), xt, torch.from_numpy(g))
    utils.assert_matches_torch(utils.relu_backward(g, x, "backprop"), ref)


@given(signals(), st.sampled_from(utils.RULES))
def test_autograd_function_follows_the_numpy_rule(case, rule):
    x, g = case
    xt = torch.from_numpy(x).requires_grad_(True)
    y = utils.relu_with_rule(xt, rule)
    assert torch.equal(y, torch.relu(xt))
    (grad,) = torch.autograd.grad(y, xt, torch.from_numpy(g))
    ours = utils.relu_backward(g, x, rule)
    assert np.array_equal(ours, grad.numpy()) and ours.dtype == x.dtype


def _trained_like_net(seed):
    torch.manual_seed(seed)
    return utils.digits_cnn().double().eval()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_hooked_backprop_equals_autograd_exactly(seed):
    net = _trained_like_net(seed)
    x = torch.from_numpy(utils.digits().x_test[:16]).double().requires_grad_(True)
    target = torch.arange(16) % 10
    (ref,) = torch.autograd.grad(net(x).gather(1, target[:, None]).sum(), x)
    assert torch.equal(utils.input_map(net, x, target, "backprop"), ref)


@pytest.mark.parametrize("rule", utils.RULES)
@pytest.mark.parametrize("seed", [0, 1])
def test_every_rule_matches_captum(rule, seed):
    net = _trained_like_net(seed)
    x = torch.from_numpy(utils.digits().x_test[:16]).double()
    target = (torch.arange(16) * 3) % 10
    method, kwargs = CAPTUM[rule]
    with pytest.warns(UserWarning, match="hooks") if rule != "backprop" else nullcontext():
        ref = method(net).attribute(x.clone().requires_grad_(True), target=target, **kwargs)
    utils.assert_matches_torch(utils.input_map(net, x, target, rule), ref)


def test_the_hooks_are_gone_after_the_block():
    net = _trained_like_net(0)
    x = torch.from_numpy(utils.digits().x_test[:4]).double().requires_grad_(True)
    with utils.relu_rule(net, "deconvnet"):
        pass
    (after,) = torch.autograd.grad(net(x)[:, 3].sum(), x)
    assert torch.equal(after, utils.input_map(net, x, 3, "backprop"))
    assert not any(m._forward_hooks or m._backward_hooks for m in net.modules())


def test_the_rules_differ_on_a_real_net():
    net = _trained_like_net(0)
    x = torch.from_numpy(utils.digits().x_test[:8]).double()
    maps = [utils.input_map(net, x, 5, rule) for rule in utils.RULES]
    assert not torch.allclose(maps[0], maps[1]) and not torch.allclose(maps[1], maps[2])


@pytest.mark.parametrize("call, error, words", [
    (lambda: utils.relu_backward(np.ones(2), np.ones(2), "zeiler"), ValueError, "rule"),
    (lambda: utils.relu_backward(np.ones(2), np.ones(3)), ValueError, "same shape"),
    (lambda: utils.relu_backward(np.ones(2), np.ones(2, np.float32)), TypeError, "dtype"),
    (lambda: utils.relu_backward(np.ones(2, int), np.ones(2, int)), TypeError, "floating"),
    (lambda: utils.relu_with_rule(torch.ones(2), "guide"), ValueError, "rule"),
    (lambda: utils.relu_rule(nn.Sequential(nn.ReLU(inplace=True)), "guided").__enter__(),
     ValueError, "inplace"),
    (lambda: utils.relu_rule(nn.Linear(2, 2), "guided").__enter__(), ValueError, "nn.ReLU"),
])
def test_bad_arguments_are_refused_clearly(call, error, words):
    with pytest.raises(error, match=words):
        call()
