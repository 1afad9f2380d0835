"""Chapter 12 · visualising features, after Zeiler & Fergus: the exercise checks and the drawers.

Used by ``chapters/12_visualizing_features/``; tested by
``tests/chapters/test_ch12_visualizing_features.py``.
"""

import numpy as np
import torch
import torch.nn.functional as F

from ..visualize import forward_with_switches, project_unit
from .grading import grade

__all__ = ["top_projections", "draw_top9", "draw_unit", "draw_occlusion", "check_top_k",
           "check_deconv_step", "check_occlusion_to_pixels"]


def top_projections(stages, images, layer, channel, k=9):
    """The ``k`` images (of (n, 1, H, W)) that excite ``channel`` of stage ``layer`` most (by
    its strongest activation), strongest first, and their projections: (indices (k,),
    projections (k, 1, H, W))."""
    records = forward_with_switches(stages, images)
    strongest = records[layer - 1][2][:, channel].reshape(len(images), -1).max(1)
    top = np.argsort(-strongest, kind="stable")[:k]
    chosen = [(size, switches[top], pooled[top]) for size, switches, pooled in records]
    return top, project_unit(stages, chosen, layer, channel)


def _grid(ax, tiles, cmap, symmetric):
    """k tiles (k, h, w) as one √k×√k mosaic with a one-pixel gap."""
    k, h, w = tiles.shape
    side = int(np.ceil(np.sqrt(k)))
    mosaic = np.full((side * (h + 1) - 1, side * (w + 1) - 1), np.nan)
    for n, tile in enumerate(tiles):
        r, c = divmod(n, side)
        t = tile / (np.abs(tile).max() or 1.0) if symmetric else tile
        mosaic[r * (h + 1): r * (h + 1) + h, c * (w + 1): c * (w + 1) + w] = t
    ax.imshow(mosaic, cmap=cmap, vmin=-1 if symmetric else 0, vmax=1)
    ax.set_xticks([])
    ax.set_yticks([])


def draw_top9(fig, units):
    """Zeiler & Fergus's Figure 2 for a few units: for each (title, images (9, H, W),
    projections (9, H, W)), the projections (each scaled to its own maximum) beside the
    images that produced them."""
    axes = fig.subplots(2, len(units), squeeze=False)
    for j, (title, images, projections) in enumerate(units):
        _grid(axes[0, j], np.asarray(projections), "RdBu_r", symmetric=True)
        _grid(axes[1, j], np.asarray(images), "gray_r", symmetric=False)
        axes[0, j].set_title(title, fontsize=9)
    axes[0, 0].set_ylabel("projections", fontsize=9)
    axes[1, 0].set_ylabel("top-9 inputs", fontsize=9)
    fig.subplots_adjust(wspace=0.08, hspace=0.12)
    return axes


def draw_unit(fig, stages, images, layer=2, channel=0):
    """One unit's top-9 projections beside its top-9 inputs; returns the projections."""
    top, projections = top_projections(stages, images, layer, channel)
    draw_top9(fig, [(f"layer {layer}, unit {channel}", images[top, 0], projections[:, 0])])
    return projections


def draw_occlusion(fig, images, maps, labels):
    """Digits (n, H, W) above their occlusion maps (n, h, w): the probability of the true
    class (``labels``) with the occluder at each position."""
    axes = fig.subplots(2, len(images), squeeze=False)
    for j, (image, m, y) in enumerate(zip(images, maps, labels)):
        axes[0, j].imshow(image, cmap="gray_r")
        axes[0, j].set_title(f"label {y}", fontsize=9)
        shown = axes[1, j].imshow(m, cmap="magma", vmin=0, vmax=1)
        axes[1, j].set_title(f"min p = {m.min():.2f}", fontsize=9)
        for ax in axes[:, j]:
            ax.set_xticks([])
            ax.set_yticks([])
    fig.colorbar(shown, ax=axes[1].tolist(), shrink=0.8, label="p(true class)")
    return axes


