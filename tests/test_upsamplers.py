"""The four ×2 upsampling layers, the autoencoder built from them, and the checkerboard
measures: shapes, the equal weight budget, and that the measures see a grid where one is and
none where none is."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch import nn

import utils


@pytest.mark.parametrize("kind", utils.UPSAMPLERS)
def test_each_kind_doubles_the_size(kind):
    layer = utils.upsampling_layer(kind, 3, 5)
    assert layer(torch.zeros(2, 3, 7, 4)).shape == (2, 5, 14, 8)


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="kind must be one of"):
        utils.upsampling_layer("bicubic", 3, 3)


def test_equal_budget_widths_give_equal_upsampling_weights():
    counts = set()
    for kind, width in utils.EQUAL_BUDGET_WIDTHS.items():
        layer = utils.upsampling_layer(kind, width, width)
        counts.add(sum(p.numel() for n, p in layer.named_parameters() if "weight" in n))
    assert counts == {2304}


@pytest.mark.parametrize("kind", utils.UPSAMPLERS)
def test_autoencoder_shapes_and_code(kind):
    ae = utils.Autoencoder(kind)
    x = torch.rand(3, 1, 32, 32)
    z = ae.encode(x)
    assert z.shape == (3, 8, 8, 8)
    assert ae(x).shape == x.shape
    torch.testing.assert_close(ae.decode(z), ae(x))


def test_a_short_training_lowers_the_error():
    torch.manual_seed(0)
    ae = utils.Autoencoder("resize-conv")
    patches = utils.photo_patches(256, seed=0)
    batches = utils.random_batches(patches, patches, 32, seed=0)
    losses = utils.fit(ae, batches, 60, lr=3e-3, loss_fn=torch.nn.functional.mse_loss)
    assert np.mean(losses[-10:]) < 0.5 * np.mean(losses[:5])


def test_flat_field_is_flat_for_resize_conv_and_not_for_transposed():
    torch.manual_seed(0)
    assert utils.flat_field_std(utils.Autoencoder("resize-conv")) < 1e-6
    torch.manual_seed(0)
    ae = utils.Autoencoder("convT k3")
    field = utils.flat_field(ae, size=64)
    assert field.shape == (32, 32) and field.std() > 1e-5
    assert utils.phase_spread(field, 4) > 1e-4


def test_phase_means_matches_a_torch_reshape():
    x = np.random.default_rng(0).random((3, 12, 8))
    ref = torch.from_numpy(x).reshape(3, 3, 4, 2, 4).mean(dim=(0, 1, 3)).numpy()
    np.testing.assert_allclose(utils.phase_means(x, 4), ref)
    assert utils.phase_means(x[:, :11, :7], 4).shape == (4, 4)  # the ragged edge is left out


def test_phase_spread_sees_a_planted_grid():
    rng = np.random.default_rng(1)
    x = rng.random((50, 16, 16))
    grid = x.copy()
    grid[:, ::4, ::4] += 0.2
    assert utils.phase_spread(grid, 4) > 5 * utils.phase_spread(x, 4)


def test_input_gradient_is_the_backward_of_the_sum_and_leaves_the_model_alone():
    """|∂Σy/∂x| per image, on the model's device, the model's mode untouched; for a strided
    convolution it is the transposed convolution of ones: a checkerboard."""
    torch.manual_seed(0)
    conv = nn.Conv2d(1, 2, 3, stride=2, padding=1)
    x = torch.rand(3, 1, 8, 8)
    g = utils.input_gradient(conv.train(), x.numpy())
    ones = torch.ones(3, 2, 4, 4)
    expected = F.conv_transpose2d(ones, conv.weight, stride=2, padding=1, output_padding=1).abs()
    assert conv.training and g.shape == x.shape
    assert torch.allclose(g, expected.detach())
    assert utils.phase_spread(g, 2) > 0.1
