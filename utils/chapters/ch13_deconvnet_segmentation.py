"""Chapter 13 · DeconvNet and SegNet: decoders that remember: the exercise checks and the drawers.

Used by ``chapters/13_deconvnet_segmentation/``; tested by
``tests/chapters/test_ch13_deconvnet_segmentation.py``.
"""

import numpy as np
import torch
import torch.nn.functional as F

from ..data import SHAPE_CLASSES
from .grading import grade

__all__ = ["draw_label_rows", "draw_scene", "check_bilinear_weight", "check_mean_iou"]

COLOURS = np.array([[0.85, 0.85, 0.85], [0.80, 0.30, 0.20], [0.20, 0.45, 0.80],
                    [0.95, 0.75, 0.15]])  # background, horse, disc, square


def draw_label_rows(fig, images, rows, row_names):
    """A row of RGB images (n, 3, H, W), then one row per label map set (n, H, W) in ``rows``,
    coloured by class (``COLOURS``), each row named in ``row_names`` (the images' first)."""
    from matplotlib.patches import Patch

    axes = fig.subplots(1 + len(rows), len(images), squeeze=False)
    for j, image in enumerate(images):
        axes[0, j].imshow(np.clip(np.asarray(image).transpose(1, 2, 0), 0, 1))
        for i, labels in enumerate(rows, start=1):
            axes[i, j].imshow(COLOURS[np.asarray(labels[j])])
    for i, name in enumerate(row_names):
        axes[i, 0].set_ylabel(name, fontsize=8, rotation=0, ha="right", va="center")
    for ax in axes.ravel():
        ax.set_xticks([])
        ax.set_yticks([])
    handles = [Patch(color=c, label=n) for c, n in zip(COLOURS, SHAPE_CLASSES)]
    fig.legend(handles=handles, loc="upper center", ncol=4, fontsize=8, frameon=False)
    fig.subplots_adjust(top=0.94, wspace=0.05, hspace=0.08)
    return axes


def draw_scene(fig, scenes, predictions, scene=0):
    """One scene of ``scenes`` (a ``ShapeScenes``), its true labels, and every design's answer:
    ``predictions`` maps a design's name to its label maps (n, H, W)."""
    rows = [scenes.masks[scene:scene + 1]] + [p[scene:scene + 1] for p in predictions.values()]
    return draw_label_rows(fig, scenes.images[scene:scene + 1], rows,
                           ["scene", "truth", *predictions])


def check_bilinear_weight(bilinear_weight, seed=0):
    """``bilinear_weight(channels, k)``: a weight (C, C, k, k) with which
    ``F.conv_transpose2d(x, w, stride=k // 2, padding=k // 4)`` equals bilinear upsampling
    (``F.interpolate(scale_factor=k // 2, mode='bilinear')``) away from the borders."""
    rng = np.random.default_rng(seed)
    cases = [(int(c), int(k)) for c, k in zip(rng.integers(1, 4, 6), [4, 8, 16, 4, 8, 4])]
    x = torch.from_numpy(rng.random((2, 3, 9, 9)))

    def answer(c, k):
        w = torch.as_tensor(np.asarray(bilinear_weight(c, k), dtype=np.float64))
        s = k // 2
        return F.conv_transpose2d(x[:, :c], w, stride=s, padding=k // 4)[..., s:-s, s:-s].numpy()

    def torch_ref(c, k):
        s = k // 2
        y = F.interpolate(x[:, :c], scale_factor=s, mode="bilinear", align_corners=False)
        return y[..., s:-s, s:-s].numpy()

    grade("bilinear_weight", cases, answer, torch_ref,
          "Hint: each channel maps to itself only (zero off the diagonal), with the outer "
          "product of a tent 1 − |j − centre| / f, where f = (k + 1) // 2 and the centre is "
          "f − 0.5 for even k.")


def check_mean_iou(mean_iou, n_cases=12, seed=0):
    """``mean_iou(pred, truth, classes)``: the mean over the classes of intersection over union
    of two label maps (any shape); a class absent from both counts as 1."""
    rng = np.random.default_rng(seed)
    cases = []
    for _ in range(n_cases):
        shape = tuple(int(v) for v in rng.integers(1, 9, int(rng.integers(1, 4))))
        k = int(rng.integers(2, 6))
        cases.append((rng.integers(0, k, shape), rng.integers(0, k - 1, shape), k))

    def torch_ref(pred, truth, classes):
        p, t = torch.from_numpy(pred).flatten(), torch.from_numpy(truth).flatten()
        confusion = torch.bincount(t * classes + p, minlength=classes ** 2).reshape(classes, -1)
        inter = confusion.diag().double()
        union = confusion.sum(0) + confusion.sum(1) - confusion.diag()
        return torch.where(union > 0, inter / union.clamp(min=1), 1.0).mean().item()

    grade("mean_iou", cases, lambda *c: float(mean_iou(*c)), torch_ref,
          "Hint: for each class c, count the pixels where both maps say c, divide by those "
          "where either says c, then average over all classes — including those that appear "
          "in neither map, which score 1.")
