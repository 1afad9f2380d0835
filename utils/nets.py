"""Small networks that the chapters build on and compare: segmentation nets, and a digit
classifier in Zeiler & Fergus's conv → ReLU → max-pool stages."""

from torch import nn

__all__ = ["full_resolution_net", "downsampling_net", "encoder_decoder", "digits_cnn"]


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


def digits_cnn(widths=(16, 32, 64), kernels=(5, 5, 3), classes=10):
    """Three stages of (Conv k×k, 'same' padding → ReLU → MaxPool 2×2), then a linear layer:
    (N, 1, 8, 8) → (N, classes). Every ReLU is its own ``nn.ReLU`` module (not in place), so
    that the reverse-pass rules of ``relu_rule`` can hook each one."""
    layers, c = [], 1
    for w, k in zip(widths, kernels):
        layers += [nn.Conv2d(c, w, k, padding=k // 2), nn.ReLU(), nn.MaxPool2d(2)]
        c = w
    return nn.Sequential(*layers, nn.Flatten(), nn.Linear(c, classes))
