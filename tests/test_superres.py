"""The super-resolution nets' shapes and head arithmetic, the pairs they learn from (against the
NumPy ``interpolate``), the scores (against skimage), and a tiny training run."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from skimage.metrics import peak_signal_noise_ratio, structural_similarity

import utils


@pytest.mark.parametrize("scale", [2, 3])
@pytest.mark.parametrize("build", [utils.espcn, utils.FSRCNN,
                                   lambda s: utils.FSRCNN(s, skip=False)])
def test_nets_upscale_by_their_scale(build, scale):
    net = build(scale)
    for h, w in [(1, 1), (5, 7), (16, 16)]:
        assert net(torch.rand(2, 1, h, w)).shape == (2, 1, scale * h, scale * w)


@pytest.mark.parametrize("scale", [2, 3, 4])
def test_fsrcnn_head_arithmetic(scale):
    head = utils.FSRCNN(scale).head
    k, s, p = head.kernel_size[0], head.stride[0], head.padding[0]
    assert (k, s, p) == (3 * scale, scale, scale)
    for h in (1, 4, 9):
        assert utils.conv_transpose_output_size(h, k, s, p) == scale * h
        assert head(torch.zeros(1, head.in_channels, h, h + 1)).shape[-2:] == \
            (scale * h, scale * (h + 1))


def test_fsrcnn_with_skip_starts_as_bicubic():
    """Dong et al.'s head, σ = 1e-3 and no bias, keeps the untrained net within a few 1e-3 of
    bicubic; with σ = 0 it is bicubic exactly; without the skip it is not near it at all."""
    torch.manual_seed(0)
    x = torch.rand(2, 1, 9, 11)
    bicubic = F.interpolate(x, scale_factor=3, mode="bicubic")
    net = utils.FSRCNN(3)
    assert net.head.weight.std().item() == pytest.approx(1e-3, rel=0.1)
    assert torch.equal(net.head.bias, torch.zeros(1))
    with torch.no_grad():
        assert 0 < (net(x) - bicubic).abs().max() < 0.02
        assert torch.equal(utils.FSRCNN(3, head_std=0)(x), bicubic)
        assert (utils.FSRCNN(3, skip=False)(x) - bicubic).abs().max() > 0.1


@pytest.mark.parametrize("scale", [2, 3])
def test_shrink_is_antialiased_bicubic_clipped(scale):
    hr = np.random.default_rng(0).random((2, 1, 12, 17)).astype(np.float64)
    ours = utils.interpolate(hr, size=(12 // scale, 17 // scale), mode="bicubic", antialias=True)
    lr = utils.shrink(torch.from_numpy(hr), scale)
    utils.assert_matches_torch(np.clip(ours, 0, 1), lr)
    edge = np.zeros((1, 1, 12, 12))
    edge[..., 6:] = 1  # a sharp edge: the antialiased kernel overshoots it, shrink clips
    raw = utils.interpolate(edge, size=(12 // scale,) * 2, mode="bicubic", antialias=True)
    assert raw.min() < 0 and raw.max() > 1
    utils.assert_matches_torch(np.clip(raw, 0, 1), utils.shrink(torch.from_numpy(edge), scale))


def test_pairs_crop_to_multiples_of_the_scale():
    hr = np.random.default_rng(1).random((3, 1, 10, 11)).astype(np.float32)
    lr, cropped = utils.sr_pairs(hr, 3)
    assert lr.shape == (3, 1, 3, 3) and cropped.shape == (3, 1, 9, 9)
    assert np.array_equal(cropped.numpy(), hr[..., :9, :9])
    assert torch.equal(lr, utils.shrink(cropped, 3))


def test_bicubic_upscale_and_upscale_clip_to_the_unit_range():
    lr = torch.zeros(1, 1, 6, 6)
    lr[..., 3:] = 1  # an edge: bicubic overshoots it
    raw = F.interpolate(lr, scale_factor=2, mode="bicubic")
    assert raw.min() < 0 and raw.max() > 1
    assert torch.equal(utils.bicubic_upscale(lr, 2), raw.clamp(0, 1))
    net = utils.FSRCNN(2, head_std=0)  # exactly bicubic
    out = utils.upscale(net, lr[0, 0].numpy())
    assert isinstance(out, np.ndarray) and out.shape == (12, 12)
    assert np.array_equal(out, raw.clamp(0, 1)[0, 0].numpy())
    assert utils.upscale(net, lr.repeat(3, 1, 1, 1)).shape == (3, 1, 12, 12)


def test_psnr_ssim_are_skimage_s_after_the_shave():
    rng = np.random.default_rng(2)
    truth = rng.random((30, 40))
    guess = np.clip(truth + 0.05 * rng.standard_normal(truth.shape), 0, 1)
    psnr, ssim = utils.psnr_ssim(truth, guess, shave=3)
    inner = (slice(3, -3), slice(3, -3))
    mse = np.mean((truth[inner] - guess[inner]) ** 2)
    assert psnr == pytest.approx(10 * np.log10(1 / mse))
    assert psnr == pytest.approx(peak_signal_noise_ratio(truth[inner], guess[inner],
                                                         data_range=1))
    assert ssim == pytest.approx(structural_similarity(truth[inner], guess[inner],
                                                       data_range=1))
    assert utils.psnr_ssim(truth, truth)[1] == pytest.approx(1.0)


def test_outputs_and_scores_of_an_untrained_skip_net_are_bicubic_s():
    outputs = utils.sr_outputs({"net": utils.FSRCNN(2)}, 2, photos=("coins",))
    assert list(outputs) == ["coins"] and list(outputs["coins"]) == ["truth", "bicubic", "net"]
    lr, hr = utils.sr_pairs(utils.photo("coins")[None, None], 2)
    assert np.array_equal(outputs["coins"]["truth"], hr[0, 0].numpy())
    up = utils.bicubic_upscale(lr, 2)[0, 0].numpy()
    assert np.array_equal(outputs["coins"]["bicubic"], up)
    assert np.allclose(outputs["coins"]["net"], up, atol=0.02)
    scores = utils.sr_scores(outputs, shave=2)
    assert list(scores["coins"]) == ["bicubic", "net"]
    expected = peak_signal_noise_ratio(hr[0, 0, 2:-2, 2:-2].numpy(), up[2:-2, 2:-2],
                                       data_range=1)
    assert scores["coins"]["bicubic"][0] == pytest.approx(expected)
    assert scores["coins"]["net"] == pytest.approx(scores["coins"]["bicubic"], abs=0.05)


@pytest.mark.parametrize("build", [utils.espcn, lambda s: utils.FSRCNN(s, skip=False),
                                   utils.FSRCNN], ids=["espcn", "FSRCNN", "FSRCNN+skip"])
def test_a_tiny_training_run(build):
    """From a random start the loss falls fast; from bicubic (the skip, a tiny head) the head
    starts to learn and the loss stays at bicubic's."""
    torch.manual_seed(0)
    lr, hr = utils.sr_pairs(utils.photo_patches(64, size=24, seed=0), 2)
    net = build(2)
    start = [p.detach().clone() for p in net.parameters()][-2]  # the last layer's weight
    with torch.no_grad():
        before = F.l1_loss(net(lr), hr).item()
    utils.fit(net, utils.random_batches(lr, hr, 8, seed=0), steps=60, lr=3e-3,
              loss_fn=F.l1_loss, one_cycle=True)
    with torch.no_grad():
        after = F.l1_loss(net(lr), hr).item()
    if getattr(net, "skip", False):
        moved = (net.head.weight - start).abs().max().item()
        assert moved > 3e-3 and after < 1.01 * before, (moved, before, after)
    else:
        assert after < 0.5 * before, (before, after)
