"""Size arithmetic against the shapes torch's layers produce, and the cost counters."""

import pytest
import torch
from hypothesis import assume, given
from hypothesis import strategies as st
from torch import nn

import utils

SMALL = st.integers(1, 4)


@given(i=st.integers(1, 30), k=SMALL, s=SMALL, p=st.integers(0, 3), d=st.integers(1, 3))
def test_conv_output_size_matches_conv2d(i, k, s, p, d):
    assume(i + 2 * p >= d * (k - 1) + 1)
    out = nn.Conv2d(1, 1, k, s, p, d)(torch.zeros(1, 1, i, i)).shape[-1]
    assert utils.conv_output_size(i, k, s, p, d) == out


@given(i=st.integers(1, 30), k=SMALL, s=st.one_of(st.none(), SMALL), p=st.integers(0, 2),
       d=st.integers(1, 3), ceil=st.booleans())
def test_pool_output_size_matches_maxpool2d(i, k, s, p, d, ceil):
    assume(2 * p <= k and i + 2 * p >= d * (k - 1) + 1)
    out = nn.MaxPool2d(k, s, p, d, ceil_mode=ceil)(torch.zeros(1, 1, i, i)).shape[-1]
    assert utils.pool_output_size(i, k, s, p, d, ceil_mode=ceil) == out


@given(i=st.integers(1, 30), k=SMALL, s=SMALL, p=st.integers(0, 3), d=st.integers(1, 3))
def test_output_padding_for_restores_the_input_size(i, k, s, p, d):
    assume(i + 2 * p >= d * (k - 1) + 1)
    o = utils.conv_output_size(i, k, s, p, d)
    a = utils.output_padding_for(i, k, s, p, d)
    assume(a < max(s, d))  # what torch accepts
    layer = nn.ConvTranspose2d(1, 1, k, s, p, output_padding=a, dilation=d)
    assert layer(torch.zeros(1, 1, o, o)).shape[-1] == i
    assert utils.conv_transpose_output_size(o, k, s, p, a, d) == i


@pytest.mark.parametrize("layers", [[(3, 1)] * 4, [(3, 1), (2, 2)] * 3, [(5, 2), (3, 1, 2)],
                                    [(7, 2), (3, 2), (3, 1), (3, 2)]])
def test_receptive_field_matches_the_gradient_support(layers):
    """One output pixel's gradient is non-zero exactly on the pixels it can see."""
    assert utils.measured_receptive_field(layers, size=64) == utils.receptive_field(layers)[0]


def test_cost_counters_on_one_conv():
    conv = nn.Conv2d(3, 8, 3, padding=1)
    x = torch.zeros(2, 3, 10, 12)
    assert utils.count_params(conv) == (3 * 9 + 1) * 8
    assert utils.count_macs(conv, x) == 2 * 8 * 10 * 12 * 3 * 9
    assert utils.activation_bytes(conv, x) == 2 * 8 * 10 * 12 * 4
    assert utils.best_time(lambda: None, repeat=2) >= 0


def test_saved_bytes_counts_what_autograd_keeps_once():
    """A conv saves its input, a ReLU its output (which the next conv saves again: one storage),
    a max pool its input and its int64 switches; parameters are not counted."""
    x = torch.zeros(2, 3, 8, 8)
    net = torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3, padding=1), torch.nn.ReLU(),
                              torch.nn.Conv2d(4, 5, 3, padding=1))
    assert utils.saved_bytes(net, x) == 4 * 2 * 64 * (3 + 4)
    assert utils.activation_bytes(net, x) == 4 * 2 * 64 * (4 + 4 + 5)
    pool = torch.nn.MaxPool2d(2, return_indices=True)
    assert utils.saved_bytes(pool, torch.zeros(1, 1, 4, 4, requires_grad=True)) == 4 * 16 + 8 * 4
    assert utils.saved_bytes(torch.nn.Conv2d(3, 4, 1), x) == 4 * x.numel()
