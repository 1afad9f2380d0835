"""Zeiler & Fergus's two ways to look inside a CNN, in NumPy: project one unit back to the pixels
(the deconvnet: unpool with the switches, rectify, transposed filters), and occlusion sensitivity.

The network is a stack of stages (Conv2d → ReLU → 2×2 max pool), as ``nets.digits_cnn`` builds;
``conv_stages`` reads its weights into NumPy, ``forward_with_switches`` runs it with ``utils``'
own ``conv2d`` and ``max_pool2d`` and keeps every pooling's switches, and ``project_unit`` sends
the strongest activation of one channel back down to the input.
"""

from dataclasses import dataclass

import numpy as np

from .ops import conv2d, conv_transpose2d
from .pooling import max_pool2d, max_unpool2d

__all__ = ["ConvStage", "conv_stages", "forward_with_switches", "project_unit",
           "occlusion_sensitivity"]


@dataclass
class ConvStage:
    """One stage: a convolution's weight (O, C, k, k), bias (O,) and padding, then ReLU and a
    ``pool``×``pool`` max pool."""

    weight: np.ndarray
    bias: np.ndarray
    padding: int
    pool: int = 2


def conv_stages(net):
    """The (Conv2d, ReLU, MaxPool2d) stages at the start of a torch ``nn.Sequential``, as NumPy
    ``ConvStage``s (float64)."""
    import torch

    modules, stages = list(net), []
    while len(modules) >= 3 and isinstance(modules[0], torch.nn.Conv2d):
        conv, relu, pool = modules[:3]
        if not (isinstance(relu, torch.nn.ReLU) and isinstance(pool, torch.nn.MaxPool2d)):
            raise ValueError("each stage must be Conv2d → ReLU → MaxPool2d")
        if conv.stride != (1, 1) or conv.dilation != (1, 1) or conv.groups != 1:
            raise ValueError("the projection needs stride-1, undilated, ungrouped convolutions")
        stages.append(ConvStage(conv.weight.detach().cpu().double().numpy(),
                                conv.bias.detach().cpu().double().numpy(),
                                int(conv.padding[0]), int(pool.kernel_size)))
        modules = modules[3:]
    if not stages:
        raise ValueError("the network does not start with a Conv2d → ReLU → MaxPool2d stage")
    return stages


def forward_with_switches(stages, x):
    """Run the stages on x (N, C, H, W); return, per stage, (pre-pool size (h, w), switches,
    pooled output), the switches being ``max_pool2d``'s flat indices."""
    records, h = [], np.asarray(x, dtype=np.float64)
    for s in stages:
        a = np.maximum(conv2d(h, s.weight, s.bias, padding=s.padding), 0)
        h, switches = max_pool2d(a, s.pool, return_indices=True)
        records.append((a.shape[2:], switches, h))
    return records


def project_unit(stages, records, layer, channel):
    """Zeiler & Fergus's projection of one unit: in stage ``layer`` (1-based) keep only the
    strongest activation of ``channel`` in each image, set the rest of the layer to zero, and
    go back down: max unpool through the switches → rectify → transposed convolution with the
    same filters (no bias), stage by stage. Returns input-sized maps (N, C_in, H, W).
    """
    if not 1 <= layer <= len(records):
        raise ValueError(f"layer must be in 1..{len(records)}, got {layer}")
    pooled = records[layer - 1][2]
    if not 0 <= channel < pooled.shape[1]:
        raise ValueError(f"channel must be in 0..{pooled.shape[1] - 1}, got {channel}")
    N = pooled.shape[0]
    flat = pooled[:, channel].reshape(N, -1)
    top = flat.argmax(1)
    h = np.zeros_like(pooled)
    h[np.arange(N), channel] = np.where(np.arange(flat.shape[1]) == top[:, None], flat,
                                        0).reshape(pooled.shape[0], *pooled.shape[2:])
    for s, (size, switches, _) in zip(stages[layer - 1::-1], records[layer - 1::-1]):
        h = max_unpool2d(h, switches, s.pool, output_size=size)
        h = np.maximum(h, 0)
        h = conv_transpose2d(h, s.weight, padding=s.padding)
    return h


def occlusion_sensitivity(predict, image, size=3, stride=1, fill=0.5):
    """Slide a ``fill``-valued ``size``×``size`` square over ``image`` (C, H, W) and record what
    ``predict`` (a function from a batch (n, C, H, W) to scores (n,)) gives with each square
    in place: returns a map (⌊(H − size)/stride⌋ + 1, ⌊(W − size)/stride⌋ + 1), entry (i, j)
    for the square whose top-left corner is (i·stride, j·stride)."""
    image = np.asarray(image)
    C, H, W = image.shape
    rows = range(0, H - size + 1, stride)
    cols = range(0, W - size + 1, stride)
    batch = np.repeat(image[None], len(rows) * len(cols), axis=0)
    for n, (r, c) in enumerate((r, c) for r in rows for c in cols):
        batch[n, :, r:r + size, c:c + size] = fill
    return np.asarray(predict(batch)).reshape(len(rows), len(cols))
