"""Super-resolution: two learned upsamplers, the low/high-resolution pairs they learn from, and
their scores on whole photographs against bicubic interpolation.

- ``espcn``: Shi et al.'s sub-pixel net, every convolution at the small resolution, then a pixel
  shuffle;
- ``FSRCNN``: Dong et al.'s fast net, its last layer a transposed convolution (stride = scale),
  optionally on top of bicubic upsampling (it then learns only what bicubic misses);
- ``shrink`` makes the small image (antialiased bicubic, as torch has it), ``sr_pairs`` the
  training pairs, ``bicubic_upscale`` the baseline, ``upscale`` runs a model on a whole image,
  ``sr_outputs`` runs every method on held-out photos and ``sr_scores`` measures their PSNR and
  SSIM.
"""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from .data import TEST_PHOTOS, photo

__all__ = ["espcn", "FSRCNN", "shrink", "sr_pairs", "bicubic_upscale", "upscale", "psnr_ssim",
           "sr_outputs", "sr_scores"]


def espcn(scale=2, widths=(64, 32)):
    """Shi et al.'s efficient sub-pixel net: 5×5 and 3×3 convolutions (tanh) on the small image,
    then one 3×3 convolution to scale² channels and a pixel shuffle:
    (N, 1, H, W) → (N, 1, scale·H, scale·W).

    >>> espcn(3)(torch.zeros(2, 1, 5, 7)).shape
    torch.Size([2, 1, 15, 21])
    """
    return nn.Sequential(nn.Conv2d(1, widths[0], 5, padding=2), nn.Tanh(),
                         nn.Conv2d(widths[0], widths[1], 3, padding=1), nn.Tanh(),
                         nn.Conv2d(widths[1], scale * scale, 3, padding=1),
                         nn.PixelShuffle(scale))


class FSRCNN(nn.Module):
    """Dong et al.'s fast SR net, scaled down: feature extraction (5×5, ``d`` channels), shrinking
    (1×1 to ``s``), ``m`` 3×3 mapping layers, expanding (1×1 back to ``d``), all with PReLU, then
    a transposed-convolution head (k = 3·scale, stride = scale, padding = scale) that makes the
    large image. With ``skip`` the head learns only the residual over bicubic upsampling. The
    head starts as Dong et al. start it, Gaussian with σ = ``head_std`` and no bias, so the
    untrained net is bicubic plus a correction of about 1e-3 (an exactly zero head passes the
    body no gradient at first, and one seed in four then learned nothing).
    (N, 1, H, W) → (N, 1, scale·H, scale·W).

    >>> FSRCNN(3)(torch.zeros(2, 1, 5, 7)).shape
    torch.Size([2, 1, 15, 21])
    """

    def __init__(self, scale=2, d=32, s=12, m=3, skip=True, head_std=1e-3):
        super().__init__()
        layers = [nn.Conv2d(1, d, 5, padding=2), nn.PReLU(d), nn.Conv2d(d, s, 1), nn.PReLU(s)]
        for _ in range(m):
            layers += [nn.Conv2d(s, s, 3, padding=1), nn.PReLU(s)]
        self.body = nn.Sequential(*layers, nn.Conv2d(s, d, 1), nn.PReLU(d))
        k = 3 * scale  # output = (H − 1)·scale − 2p + k + a = scale·H with p = scale, a = 0
        self.head = nn.ConvTranspose2d(d, 1, k, stride=scale, padding=scale)
        self.scale, self.skip = scale, skip
        nn.init.normal_(self.head.weight, std=head_std)
        nn.init.zeros_(self.head.bias)

    def forward(self, x):
        y = self.head(self.body(x))
        if self.skip:
            y = y + F.interpolate(x, scale_factor=self.scale, mode="bicubic")
        return y


def _tensor(x):
    return x if isinstance(x, torch.Tensor) else torch.from_numpy(np.array(x, np.float32))


