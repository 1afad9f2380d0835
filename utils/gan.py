"""Radford et al.'s DCGAN, scaled down to small grey images: a generator that grows a 1×1 latent
into an image with transposed convolutions (or another ×2 upsampler of ``upsamplers``), a
discriminator of strided convolutions, a short training loop, and scores of generated images
that need no downloaded network (a classifier trained in the notebook stands in for Inception).
"""

import numpy as np
import torch
from torch import nn

from .upsamplers import UPSAMPLERS, upsampling_layer

__all__ = ["dcgan_generator", "dcgan_discriminator", "latents", "output_shapes", "fit_gan",
           "inception_score", "frechet_distance", "nearest_distances", "classifier_outputs",
           "generator_flat_std"]


def _upsamplings(size):
    """How many ×2 layers take 4×4 to ``size``×``size`` (a power of two ≥ 8)."""
    n = int(np.log2(size)) - 2 if isinstance(size, int) and size >= 8 else 0
    if n < 1 or 4 * 2 ** n != size:
        raise ValueError(f"size must be a power of two >= 8, got {size!r}")
    return n


def _dcgan_init(net):
    """Radford et al.'s initialisation: every convolution's weight from N(0, 0.02²), batch norm
    scales from N(1, 0.02²), biases zero. Returns ``net``."""
    for m in net.modules():
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.normal_(m.weight, 0.0, 0.02)
        elif isinstance(m, nn.BatchNorm2d):
            nn.init.normal_(m.weight, 1.0, 0.02)
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.BatchNorm2d)) and m.bias is not None:
            nn.init.zeros_(m.bias)
    return net


