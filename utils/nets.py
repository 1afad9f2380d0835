"""Small segmentation networks that the chapters build on and compare."""

from torch import nn

__all__ = ["full_resolution_net", "downsampling_net"]


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
