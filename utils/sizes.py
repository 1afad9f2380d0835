"""Size arithmetic of convolution, pooling and transposed convolution, one axis at a time.

The relationships of Dumoulin & Visin's guide, as functions; tests check each against the
shapes that torch's layers produce.
"""

import math

__all__ = ["conv_output_size", "conv_transpose_output_size", "pool_output_size",
           "same_padding", "output_padding_for", "receptive_field", "measured_receptive_field"]


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    """Output length of a convolution along one axis: ⌊(i + 2p − d(k−1) − 1)/s⌋ + 1.

    >>> conv_output_size(4, 3)
    2
    >>> conv_output_size(5, 3, stride=2, padding=1)
    3
    """
    return (size + 2 * padding - dilation * (kernel_size - 1) - 1) // stride + 1


def conv_transpose_output_size(size, kernel_size, stride=1, padding=0, output_padding=0,
                               dilation=1):
    """Output length of a transposed convolution: (i − 1)s − 2p + d(k − 1) + a + 1.

    >>> conv_transpose_output_size(2, 3)
    4
    >>> conv_transpose_output_size(16, 4, stride=2, padding=1)
    32
    """
    return (size - 1) * stride - 2 * padding + dilation * (kernel_size - 1) + output_padding + 1


def same_padding(kernel_size, dilation=1):
    """(left, right) zero padding that keeps the size at stride 1; the extra zero goes right.

    >>> same_padding(3), same_padding(4), same_padding(3, dilation=2)
    ((1, 1), (1, 2), (2, 2))
    """
    total = dilation * (kernel_size - 1)
    return total // 2, total - total // 2


def pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    """Output length of ``MaxPool``: like a convolution, with ``stride`` defaulting to the
    kernel size; with ``ceil_mode`` the last window may hang over the end, but must start
    inside the input or its left padding.

    >>> pool_output_size(7, 2), pool_output_size(7, 2, ceil_mode=True)
    (3, 4)
    """
    stride = kernel_size if stride is None else stride
    span = size + 2 * padding - dilation * (kernel_size - 1) - 1
    if not ceil_mode:
        return span // stride + 1
    out = math.ceil(span / stride) + 1
    return out - 1 if (out - 1) * stride >= size + padding else out


def output_padding_for(size, kernel_size, stride=1, padding=0, dilation=1):
    """The ``output_padding`` that makes a transposed convolution return ``size``, the input
    length of the matching convolution: a = (i + 2p − d(k−1) − 1) mod s.

    >>> output_padding_for(8, 3, stride=2, padding=1), output_padding_for(7, 3, 2, 1)
    (1, 0)
    """
    return (size + 2 * padding - dilation * (kernel_size - 1) - 1) % stride


def receptive_field(layers):
    """Receptive field of a stack of layers, each ``(kernel_size, stride)`` or
    ``(kernel_size, stride, dilation)``: r ← r + d(k − 1)·j, then the jump j ← j·s.

    Returns (r, j): how many input pixels one output sees, and how far apart neighbouring
    outputs' windows are.

    >>> receptive_field([(3, 1)] * 3), receptive_field([(3, 1), (2, 2), (3, 1)])
    ((7, 1), (8, 2))
    """
    r, jump = 1, 1
    for layer in layers:
        k, s, d = (tuple(layer) + (1,))[:3]
        r += d * (k - 1) * jump
        jump *= s
    return r, jump


def measured_receptive_field(layers, size=96):
    """The receptive field of ``layers`` (as for ``receptive_field``) measured in torch: set
    every weight to one, back-propagate from one central output pixel, and count the rows of
    input pixels that receive a gradient."""
    import torch

    net = torch.nn.Sequential(*[torch.nn.Conv2d(1, 1, k, s, dilation=d, bias=False)
                                for k, s, d in ((tuple(layer) + (1,))[:3] for layer in layers)])
    with torch.no_grad():
        for conv in net:
            conv.weight.fill_(1.0)
    x = torch.zeros(1, 1, size, size, requires_grad=True)
    y = net(x)
    y[0, 0, y.shape[-2] // 2, y.shape[-1] // 2].backward()
    rows = torch.nonzero(x.grad[0, 0].sum(1)).flatten()
    return int(rows.max() - rows.min() + 1)
