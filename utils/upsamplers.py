"""Learned ×2 upsampling layers of four kinds, an autoencoder built from them, and the two
measures of the checkerboard they leave, forwards (``flat_field``) and on any grid
(``phase_spread``), such as the input gradients of a strided network (``input_gradient``).

The kinds, as chapter 10 compared them at initialisation:

- ``"convT k4"``: ``ConvTranspose2d(k=4, s=2, p=1)``, a kernel divisible by the stride;
- ``"convT k3"``: ``ConvTranspose2d(k=3, s=2, p=1, output_padding=1)``, one that is not;
- ``"resize-conv"``: nearest-neighbour ×2, then a 3×3 convolution (Odena et al. 2016);
- ``"sub-pixel"``: a 3×3 convolution to 4× the channels, then a pixel shuffle (Shi et al. 2016).
"""

import numpy as np
import torch
from torch import nn

__all__ = ["UPSAMPLERS", "upsampling_layer", "Autoencoder", "EQUAL_BUDGET_WIDTHS",
           "flat_field", "flat_field_std", "phase_means", "phase_spread", "input_gradient"]

UPSAMPLERS = ("convT k4", "convT k3", "resize-conv", "sub-pixel")


def upsampling_layer(kind, c_in, c_out):
    """A learned ×2 upsampling of ``kind`` (one of ``UPSAMPLERS``): (N, c_in, H, W) →
    (N, c_out, 2H, 2W).

    >>> upsampling_layer("sub-pixel", 3, 5)(torch.zeros(1, 3, 4, 6)).shape
    torch.Size([1, 5, 8, 12])
    """
    if kind == "convT k4":
        return nn.ConvTranspose2d(c_in, c_out, 4, stride=2, padding=1)
    if kind == "convT k3":
        return nn.ConvTranspose2d(c_in, c_out, 3, stride=2, padding=1, output_padding=1)
    if kind == "resize-conv":
        return nn.Sequential(nn.Upsample(scale_factor=2), nn.Conv2d(c_in, c_out, 3, padding=1))
    if kind == "sub-pixel":
        return nn.Sequential(nn.Conv2d(c_in, 4 * c_out, 3, padding=1), nn.PixelShuffle(2))
    raise ValueError(f"kind must be one of {UPSAMPLERS}, got {kind!r}")


# decoder widths that give every kind the same number of weights in its two upsampling layers:
# 16·12² = 9·16² = 36·8² = 2,304 each
EQUAL_BUDGET_WIDTHS = {"convT k4": 12, "convT k3": 16, "resize-conv": 16, "sub-pixel": 8}


class Autoencoder(nn.Module):
    """A convolutional autoencoder for grey images in [0, 1]: the encoder (the same for every
    kind) halves the size twice with strided 4×4 convolutions, (N, 1, H, W) → a code
    (N, code, H/4, W/4); the decoder mirrors it with two ``upsampling_layer``s of ``kind``, at
    ``width`` channels (default: ``EQUAL_BUDGET_WIDTHS[kind]``), back to (N, 1, H, W). H and W
    divisible by 4. The net sees (x − ½)·4, which has about unit spread, and its output is
    scaled back: the same net, trained faster."""

    def __init__(self, kind, code=8, width=None, encoder_width=16):
        super().__init__()
        w, e = width or EQUAL_BUDGET_WIDTHS[kind], encoder_width
        self.encoder = nn.Sequential(
            nn.Conv2d(1, e, 3, padding=1), nn.ReLU(),
            nn.Conv2d(e, e, 4, stride=2, padding=1), nn.ReLU(),
            nn.Conv2d(e, e, 4, stride=2, padding=1), nn.ReLU(),
            nn.Conv2d(e, code, 3, padding=1))
        self.decoder = nn.Sequential(
            nn.Conv2d(code, w, 3, padding=1), nn.ReLU(),
            upsampling_layer(kind, w, w), nn.ReLU(),
            upsampling_layer(kind, w, w), nn.ReLU(),
            nn.Conv2d(w, 1, 3, padding=1))

    def encode(self, x):
        """Images (N, 1, H, W) → codes (N, code, H/4, W/4)."""
        return self.encoder((x - 0.5) * 4)

    def decode(self, z):
        """Codes (N, code, h, w) → images (N, 1, 4h, 4w)."""
        return self.decoder(z) / 4 + 0.5

    def forward(self, x):
        return self.decode(self.encode(x))


def flat_field(model, size=128, value=0.5):
    """What a model draws from nothing: its output for a constant grey image (1, 1, size, size),
    cropped to the central half, where the borders no longer reach: a (size/2, size/2) array
    (for a ×r upsampler, r·size/2). Every spatial variation in it is an artifact."""
    device = next(model.parameters()).device
    with torch.no_grad():
        y = model(torch.full((1, 1, size, size), value, device=device))[0, 0]
    q = y.shape[-1] // 4
    return y[q:-q, q:-q].cpu().numpy()


def flat_field_std(model, size=128, value=0.5):
    """The standard deviation of ``flat_field``: 0 for a model that leaves no pattern."""
    return float(flat_field(model, size, value).std())


def phase_means(images, period):
    """The mean of ``images`` (..., H, W) at each of the period×period phases (pixel positions
    modulo ``period``): a (period, period) array; rows and columns past a multiple of
    ``period`` are left out.

    >>> phase_means(np.arange(16.0).reshape(4, 4), 2)
    array([[ 5.,  6.],
           [ 9., 10.]])
    """
    x = np.asarray(images, dtype=np.float64)
    h, w = x.shape[-2] // period * period, x.shape[-1] // period * period
    x = x[..., :h, :w].reshape(-1, h // period, period, w // period, period)
    return x.mean(axis=(0, 1, 3))


def phase_spread(images, period):
    """Chapter 10's measure of a grid: the standard deviation of ``phase_means``, relative to
    their mean. Images with no grid in them give ≈ 0.

    >>> x = np.ones((2, 4, 4)); x[:, ::2, ::2] = 3
    >>> round(phase_spread(x, 2), 3), phase_spread(np.ones((3, 8, 8)), 4)
    (0.577, 0.0)
    """
    phases = phase_means(images, period)
    return float(phases.std() / abs(phases.mean()))


def input_gradient(model, images):
    """|∂ Σ model(x) / ∂x| for every image of ``images`` (N, C, H, W) at once, as the model stands
    (train or eval mode is the caller's): where the backward pass of strided convolutions, a
    transposed convolution, prints its grid. A tensor of ``images``' shape, on the CPU.

    >>> conv = nn.Conv2d(1, 1, 3, stride=2, padding=1, bias=False)
    >>> _ = nn.init.ones_(conv.weight)
    >>> input_gradient(conv, torch.zeros(1, 1, 4, 4))[0, 0]  # taps reached 1, 2 or 4 times
    tensor([[1., 2., 1., 1.],
            [2., 4., 2., 2.],
            [1., 2., 1., 1.],
            [1., 2., 1., 1.]])
    """
    device = next(model.parameters()).device
    x = torch.as_tensor(images, device=device).detach().clone().requires_grad_()
    (grad,) = torch.autograd.grad(model(x).sum(), x)
    return grad.abs().cpu()