def dcgan_generator(kind="convT k4", latent=32, width=32, size=16, channels=1):
    """DCGAN's generator: (N, latent, 1, 1) → (N, channels, size, size) in [−1, 1].

    A transposed convolution with k=4, s=1, p=0 takes the 1×1 latent to 4×4 with
    ``width``·2^(n−1) channels; then n = log2(size/4) ×2 ``upsampling_layer``s of ``kind``
    halve the channels (``width`` at the last hidden layer) until the image. Batch norm and ReLU
    follow every layer but the last, which ends in tanh. Layers: ``net[0:3]`` the first block,
    then (upsampling, batch norm, ReLU) per level. Weights start as in DCGAN: N(0, 0.02²).

    >>> dcgan_generator()(torch.zeros(2, 32, 1, 1)).shape
    torch.Size([2, 1, 16, 16])
    """
    if kind not in UPSAMPLERS:
        raise ValueError(f"kind must be one of {UPSAMPLERS}, got {kind!r}")
    for name, value in (("latent", latent), ("width", width), ("channels", channels)):
        if not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be a positive int, got {value!r}")
    n = _upsamplings(size)
    c = width * 2 ** (n - 1)
    layers = [nn.ConvTranspose2d(latent, c, 4, stride=1, padding=0, bias=False),
              nn.BatchNorm2d(c), nn.ReLU()]
    for _ in range(n - 1):
        layers += [upsampling_layer(kind, c, c // 2), nn.BatchNorm2d(c // 2), nn.ReLU()]
        c //= 2
    return _dcgan_init(nn.Sequential(*layers, upsampling_layer(kind, c, channels), nn.Tanh()))


def dcgan_discriminator(width=32, size=16, channels=1):
    """DCGAN's discriminator: (N, channels, size, size) → (N,) logits (real > 0).

    Convolutions with k=4, s=2, p=1 halve the size down to 4×4 while the channels double from
    ``width``; each is followed by LeakyReLU(0.2), with batch norm in between on all but the
    first. No pooling: the strides downsample. A last k=4 convolution takes 4×4 to one logit.
    Weights start as in DCGAN: N(0, 0.02²).

    >>> dcgan_discriminator()(torch.zeros(3, 1, 16, 16)).shape
    torch.Size([3])
    """
    for name, value in (("width", width), ("channels", channels)):
        if not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be a positive int, got {value!r}")
    n = _upsamplings(size)
    layers, c_in, c = [], channels, width
    for i in range(n):
        layers.append(nn.Conv2d(c_in, c, 4, stride=2, padding=1, bias=i == 0))
        if i > 0:
            layers.append(nn.BatchNorm2d(c))
        layers.append(nn.LeakyReLU(0.2))
        c_in, c = c, 2 * c
    return _dcgan_init(nn.Sequential(*layers, nn.Conv2d(c_in, 1, 4, stride=1, padding=0),
                                     nn.Flatten(0)))


def latents(n, dim=32, seed=0, device="cpu"):
    """``n`` seeded standard-normal latent vectors, shaped for the generator: (n, dim, 1, 1).
    The same seed gives the same latents on every run (drawn on the CPU, then moved).

    >>> latents(4, 8).shape, bool(torch.equal(latents(2, seed=1), latents(2, seed=1)))
    (torch.Size([4, 8, 1, 1]), True)
    """
    g = torch.Generator().manual_seed(seed)
    return torch.randn(n, dim, 1, 1, generator=g).to(device)


def output_shapes(model, x):
    """The output shape of every leaf module of ``model`` on the input ``x``, in call order:
    a list of (module, shape without the batch axis), recorded with forward hooks.

    >>> net = nn.Sequential(nn.Conv2d(1, 2, 3), nn.ReLU())
    >>> [shape for _, shape in output_shapes(net, torch.zeros(1, 1, 5, 5))]
    [(2, 3, 3), (2, 3, 3)]
    """
    shapes = []
    hooks = [m.register_forward_hook(lambda m, a, y: shapes.append((m, tuple(y.shape[1:]))))
             for m in model.modules() if not list(m.children())]
    try:
        with torch.no_grad():
            model(x)
    finally:
        for h in hooks:
            h.remove()
    return shapes


def _gan_step(generator, discriminator, real, z, opt_g, opt_d, real_label):
    """One discriminator step, then one generator step; returns their losses."""
    bce = nn.functional.binary_cross_entropy_with_logits
    fake = generator(z)
    logits_real, logits_fake = discriminator(real), discriminator(fake.detach())
    loss_d = bce(logits_real, torch.full_like(logits_real, real_label)) + \
        bce(logits_fake, torch.zeros_like(logits_fake))
    opt_d.zero_grad()
    loss_d.backward()
    opt_d.step()
    logits = discriminator(fake)
    loss_g = bce(logits, torch.ones_like(logits))  # the non-saturating generator loss
    opt_g.zero_grad()
    loss_g.backward()
    opt_g.step()
    return loss_d.item(), loss_g.item()


def fit_gan(generator, discriminator, images, steps=1000, batch_size=64, lr=2e-4, lr_d=None,
            betas=(0.5, 0.999), real_label=1.0, one_cycle=False, seed=0, snapshot_every=0,
            snapshot_latents=None, desc="GAN"):
    """Train a GAN for a fixed ``steps``: each step draws ``batch_size`` real ``images``
    (n, C, H, W) in [−1, 1] and as many latents (seeded), takes one Adam step of the
    discriminator (binary cross-entropy, real labelled ``real_label``: below 1 is one-sided
    label smoothing) and one of the generator (the non-saturating loss, −log D(G(z))).
    Learning rates ``lr`` (generator) and ``lr_d`` (default ``lr``) are fixed, as in DCGAN, or
    with ``one_cycle`` follow PyTorch's one-cycle schedule peaking at them (β1 kept fixed).

    Returns ``{"d": [...], "g": [...], "snapshots": [(step, images), ...]}``: the losses per
    step, and every ``snapshot_every`` steps the generator's images of ``snapshot_latents``
    (on the CPU, eval mode). Both nets end in eval mode, on the device of ``generator``.
    """
    from tqdm.auto import tqdm

    if not isinstance(steps, int) or steps < 1:
        raise ValueError(f"steps must be a positive int, got {steps!r}")
    if not 0 < real_label <= 1:
        raise ValueError(f"real_label must be in (0, 1], got {real_label!r}")
    device = next(generator.parameters()).device
    x = torch.as_tensor(images, dtype=torch.float32, device=device)
    dim = next(generator.parameters()).shape[0]  # the first layer's weight is (latent, C, 4, 4)
    opt_g = torch.optim.Adam(generator.parameters(), lr=lr, betas=betas)
    opt_d = torch.optim.Adam(discriminator.parameters(), lr=lr_d or lr, betas=betas)
    schedules = [torch.optim.lr_scheduler.OneCycleLR(o, o.param_groups[0]["lr"], total_steps=steps,
                                                     cycle_momentum=False)
                 for o in (opt_g, opt_d)] if one_cycle else []
    rows = np.random.default_rng(seed).integers(0, len(x), (steps, batch_size))
    noise = torch.Generator().manual_seed(seed)
    history = {"d": [], "g": [], "snapshots": []}
    bar = tqdm(range(steps), desc=desc, leave=False)
    for step in bar:
        if snapshot_every and step % snapshot_every == 0:
            history["snapshots"].append((step, _sample(generator, snapshot_latents)))
        generator.train()
        discriminator.train()
        z = torch.randn(batch_size, dim, 1, 1, generator=noise).to(device)
        real = x[torch.as_tensor(rows[step], device=device)]
        loss_d, loss_g = _gan_step(generator, discriminator, real, z, opt_g, opt_d, real_label)
        for schedule in schedules:
            schedule.step()
        history["d"].append(loss_d)
        history["g"].append(loss_g)
        if step % 50 == 0:
            bar.set_postfix(d=f"{loss_d:.2f}", g=f"{loss_g:.2f}")
    if snapshot_every:
        history["snapshots"].append((steps, _sample(generator, snapshot_latents)))
    generator.eval()
    discriminator.eval()
    return history


def _sample(generator, z):
    """The generator's images of ``z`` in eval mode, on the CPU; the mode is left as found."""
    was = generator.training
    generator.eval()
    with torch.no_grad():
        y = generator(z.to(next(generator.parameters()).device)).cpu()
    generator.train(was)
    return y


def inception_score(probs):
    """Salimans et al.'s score of class probabilities ``probs`` (n, K), rows summing to 1:
    exp of the mean KL divergence from each image's p(y|x) to their average p(y). It is K when
    every image is confidently one class and the classes are used equally, 1 when every image
    gets the same distribution.

    >>> float(inception_score(np.eye(4))), float(inception_score(np.full((5, 3), 1 / 3)))
    (4.0, 1.0)
    """
    p = np.asarray(probs, dtype=np.float64)
    if p.ndim != 2 or len(p) < 1:
        raise ValueError(f"probs must be a 2-D array (n, K), got shape {p.shape}")
    if (p < 0).any() or not np.allclose(p.sum(1), 1, atol=1e-5):
        raise ValueError("probs must be non-negative with every row summing to 1")
    marginal = p.mean(0)
    with np.errstate(divide="ignore", invalid="ignore"):
        kl = np.where(p > 0, p * (np.log(p) - np.log(marginal)), 0.0).sum(1)
    return float(np.exp(kl.mean()))


def frechet_distance(features_a, features_b):
    """Heusel et al.'s Fréchet distance between Gaussians fitted to two sets of features
    (n, D) and (m, D): |μa − μb|² + tr(Σa + Σb − 2 (Σa Σb)^½). The trace of the square root
    is computed as Σ √λ over the eigenvalues of Σa^½ Σb Σa^½ (symmetric, so it stays real).

    >>> a = np.random.default_rng(0).standard_normal((50, 3))
    >>> round(frechet_distance(a, a), 9), round(frechet_distance(a, a + 1), 6)
    (0.0, 3.0)
    """
    a, b = (np.asarray(f, dtype=np.float64) for f in (features_a, features_b))
    if a.ndim != 2 or b.ndim != 2 or a.shape[1] != b.shape[1]:
        raise ValueError(f"features must be 2-D with the same width, got {a.shape}, {b.shape}")
    if len(a) < 2 or len(b) < 2:
        raise ValueError("each set needs at least 2 rows to estimate a covariance")
    cov_a, cov_b = np.cov(a, rowvar=False, ddof=1), np.cov(b, rowvar=False, ddof=1)
    cov_a, cov_b = np.atleast_2d(cov_a), np.atleast_2d(cov_b)
    lam, vec = np.linalg.eigh(cov_a)
    root_a = (vec * np.sqrt(lam.clip(min=0))) @ vec.T
    middle = np.linalg.eigvalsh(root_a @ cov_b @ root_a)
    trace_root = np.sqrt(middle.clip(min=0)).sum()
    mean_term = ((a.mean(0) - b.mean(0)) ** 2).sum()
    return float(mean_term + np.trace(cov_a) + np.trace(cov_b) - 2 * trace_root)


def nearest_distances(queries, references, return_index=False):
    """For every query (n, ...) the Euclidean distance to its nearest reference (m, ...), both
    flattened per row: (n,); with ``return_index`` also the nearest reference's row (n,).
    A generator that copies its training images scores ≈ 0.

    >>> nearest_distances(np.array([[0.0, 0.0], [3.0, 4.0]]), np.array([[0.0, 1.0]]))
    array([1.        , 4.24264069])
    """
    q = np.asarray(queries, dtype=np.float64).reshape(len(queries), -1)
    r = np.asarray(references, dtype=np.float64).reshape(len(references), -1)
    if q.shape[1] != r.shape[1] or len(r) == 0:
        raise ValueError(f"queries and references must have rows of one size, got {q.shape} "
                         f"and {r.shape}")
    squared = (q ** 2).sum(1)[:, None] + (r ** 2).sum(1)[None] - 2 * q @ r.T
    nearest = squared.argmin(1)
    distances = np.sqrt(squared[np.arange(len(q)), nearest].clip(min=0))
    return (distances, nearest) if return_index else distances


def classifier_outputs(classifier, images, batch_size=500):
    """A classifier's class probabilities (n, K) and penultimate features (n, F) for
    ``images`` (n, C, H, W): ``classifier[:-1]`` gives the features, its last layer the logits.
    Run without gradients on the classifier's device; returns NumPy float64 arrays."""
    device = next(classifier.parameters()).device
    x = torch.as_tensor(images, dtype=torch.float32)
    probs, feats = [], []
    with torch.no_grad():
        for i in range(0, len(x), batch_size):
            f = classifier[:-1](x[i:i + batch_size].to(device))
            probs.append(torch.softmax(classifier[-1](f), 1).double().cpu())
            feats.append(f.flatten(1).double().cpu())
    return torch.cat(probs).numpy(), torch.cat(feats).numpy()


def generator_flat_std(generator, z):
    """The checkerboard a generator's upsampling layers make from nothing: its first block's
    mean activation on the latents ``z`` (n, latent, 1, 1), per channel, spread over a flat
    16×16 map and passed through the rest of the generator (eval mode). Returns the standard
    deviation of the central half of the result: every variation there is an artifact."""
    generator.eval()
    with torch.no_grad():
        mean = generator[:3](z.to(next(generator.parameters()).device)).mean((0, 2, 3))
        y = generator[3:](mean[None, :, None, None].expand(1, -1, 16, 16).contiguous())[0, 0]
    q = y.shape[-1] // 4
    return y[q:-q, q:-q].std().item()