def check_top_k(top_k, n_cases=10, seed=0):
    """``top_k(activations, k)``: activations (n, C, h, w) of one layer → (C, k) indices of
    the k images whose strongest activation in each channel is largest, strongest first."""
    rng = np.random.default_rng(seed)
    cases = [(rng.standard_normal((int(rng.integers(5, 20)), int(rng.integers(1, 5)),
                                   int(rng.integers(1, 4)), int(rng.integers(1, 4)))),
              int(rng.integers(1, 5))) for _ in range(n_cases)]

    def torch_ref(activations, k):
        strongest = torch.from_numpy(activations).flatten(2).amax(2)  # (n, C)
        return strongest.topk(k, dim=0).indices.T.numpy()

    grade("top_k", cases, lambda a, k: np.asarray(top_k(a, k)), torch_ref,
          "Hint: take each image's maximum over the positions of a channel first, then sort "
          "the images by it, largest first.")


def check_deconv_step(deconv_step, n_cases=8, seed=0):
    """``deconv_step(h, switches, size, weight, padding)``: one stage of the deconvnet, from a
    pooled map h (N, O, h, w) down to the stage's input (N, C, H, W): max unpool 2×2 through
    ``switches`` to ``size``, rectify, transposed convolution with ``weight`` (O, C, k, k)."""
    rng = np.random.default_rng(seed)
    cases = []
    for _ in range(n_cases):
        k = int(rng.choice([3, 5]))
        C, O, H = int(rng.integers(1, 4)), int(rng.integers(1, 4)), 2 * int(rng.integers(2, 5))
        w = rng.standard_normal((O, C, k, k))
        a = F.conv2d(torch.from_numpy(rng.standard_normal((2, C, H, H))), torch.from_numpy(w),
                     padding=k // 2).relu()
        h, switches = F.max_pool2d(a, 2, return_indices=True)
        cases.append((rng.standard_normal(h.shape) * h.numpy(), switches.numpy(), (H, H), w,
                      k // 2))

    def torch_ref(h, switches, size, weight, padding):
        up = F.max_unpool2d(torch.from_numpy(h), torch.from_numpy(switches), 2, output_size=size)
        return F.conv_transpose2d(up.relu(), torch.from_numpy(weight), padding=padding).numpy()

    grade("deconv_step", cases, deconv_step, torch_ref,
          "Hint: three steps, in this order — put each value back at its switch, keep the "
          "positive part, then the transposed convolution (no bias) with the same padding.")


def check_occlusion_to_pixels(occlusion_to_pixels, n_cases=6, seed=0):
    """``occlusion_to_pixels(drops, size)``: a map of drops (h, w), one per position of a
    size×size square slid with stride 1, → per-pixel attributions (h + size − 1, w + size − 1):
    each pixel's average drop over the squares that cover it, as Captum's ``Occlusion``
    reports. Checked against Captum on a function whose drops are known."""
    import warnings

    from captum.attr import Occlusion

    rng = np.random.default_rng(seed)
    cases = [(rng.standard_normal((int(rng.integers(2, 6)), int(rng.integers(2, 6)))),
              int(rng.integers(1, 4))) for _ in range(n_cases)]

    def torch_ref(drops, size):
        # on an input of ones, a score that falls by drops[i, j] exactly when the square at
        # (i, j) is grey (zero): -Σ_ij drops[i, j] · [square (i, j) is all zero]
        h, w = drops.shape
        x = torch.ones(1, 1, h + size - 1, w + size - 1, dtype=torch.float64)
        d = torch.from_numpy(drops)

        def score(z):
            grey = (F.avg_pool2d(z, size, stride=1)[:, 0] < 1e-9).double()
            return -(grey * d).flatten(1).sum(1, keepdim=True)

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            attr = Occlusion(score).attribute(x, sliding_window_shapes=(1, size, size),
                                              strides=1, baselines=0.0, target=0)
        return attr[0, 0].numpy()

    grade("occlusion_to_pixels", cases, occlusion_to_pixels, torch_ref,
          "Hint: add each square's drop onto all of its pixels (a transposed convolution with "
          "a size×size kernel of ones does exactly that), then divide by how many squares "
          "cover each pixel.")
