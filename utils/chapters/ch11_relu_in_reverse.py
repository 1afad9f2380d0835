"""Chapter 11 · the ReLU in reverse: the exercise checks and the drawers.

Used by ``chapters/11_relu_in_reverse/``; tested by
``tests/chapters/test_ch11_relu_in_reverse.py``.
"""

import warnings

import numpy as np
import torch
import torch.nn.functional as F

from ..nets import digits_cnn
from ..plot import draw_grid
from ..relu_rules import RULES, input_map, relu_backward
from .grading import grade

__all__ = ["draw_rules", "draw_maps", "draw_class_maps", "check_leaky_relu_backward",
           "check_deconvnet_hook", "check_max_pool_backward"]

NAMES = {"backprop": "backprop (saliency)", "deconvnet": "deconvnet", "guided": "guided backprop"}


def draw_rules(fig, x, grad):
    """The forward input x (h, w), the ReLU's output, the signal coming back, and what each
    rule sends on, as numbered grids; returns {rule: array (h, w)}."""
    out = {rule: relu_backward(grad, x, rule) for rule in RULES}
    panels = [(x, "forward input x"), (np.maximum(x, 0), "relu(x)"), (grad, "signal back g")]
    panels += [(out[rule], NAMES[rule]) for rule in RULES]
    for ax, (a, title) in zip(fig.subplots(1, len(panels)), panels):
        draw_grid(ax, a, title, fmt="{:.0f}")
    return out


def _show_map(ax, m, title=None):
    """One map (h, w) on a diverging scale centred on 0, so that the sign reads at a glance."""
    m = np.asarray(m, dtype=float)
    v = float(np.abs(m).max()) or 1.0
    ax.imshow(m, cmap="RdBu_r", vmin=-v, vmax=v)
    ax.set_xticks([])
    ax.set_yticks([])
    if title:
        ax.set_title(title, fontsize=9)


def draw_maps(fig, images, maps, row_names):
    """A row of grey images (n, h, w), then one row per entry of ``maps`` (a list of (n, h, w)
    arrays), each named in ``row_names`` (the images' row first)."""
    rows = [np.asarray(images)] + [np.asarray(m) for m in maps]
    axes = fig.subplots(len(rows), len(rows[0]), squeeze=False)
    for i, (row, name) in enumerate(zip(rows, row_names)):
        for j, a in enumerate(row):
            if i == 0:
                axes[i, j].imshow(a, cmap="gray_r")
                axes[i, j].set_xticks([])
                axes[i, j].set_yticks([])
            else:
                _show_map(axes[i, j], a)
        axes[i, 0].set_ylabel(name, fontsize=9)
    return axes


def draw_class_maps(fig, net, images, image=0, target=0):
    """Image number ``image`` of ``images`` (n, 1, 8, 8) and its three maps for class
    ``target``, with the net's probability of that class; returns the maps (3, 8, 8)."""
    x = torch.as_tensor(images[image: image + 1], device=next(net.parameters()).device)
    with torch.no_grad():
        p = torch.softmax(net(x), 1)[0, target].item()
    maps = np.stack([input_map(net, x, target, rule)[0, 0].cpu().numpy() for rule in RULES])
    axes = fig.subplots(1, 4)
    axes[0].imshow(images[image, 0], cmap="gray_r")
    axes[0].set_title(f"image {image}: p({target}) = {p:.2f}", fontsize=9)
    axes[0].set_xticks([])
    axes[0].set_yticks([])
    for ax, m, rule in zip(axes[1:], maps, RULES):
        _show_map(ax, m, f"{NAMES[rule]}, class {target}")
    return maps


def check_leaky_relu_backward(leaky_relu_backward, n_cases=20, seed=0):
    """``leaky_relu_backward(grad, x, slope)``: the gradient rule of F.leaky_relu(x, slope),
    for arrays of any shape."""
    rng = np.random.default_rng(seed)
    cases = []
    for _ in range(n_cases):
        shape = tuple(int(v) for v in rng.integers(1, 5, int(rng.integers(1, 4))))
        cases.append((rng.standard_normal(shape), rng.integers(-2, 3, shape).astype(float),
                      float(rng.choice([0.01, 0.1, 0.3]))))

    def torch_ref(grad, x, slope):
        xt = torch.from_numpy(x).requires_grad_(True)
        (g,) = torch.autograd.grad(F.leaky_relu(xt, slope), xt, torch.from_numpy(grad))
        return g.numpy()

    grade("leaky_relu_backward", cases, leaky_relu_backward, torch_ref,
          "Hint: where x > 0 the signal passes unchanged; everywhere else (x = 0 included) "
          "it is multiplied by the slope.")


def check_deconvnet_hook(deconvnet_hook, n_cases=4, seed=0):
    """``deconvnet_hook(module, grad_input, grad_output)``: a full backward hook for
    ``nn.ReLU`` that makes the network send signals back by Zeiler & Fergus's rule. Checked
    against Captum's ``Deconvolution`` on random digit networks."""
    from captum.attr import Deconvolution

    rng = np.random.default_rng(seed)
    cases = [(int(rng.integers(1 << 30)), rng.random((3, 1, 8, 8)), int(rng.integers(10)))
             for _ in range(n_cases)]

    def answer(net_seed, x, target):
        torch.manual_seed(net_seed)
        net = digits_cnn().double().eval()
        handles = [m.register_full_backward_hook(deconvnet_hook) for m in net.modules()
                   if isinstance(m, torch.nn.ReLU)]
        xt = torch.from_numpy(x).requires_grad_(True)
        try:
            (g,) = torch.autograd.grad(net(xt)[:, target].sum(), xt)
        finally:
            for handle in handles:
                handle.remove()
        return g.numpy()

    def torch_ref(net_seed, x, target):
        torch.manual_seed(net_seed)
        net = digits_cnn().double().eval()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return Deconvolution(net).attribute(torch.from_numpy(x), target=target).numpy()

    grade("deconvnet_hook", cases, answer, torch_ref,
          "Hint: return a one-element tuple built from grad_output[0] alone: the deconvnet "
          "rectifies the signal coming back and ignores the forward input.")


def check_max_pool_backward(max_pool_backward, n_cases=12, seed=0):
    """``max_pool_backward(grad, x)``: the signal sent back through a 2×2, stride-2 max pool of
    one plane x (H, W), H and W even; grad is (H/2, W/2). Checked against torch's gradient."""
    rng = np.random.default_rng(seed)
    cases = []
    for _ in range(n_cases):
        H, W = 2 * int(rng.integers(1, 5)), 2 * int(rng.integers(1, 5))
        cases.append((rng.standard_normal((H // 2, W // 2)),
                      rng.integers(0, 4, (H, W)).astype(float)))  # small integers: ties

    def torch_ref(grad, x):
        xt = torch.from_numpy(x)[None, None].requires_grad_(True)
        (g,) = torch.autograd.grad(F.max_pool2d(xt, 2), xt, torch.from_numpy(grad)[None, None])
        return g[0, 0].numpy()

    grade("max_pool_backward", cases, max_pool_backward, torch_ref,
          "Hint: each value goes back to its window's switch, the first maximum in row-major "
          "order (chapter 06), and nowhere else.")
