"""Chapter 16 · A DCGAN generator, layer by layer: the exercise checks and the drawers.

Used by ``chapters/16_gan_generator/``; tested by ``tests/chapters/test_ch16_gan_generator.py``.
"""

import numpy as np
import torch
import torch.nn.functional as F

from ..gan import latents
from ..plot import draw_grid
from .grading import grade

__all__ = ["draw_image_rows", "draw_feature_chain", "draw_gradient_phases",
           "draw_interpolation", "draw_training", "check_transposed_sizes",
           "check_inception_score", "check_frechet_distance"]


def _grey(images):
    """Images (n, 1, H, W) or (n, H, W), tensors or arrays, as a NumPy array (n, H, W)."""
    a = images.detach().cpu().numpy() if hasattr(images, "detach") else np.asarray(images)
    return a.reshape(len(a), *a.shape[-2:])


def _mosaic(images, gap=1, fill=np.nan):
    """Grey images (n, H, W) side by side in one array (H, n·W + (n − 1)·gap), gaps ``fill``."""
    n, h, w = images.shape
    out = np.full((h, n * (w + gap) - gap), fill, dtype=float)
    for j, image in enumerate(images):
        out[:, j * (w + gap): j * (w + gap) + w] = image
    return out


def draw_image_rows(fig, rows, names=None, vmin=0.0, vmax=1.0):
    """One row of grey images per entry of ``rows`` (each (n, 1, H, W) or (n, H, W), values
    in [vmin, vmax]), drawn as one strip per row with thin gaps, each row named in ``names``;
    returns the axes (one per row)."""
    import matplotlib

    rows = [_grey(r) for r in rows]
    n = max(len(r) for r in rows)
    axes = fig.subplots(len(rows), 1, squeeze=False)[:, 0]
    cmap = matplotlib.colormaps["gray_r"].with_extremes(bad="0.8")
    for i, (ax, row) in enumerate(zip(axes, rows)):
        strip = _mosaic(row)
        pad = (n - len(row)) * (row.shape[2] + 1)
        ax.imshow(np.pad(strip, ((0, 0), (0, pad)), constant_values=np.nan), cmap=cmap,
                  vmin=vmin, vmax=vmax)
        ax.set_xticks([])
        ax.set_yticks([])
        for spine in ax.spines.values():
            spine.set_visible(False)
        if names:
            ax.set_ylabel(names[i], fontsize=9, rotation=0, ha="right", va="center")
    fig.subplots_adjust(hspace=0.08)
    return axes


def draw_feature_chain(fig, generator, z, channel=None):
    """What the generator computes for one latent ``z`` (1, L, 1, 1): the latent (its L
    numbers in rows of 4), then one channel of every block's output (after its ReLU) — the
    given ``channel``, or by default the one most like the image shrunk to its size (highest
    |correlation|) — then the image, on the tanh range [−1, 1]; each panel titled with its shape
    C×H×W. Maps up to 4×4 are written out."""
    z = z.to(next(generator.parameters()).device)
    stages = [z]
    with torch.no_grad():
        x = z
        for module in generator:
            x = module(x)
            if isinstance(module, (torch.nn.ReLU, torch.nn.Tanh)):
                stages.append(x)
    axes = fig.subplots(1, len(stages), width_ratios=[1.0] + [2.0] * (len(stages) - 1))
    for ax, s in zip(axes, stages):
        c, h, w = s.shape[1:]
        if h == 1:
            a = s[0, :, 0, 0].cpu().numpy()
            a = a.reshape(-1, 4) if c % 4 == 0 else a[:, None]
        else:
            k = _most_like(s[0], stages[-1][0, 0]) if channel is None else min(channel, c - 1)
            a = s[0, k].cpu().numpy()
        if h <= 4:
            draw_grid(ax, a, fmt="{:.1f}", fontsize=7 if h == 1 else 8)
        else:
            if c == 1:  # the image, on the tanh range
                ax.imshow(a, cmap="gray_r", vmin=-1, vmax=1)
            else:
                ax.imshow(a, cmap="viridis")
            ax.set_xticks([])
            ax.set_yticks([])
        ax.set_title(f"{c}×{h}×{w}", fontsize=9)
    return axes


def _most_like(maps, image):
    """The index of the map of ``maps`` (C, h, w) that correlates most (in absolute value)
    with ``image`` (H, W) average-pooled to h×w; a constant map never wins."""
    small = F.adaptive_avg_pool2d(image[None, None], maps.shape[-2:]).flatten()
    m = maps.flatten(1) - maps.flatten(1).mean(1, keepdim=True)
    t = small - small.mean()
    corr = (m @ t) / (m.norm(dim=1) * t.norm() + 1e-12)
    return int(corr.abs().argmax())


