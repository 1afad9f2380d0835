"""Small networks that the chapters build on and compare: segmentation nets (full resolution,
encoder–decoder, FCN, DeconvNet, SegNet), and a digit classifier in Zeiler & Fergus's
conv → ReLU → max-pool stages."""

import numpy as np
import torch
from torch import nn

__all__ = ["full_resolution_net", "downsampling_net", "encoder_decoder", "digits_cnn",
           "sliding_window_net", "bilinear_kernel", "FCN", "SwitchDecoderNet", "plain_decoder_net"]


def full_resolution_net(width=32, depth=4, in_channels=3, classes=2, kernel_size=3):
    """``depth`` × (Conv k×k, padding='same' → ReLU) at full resolution, then a 1×1 conv to
    class scores: (N, in_channels, H, W) → (N, classes, H, W)."""
    layers, c = [], in_channels
    for _ in range(depth):
        layers += [nn.Conv2d(c, width, kernel_size, padding="same"), nn.ReLU()]
        c = width
    return nn.Sequential(*layers, nn.Conv2d(c, classes, 1))


def downsampling_net(width=32, depth=4, in_channels=3, classes=2, kernel_size=3):
    """The same convolutions, but a 2×2 max-pool after every second one; the class scores are
    upsampled back at the end (nearest neighbour): (N, C, H, W) → (N, classes, H, W), with
    H and W divisible by 2^(depth // 2)."""
    layers, c = [], in_channels
    for i in range(depth):
        layers += [nn.Conv2d(c, width, kernel_size, padding="same"), nn.ReLU()]
        c = width
        if i % 2 == 1:
            layers.append(nn.MaxPool2d(2))
    return nn.Sequential(*layers, nn.Conv2d(c, classes, 1),
                         nn.Upsample(scale_factor=2 ** (depth // 2)))


def encoder_decoder(width=16, depth=3, in_channels=3, classes=2):
    """Shrink, then restore: ``depth`` × (Conv 3×3 → ReLU → MaxPool 2×2) halve the size while
    the channels double, then ``depth`` × (ConvTranspose k=4, s=2, p=1 → ReLU) double it back
    (the symmetric rule k = 2s, p = s/2), and a 1×1 conv gives class scores.
    (N, in_channels, H, W) → (N, classes, H, W), H and W divisible by 2^depth."""
    widths = [width * 2**i for i in range(depth)]
    encoder, c = [], in_channels
    for w in widths:
        encoder += [nn.Conv2d(c, w, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]
        c = w
    decoder = []
    for w in reversed(widths):
        decoder += [nn.ConvTranspose2d(c, w, 4, stride=2, padding=1), nn.ReLU()]
        c = w
    return nn.Sequential(*encoder, *decoder, nn.Conv2d(c, classes, 1))


def digits_cnn(widths=(16, 32, 64), kernels=(5, 5, 3), classes=10, size=8):
    """Three stages of (Conv k×k, 'same' padding → ReLU → MaxPool 2×2), then a linear layer:
    (N, 1, size, size) → (N, classes), ``size`` a multiple of 2^len(widths). Every ReLU is its own
    ``nn.ReLU`` module (not in place), so that the reverse-pass rules of ``relu_rule`` can hook
    each one. Everything before the linear layer, ``net[:-1]``, gives the features."""
    if not isinstance(size, int) or size < 1 or size % 2 ** len(widths):
        raise ValueError(f"size must be a positive multiple of {2 ** len(widths)}, got {size!r}")
    layers, c = [], 1
    for w, k in zip(widths, kernels):
        layers += [nn.Conv2d(c, w, k, padding=k // 2), nn.ReLU(), nn.MaxPool2d(2)]
        c = w
    side = size // 2 ** len(widths)
    return nn.Sequential(*layers, nn.Flatten(), nn.Linear(c * side * side, classes))


def sliding_window_net(patch=11, hidden=32, in_channels=3, classes=2):
    """Chapter 01's per-pixel classifier of P×P patches, written as the convolutions it equals:
    Conv P×P (hidden) → ReLU → Conv 1×1 (classes), (N, C, H, W) → (N, classes, H, W)."""
    return nn.Sequential(nn.Conv2d(in_channels, hidden, patch, padding=patch // 2), nn.ReLU(),
                         nn.Conv2d(hidden, classes, 1))


def bilinear_kernel(channels, kernel_size):
    """The weight (C, C, k, k) that makes ``ConvTranspose2d(C, C, k, stride=k // 2,
    padding=k // 4)`` upsample each channel bilinearly (Long et al.'s initialisation): a tent
    per channel, zero across channels.

    >>> bilinear_kernel(1, 4)[0, 0, 0]
    tensor([0.0625, 0.1875, 0.1875, 0.0625])
    """
    factor = (kernel_size + 1) // 2
    center = factor - 1 if kernel_size % 2 else factor - 0.5
    tent = 1 - np.abs(np.arange(kernel_size) - center) / factor
    w = torch.zeros(channels, channels, kernel_size, kernel_size)
    w[range(channels), range(channels)] = torch.from_numpy(np.outer(tent, tent)).float()
    return w


def _block(c_in, c_out, transposed=False):
    """3×3 (transposed) convolution → batch norm → ReLU, size kept."""
    conv = (nn.ConvTranspose2d if transposed else nn.Conv2d)(c_in, c_out, 3, padding=1)
    return nn.Sequential(conv, nn.BatchNorm2d(c_out), nn.ReLU())


class _Encoder(nn.Module):
    """``len(widths)`` × (block → 2×2 max pool that keeps its switches)."""

    def __init__(self, widths, in_channels):
        super().__init__()
        chans = [in_channels, *widths]
        self.blocks = nn.ModuleList(_block(a, b) for a, b in zip(chans, chans[1:]))
        self.pool = nn.MaxPool2d(2, return_indices=True)

    def forward(self, x):
        """x (N, C, H, W) → the pooled maps of every level, and their switches."""
        maps, switches = [], []
        for block in self.blocks:
            x, idx = self.pool(block(x))
            maps.append(x)
            switches.append(idx)
        return maps, switches


class FCN(nn.Module):
    """Long et al.'s fully convolutional net, scaled down: an encoder, a 1×1 score layer, and
    upsampling by transposed convolutions initialised to bilinear. ``skips=False`` is FCN-32s
    (one ×2^L upsampling of the coarsest scores); ``skips=True`` is FCN-8s (×2, add the scores
    of the level above, ×2, add, ×2). There is no decoder: the upsampling is linear.
    (N, C, H, W) → (N, classes, H, W), H and W divisible by 2^len(widths)."""

    def __init__(self, widths=(16, 32, 64), in_channels=3, classes=2, skips=True):
        super().__init__()
        self.encoder = _Encoder(widths, in_channels)
        self.skips = skips
        self.scores = nn.ModuleList(nn.Conv2d(w, classes, 1) for w in widths)
        steps = len(widths) if skips else 1
        k = 4 if skips else 2 ** (len(widths) + 1)
        self.ups = nn.ModuleList(nn.ConvTranspose2d(classes, classes, k, k // 2, k // 4,
                                                    bias=False) for _ in range(steps))
        for up in self.ups:
            up.weight.data.copy_(bilinear_kernel(classes, k))

    def forward(self, x):
        maps, _ = self.encoder(x)
        y = self.scores[-1](maps[-1])
        if not self.skips:
            return self.ups[0](y)
        for up, score, level in zip(self.ups, self.scores[-2::-1], maps[-2::-1]):
            y = up(y) + score(level)
        return self.ups[-1](y)


class SwitchDecoderNet(nn.Module):
    """An encoder–decoder whose decoder max-unpools through the encoder's switches, mirrored
    level by level: with ``transposed=True`` (and a bottleneck block) Noh et al.'s DeconvNet,
    whose decoder filters are transposed convolutions; with ``transposed=False`` SegNet, whose
    decoder convolves after each unpooling. (N, C, H, W) → (N, classes, H, W)."""

    def __init__(self, widths=(16, 32, 64), in_channels=3, classes=2, transposed=False):
        super().__init__()
        self.encoder = _Encoder(widths, in_channels)
        self.middle = _block(widths[-1], widths[-1]) if transposed else nn.Identity()
        outs = [*widths[-2::-1], widths[0]]
        self.decoder = nn.ModuleList(_block(a, b, transposed)
                                     for a, b in zip([widths[-1], *outs], outs))
        self.unpool = nn.MaxUnpool2d(2)
        self.head = nn.Conv2d(widths[0], classes, 1)

    def forward(self, x):
        maps, switches = self.encoder(x)
        y = self.middle(maps[-1])
        for block, idx in zip(self.decoder, switches[::-1]):
            y = block(self.unpool(y, idx))
        return self.head(y)


def plain_decoder_net(widths=(16, 32, 64), in_channels=3, classes=2):
    """The same encoder and decoder blocks as ``SwitchDecoderNet``, but the decoder upsamples by
    nearest neighbour: what the switches add, measured against the same net without them."""
    net = SwitchDecoderNet(widths, in_channels, classes)
    net.unpool = _NearestUnpool()
    return net


class _NearestUnpool(nn.Module):
    """Stands where max unpooling would: ×2 nearest neighbour, the switches ignored."""

    def forward(self, x, switches):
        return nn.functional.interpolate(x, scale_factor=2)
