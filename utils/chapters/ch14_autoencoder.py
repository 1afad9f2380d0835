"""Chapter 14 · one encoder, three decoders: the exercise checks and the drawers.

Used by ``chapters/14_autoencoder/``; tested by ``tests/chapters/test_ch14_autoencoder.py``.
"""

import numpy as np
import torch

from ..upsamplers import UPSAMPLERS, upsampling_layer
from .grading import grade

__all__ = ["check_phase_means", "check_upsampling_weights", "draw_rows", "draw_latent_path",
           "decode_path"]


def check_phase_means(phase_means, seed=0):
    """``phase_means(images, period)``: for images (N, H, W), the (period, period) array whose
    entry (a, b) is the mean over all images of the pixels at rows ≡ a and columns ≡ b
    (mod period), H and W multiples of period. Compared with a torch reshape."""
    rng = np.random.default_rng(seed)
    cases = []
    for _ in range(10):
        p = int(rng.integers(1, 5))
        cases.append((rng.random((int(rng.integers(1, 4)), p * int(rng.integers(1, 4)),
                                  p * int(rng.integers(1, 4)))), p))

    def torch_ref(images, p):
        x = torch.from_numpy(images)
        n, h, w = x.shape
        return x.reshape(n, h // p, p, w // p, p).mean(dim=(0, 1, 3)).numpy()

    grade("phase_means", cases, phase_means, torch_ref,
          "Hint: pixel (i, j) has phase (i % period, j % period); slicing images[:, a::period, "
          "b::period] picks one phase.")


def check_upsampling_weights(upsampling_weights):
    """``upsampling_weights(kind, c)``: how many weights (biases not counted) the ×2 upsampling
    layer ``kind`` has from c to c channels, counted on torch's module."""
    cases = [(kind, c) for kind in UPSAMPLERS for c in (1, 3, 8, 16)]

    def torch_ref(kind, c):
        layer = upsampling_layer(kind, c, c)
        return sum(p.numel() for name, p in layer.named_parameters() if "weight" in name)

    grade("upsampling_weights", cases, upsampling_weights, torch_ref,
          "Hint: a k×k convolution from c to c' channels has c·c'·k² weights; the sub-pixel "
          "convolution makes 4c channels before its shuffle, and resize-convolution's resize "
          "has none.")


def draw_rows(fig, rows, names, vmin=0.0, vmax=1.0):
    """One row per entry of ``rows`` (each (n, 1, H, W) or (n, H, W) grey images), named by
    ``names``; with ``vmin=vmax=None`` each image is stretched to its own range."""
    rows = [np.asarray(r).reshape(len(r), *np.shape(r)[-2:]) for r in rows]
    axes = fig.subplots(len(rows), len(rows[0]), squeeze=False)
    for i, (row, name) in enumerate(zip(rows, names)):
        for j, image in enumerate(row):
            axes[i, j].imshow(image, cmap="gray", vmin=vmin, vmax=vmax)
            axes[i, j].set_xticks([])
            axes[i, j].set_yticks([])
        axes[i, 0].set_ylabel(name, fontsize=8, rotation=0, ha="right", va="center")
    fig.subplots_adjust(wspace=0.05, hspace=0.08, left=0.12)
    return axes


def decode_path(model, a, b, steps=8):
    """Decode the straight line between the codes of images ``a`` and ``b`` (1, H, W) and, beside
    it, the straight line between the pixels: two arrays (steps, H, W)."""
    device = next(model.parameters()).device
    pair = torch.as_tensor(np.stack([a, b]), device=device)
    t = torch.linspace(0, 1, steps, device=device).view(-1, 1, 1, 1)
    with torch.no_grad():
        z = model.encode(pair)
        decoded = model.decode((1 - t) * z[:1] + t * z[1:]).clamp(0, 1)[:, 0].cpu().numpy()
    pixels = ((1 - t) * pair[:1] + t * pair[1:])[:, 0].cpu().numpy()
    return decoded, pixels


def draw_latent_path(fig, model, a, b, t=4, steps=9):
    """Step ``t`` of ``steps`` along the path from image ``a`` to ``b`` (1, H, W): the two ends,
    the decoded code-space mix and the pixel-space mix at t."""
    if not 0 <= t < steps:
        raise ValueError(f"t must be in 0..{steps - 1}, got {t}")
    decoded, pixels = decode_path(model, a, b, steps)
    axes = fig.subplots(1, 4)
    shown = [a[0], decoded[t], pixels[t], b[0]]
    titles = ["a", f"decode((1-t)z_a + t z_b), t={t / (steps - 1):.2f}", "(1-t)a + t b", "b"]
    for ax, image, title in zip(axes, shown, titles):
        ax.imshow(image, cmap="gray", vmin=0, vmax=1)
        ax.set_title(title, fontsize=8)
        ax.axis("off")
    return decoded[t]
