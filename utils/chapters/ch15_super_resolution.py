"""Chapter 15 · Learned upsampling vs bicubic: the exercise checks and the drawers.

Used by ``chapters/15_super_resolution/``; tested by
``tests/chapters/test_ch15_super_resolution.py``.
"""

import numpy as np
import torch
import torch.nn.functional as F

from .grading import grade

__all__ = ["draw_crops", "draw_photo_crops", "check_cubic_kernel", "check_bicubic_1d",
           "check_psnr"]


def _crop(image, box):
    top, left, size = box
    return np.asarray(image)[top: top + size, left: left + size]


def draw_crops(fig, images, box, titles=None, errors=None):
    """One row of the same ``box`` = (top, left, size) cut from every image (H, W) in
    ``images`` (name → image, values in [0, 1]), shown pixel for pixel, titled by the names or
    by ``titles``. With ``errors`` (a number), the row goes on with |image − first image| for
    every other image, in a colour scale from 0 to ``errors``: where each method is wrong, if
    the first image is the truth. Returns the axes."""
    crops = [_crop(image, box) for image in images.values()]
    names = list(images)
    n_errors = len(crops) - 1 if errors else 0
    axes = np.atleast_1d(fig.subplots(1, len(crops) + n_errors))
    for ax, crop, title in zip(axes, crops, titles or names):
        ax.imshow(crop, cmap="gray", vmin=0, vmax=1, interpolation="nearest")
        ax.set_title(title, fontsize=9)
    for ax, crop, name in zip(axes[len(crops):], crops[1:], names[1:]):
        ax.imshow(np.abs(crop - crops[0]), cmap="magma", vmin=0, vmax=errors,
                  interpolation="nearest")
        ax.set_title(f"|{name} - {names[0]}|", fontsize=9)
    for ax in axes:
        ax.set_xticks([])
        ax.set_yticks([])
    fig.subplots_adjust(wspace=0.04)
    return axes


def draw_photo_crops(fig, outputs, photo=0, top=40, left=40, size=48):
    """The explorer's drawing: photo number ``photo`` of ``outputs`` ({photo: {method: image}},
    every image of one photo the same size) whole, with a box at ``top``, ``left`` (percent of
    the free room) of ``size`` pixels, then that box in every method's image."""
    from matplotlib.patches import Rectangle

    name = list(outputs)[photo]
    images = outputs[name]
    h, w = next(iter(images.values())).shape
    size = min(size, h, w)
    box = (round((h - size) * top / 100), round((w - size) * left / 100), size)
    grid = fig.add_gridspec(1, len(images) + 1, width_ratios=[1.6] + [1] * len(images))
    whole = fig.add_subplot(grid[0])
    whole.imshow(next(iter(images.values())), cmap="gray", vmin=0, vmax=1)
    whole.add_patch(Rectangle((box[1], box[0]), size, size, fill=False, color="red"))
    whole.set_title(name, fontsize=9)
    axes = [whole]
    for i, (method, image) in enumerate(images.items(), start=1):
        ax = fig.add_subplot(grid[i])
        ax.imshow(_crop(image, box), cmap="gray", vmin=0, vmax=1, interpolation="nearest")
        ax.set_title(method, fontsize=9)
        axes.append(ax)
    for ax in axes:
        ax.set_xticks([])
        ax.set_yticks([])
    return axes


def _torch_cubic(t, a):
    """Keys' kernel read off torch: the bicubic upsampling of a delta by 8 samples the kernel
    at t = (o + ½)/8 − ½ − 4; torch uses a = −0.75, and a = −0.5 when ``antialias`` is on."""
    x = torch.zeros(1, 1, 1, 9, dtype=torch.float64)
    x[..., 4] = 1
    y = F.interpolate(x, size=(1, 72), mode="bicubic", antialias=a == -0.5)[0, 0, 0].numpy()
    return y[np.round((t + 4.5) * 8 - 0.5).astype(int)]


def check_cubic_kernel(cubic_kernel, seed=0):
    """``cubic_kernel(t, a=-0.75)``: Keys' cubic convolution kernel at every entry of the array
    ``t``, for a = −0.75 (torch's bicubic) and a = −0.5 (torch's antialiased bicubic)."""
    rng = np.random.default_rng(seed)
    grid = (np.arange(72) + 0.5) / 8 - 4.5  # the positions a delta's ×8 upsampling samples
    cases = [(rng.choice(grid, int(n)), a) for n, a in zip(rng.integers(5, 30, 6),
                                                           [-0.75, -0.5] * 3)]
    cases += [(grid, -0.75), (grid, -0.5)]
    grade("cubic_kernel", cases, lambda t, a: cubic_kernel(t, a=a), _torch_cubic,
          "Hint: two cubic pieces, (a + 2)|t|³ − (a + 3)|t|² + 1 for |t| < 1 and "
          "a|t|³ − 5a|t|² + 8a|t| − 4a for 1 ≤ |t| < 2, zero beyond; use |t|, the kernel is even.")


def check_bicubic_1d(bicubic_1d, n_cases=12, seed=0):
    """``bicubic_1d(x, out_size, align_corners=False)``: a 1-D array (L,) resized to
    (out_size,) as ``F.interpolate(mode='bicubic')`` resizes one row of an image."""
    rng = np.random.default_rng(seed)
    cases = [(rng.standard_normal(int(rng.integers(1, 12))), int(rng.integers(1, 25)),
              bool(i % 2)) for i in range(n_cases)]
    cases += [(rng.standard_normal(5), 15, False), (rng.standard_normal(6), 3, True)]

    def torch_ref(x, out_size, align_corners):
        y = F.interpolate(torch.from_numpy(x)[None, None, None], size=(1, out_size),
                          mode="bicubic", align_corners=align_corners)
        return y[0, 0, 0].numpy()

    grade("bicubic_1d", cases,
          lambda x, n, ac: bicubic_1d(x.copy(), n, align_corners=ac), torch_ref,
          "Hint: the source coordinate is (o + ½)·L/out − ½ (or o·(L − 1)/(out − 1) with "
          "align_corners, and 0 when out = 1), not clamped; take the four taps ⌊src⌋ − 1 … "
          "⌊src⌋ + 2, clamp their indices to 0 … L − 1, and weigh tap j by kernel(src − j).")


def check_psnr(psnr, n_cases=10, seed=0):
    """``psnr(truth, guess)``: the peak signal-to-noise ratio in dB of ``guess`` against
    ``truth`` (arrays of one shape, values in [0, 1], so the peak is 1), as
    ``skimage.metrics.peak_signal_noise_ratio(truth, guess, data_range=1)``."""
    from skimage.metrics import peak_signal_noise_ratio

    rng = np.random.default_rng(seed)
    cases = []
    for _ in range(n_cases):
        shape = tuple(int(v) for v in rng.integers(2, 20, int(rng.integers(1, 4))))
        truth = rng.random(shape) * rng.uniform(0.2, 1)  # not every image reaches 1
        noise = rng.uniform(0.005, 0.2) * rng.standard_normal(shape)
        cases.append((truth, np.clip(truth + noise, 0, 1)))

    grade("psnr", cases, lambda t, g: float(psnr(t.copy(), g.copy())),
          lambda t, g: peak_signal_noise_ratio(t, g, data_range=1.0),
          "Hint: 10·log10(peak² / MSE) with peak = 1, the largest value the images can take "
          "(not the largest they happen to hold), and MSE the mean of the squared differences.")