def draw_gradient_phases(fig, grads, period=2):
    """The discriminator's input gradients ``grads`` (n, 1, H, W): the mean |gradient| over
    the images, and its mean at each of the period×period pixel phases, written out."""
    g = np.abs(_grey(grads)).mean(0)
    h, w = g.shape[0] // period * period, g.shape[1] // period * period
    phases = g[:h, :w].reshape(h // period, period, w // period, period).mean((0, 2))
    axes = fig.subplots(1, 2, width_ratios=[2, 1])
    axes[0].imshow(g, cmap="magma")
    axes[0].set_xticks([])
    axes[0].set_yticks([])
    axes[0].set_title("mean |∂D/∂x|", fontsize=9)
    draw_grid(axes[1], phases / phases.mean(), fmt="{:.2f}", cmap="PuOr_r")
    axes[1].set_title(f"phases mod {period}", fontsize=9)
    return axes


def draw_interpolation(fig, generators, seed_a=0, seed_b=1, steps=9):
    """Each generator of ``generators`` (a dict name → generator) on latents walked in a
    straight line from ``latents(1, seed=seed_a)`` to ``latents(1, seed=seed_b)``, one row
    each, in ``steps`` steps."""
    rows = []
    for generator in generators.values():
        dim = generator[0].weight.shape[0]
        a, b = latents(1, dim, seed=seed_a), latents(1, dim, seed=seed_b)
        t = torch.linspace(0, 1, steps)[:, None, None, None]
        generator.eval()
        with torch.no_grad():
            device = next(generator.parameters()).device
            rows.append((generator(((1 - t) * a + t * b).to(device)).cpu() + 1) / 2)
    return draw_image_rows(fig, rows, list(generators))


def draw_training(fig, histories, frame=0):
    """One frame of the samples through training: for every entry of ``histories`` (a dict
    name → ``fit_gan``'s history, with snapshots), its ``frame``-th snapshot, one row each,
    the step in the title."""
    rows = [(h["snapshots"][frame][1] + 1) / 2 for h in histories.values()]
    axes = draw_image_rows(fig, rows, list(histories))
    step = next(iter(histories.values()))["snapshots"][frame][0]
    fig.suptitle(f"step {step}", fontsize=10)
    return axes


def check_transposed_sizes(transposed_sizes, n_cases=12, seed=0):
    """``transposed_sizes(size, layers)``: the side length after each layer of a stack of
    transposed convolutions, ``layers`` a list of (kernel_size, stride, padding), starting
    from a ``size``×``size`` input; returns a list of ints, one per layer."""
    rng = np.random.default_rng(seed)
    cases = []
    for _ in range(n_cases):
        start = int(rng.integers(1, 9))
        size, layers = start, []
        for _ in range(int(rng.integers(1, 5))):
            k, s = int(rng.integers(1, 6)), int(rng.integers(1, 4))
            p = int(rng.integers(0, k))
            if (size - 1) * s - 2 * p + k < 1:  # torch refuses an empty output
                p = 0
            layers.append((k, s, p))
            size = (size - 1) * s - 2 * p + k
        cases.append((start, layers))

    def torch_ref(size, layers):
        x, out = torch.zeros(1, 1, size, size), []
        for k, s, p in layers:
            x = F.conv_transpose2d(x, torch.zeros(1, 1, k, k), stride=s, padding=p)
            out.append(x.shape[-1])
        return out

    grade("transposed_sizes", cases, lambda *c: np.asarray(transposed_sizes(*c)), torch_ref,
          "Hint: chapter 09's relationship, one layer at a time: o = (i − 1)·s − 2p + k, and "
          "each layer's output is the next one's input.")



def check_inception_score(inception_score, seed=0):
    """``inception_score(probs)``: exp of the mean KL divergence from each row of ``probs``
    (n, K) to the mean row, with 0·log 0 taken as 0."""
    rng = np.random.default_rng(seed)
    cases = []
    for n, k, concentration in [(1, 3, 1.0), (5, 2, 1.0), (20, 10, 0.1), (50, 10, 5.0),
                                (7, 4, 0.3), (30, 6, 0.05)]:
        cases.append((rng.dirichlet([concentration] * k, n),))
    sharp = np.eye(5)[rng.integers(0, 5, 12)]  # one-hot rows: exact zeros
    cases.append((sharp,))
    cases.append((np.full((4, 3), 1 / 3),))

    def torch_ref(probs):
        p = torch.from_numpy(probs)
        marginal = p.mean(0, keepdim=True).expand_as(p)
        log_marginal = marginal.clamp(min=1e-300).log()  # a class no row uses: any finite value
        kl = F.kl_div(log_marginal, p, reduction="none").sum(1)  # Σ p·(log p − log p(y))
        return kl.mean().exp().item()

    grade("inception_score", cases, lambda p: float(inception_score(p)), torch_ref,
          "Hint: p(y) is the mean of the rows; for each row take Σ_k p_k (log p_k − log p(y)_k), "
          "skipping the terms where p_k = 0; average over the rows, then exponentiate.")


def check_frechet_distance(frechet_distance, seed=0):
    """``frechet_distance(a, b)``: the Fréchet distance between Gaussians fitted to the rows of
    ``a`` (n, D) and ``b`` (m, D) (means, and covariances as ``np.cov(rowvar=False)`` gives
    them), compared with the formula through ``scipy.linalg.sqrtm``."""
    from scipy.linalg import sqrtm

    rng = np.random.default_rng(seed)
    cases = []
    for n, m, d in [(40, 30, 1), (60, 50, 3), (100, 80, 5), (200, 150, 8), (50, 90, 4)]:
        mix_a, mix_b = rng.standard_normal((d, d)), rng.standard_normal((d, d))
        a = rng.standard_normal((n, d)) @ mix_a + rng.standard_normal(d)
        b = rng.standard_normal((m, d)) @ mix_b + rng.standard_normal(d)
        cases.append((a, b))
    cases.append((cases[2][0], cases[2][0].copy()))  # the same set: 0

    def scipy_ref(a, b):
        cov_a = np.atleast_2d(np.cov(a, rowvar=False))
        cov_b = np.atleast_2d(np.cov(b, rowvar=False))
        root = sqrtm(cov_a @ cov_b).real
        return ((a.mean(0) - b.mean(0)) ** 2).sum() + np.trace(cov_a + cov_b - 2 * root)

    def answer(a, b):
        return float(frechet_distance(a, b))

    grade("frechet_distance", cases, answer, scipy_ref,
          "Hint: |μa − μb|² + tr(Σa) + tr(Σb) − 2·tr((Σa Σb)^½), with the covariances of "
          "np.cov(x, rowvar=False) (divided by n − 1). The square root is of the product "
          "Σa Σb, not the product of two square roots: the matrices do not commute.")