def shrink(hr, scale):
    """The small image: antialiased bicubic downscaling by ``scale`` (torch's, whose kernel
    then has a = −0.5, stretched ``scale`` times), clipped to [0, 1].
    (N, C, H, W) → (N, C, H // scale, W // scale), a tensor on ``hr``'s device.

    >>> shrink(torch.ones(1, 1, 8, 7), 2)
    tensor([[[[1., 1., 1.],
              [1., 1., 1.],
              [1., 1., 1.],
              [1., 1., 1.]]]])
    """
    hr = _tensor(hr)
    size = (hr.shape[-2] // scale, hr.shape[-1] // scale)
    return F.interpolate(hr, size=size, mode="bicubic", antialias=True).clamp(0, 1)


def sr_pairs(hr, scale):
    """Training pairs from high-resolution images (N, C, H, W): ``(lr, hr)``, ``hr`` cropped to
    multiples of ``scale`` (N, C, s·⌊H/s⌋, s·⌊W/s⌋) and ``lr = shrink(hr, scale)``; tensors.

    >>> [tuple(t.shape) for t in sr_pairs(torch.rand(3, 1, 10, 11), 3)]
    [(3, 1, 3, 3), (3, 1, 9, 9)]
    """
    hr = _tensor(hr)
    hr = hr[..., : hr.shape[-2] // scale * scale, : hr.shape[-1] // scale * scale]
    return shrink(hr, scale), hr


def bicubic_upscale(lr, scale):
    """The baseline: bicubic upsampling (a = −0.75), clipped to [0, 1].
    (N, C, H, W) → (N, C, scale·H, scale·W)."""
    return F.interpolate(_tensor(lr), scale_factor=scale, mode="bicubic").clamp(0, 1)


def upscale(model, lr):
    """Run ``model`` without gradients on a small image (H, W) or (N, 1, H, W), on the model's
    device; return its output clipped to [0, 1] as a NumPy array of the same rank."""
    device = next(model.parameters()).device
    x = _tensor(lr).to(device)
    flat = x.ndim == 2
    with torch.no_grad():
        y = model.eval()(x.reshape(1, 1, *x.shape) if flat else x)
    y = y.clamp(0, 1).cpu().numpy()
    return y[0, 0] if flat else y


def psnr_ssim(truth, guess, shave=0):
    """PSNR (dB) and SSIM of a grey image ``guess`` (H, W) against ``truth`` (H, W), both in
    [0, 1], after cutting ``shave`` pixels off every border (skimage.metrics).

    >>> psnr_ssim(np.zeros((8, 8)), np.full((8, 8), 0.1))[0]
    20.0
    """
    from skimage.metrics import peak_signal_noise_ratio, structural_similarity

    if shave:
        truth, guess = truth[shave:-shave, shave:-shave], guess[shave:-shave, shave:-shave]
    truth, guess = np.asarray(truth, np.float64), np.asarray(guess, np.float64)
    return (float(peak_signal_noise_ratio(truth, guess, data_range=1.0)),
            float(structural_similarity(truth, guess, data_range=1.0)))


def sr_outputs(models, scale, photos=TEST_PHOTOS):
    """Every method's answer on whole photographs: each of ``photos`` cropped to multiples of
    ``scale`` (the truth), shrunk by ``shrink``, and brought back up by bicubic and by every
    model in ``models`` (name → net upscaling by ``scale``). Returns {photo: {"truth": (H, W),
    "bicubic": (H, W), name: (H, W), …}}, NumPy arrays in [0, 1]."""
    outputs = {}
    for name in photos:
        lr, hr = sr_pairs(photo(name)[None, None], scale)
        outputs[name] = {"truth": hr[0, 0].numpy(),
                         "bicubic": bicubic_upscale(lr, scale)[0, 0].numpy()}
        outputs[name].update({method: upscale(net, lr[0, 0]) for method, net in models.items()})
    return outputs


def sr_scores(outputs, shave=0):
    """PSNR and SSIM of every method of ``outputs`` (as ``sr_outputs`` returns them) against
    its photo's truth, ``shave`` pixels at every border left out (the scale, customarily).
    Returns {photo: {method: (psnr, ssim)}}, every method but the truth.

    >>> truth = np.linspace(0, 1, 64).reshape(8, 8)
    >>> sr_scores({"ramp": {"truth": truth, "same": truth}})["ramp"]["same"][1]
    1.0
    """
    return {name: {method: psnr_ssim(images["truth"], image, shave)
                   for method, image in images.items() if method != "truth"}
            for name, images in outputs.items()}
