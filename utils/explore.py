"""Explorers: an ipywidgets version for readers who run a notebook, and a self-contained
JavaScript animation of the same drawing for the website (where widgets have no kernel)."""

import numpy as np

from .matrix import conv_matrix
from .ops import conv_transpose2d
from .plot import draw_grid

__all__ = ["animate", "explorer", "draw_conv_matrix", "draw_stamps",
           "explore_conv_matrix", "explore_transposed_conv", "draw_sliding_window",
           "draw_same_padding", "draw_size_flow", "draw_gather_view"]


def animate(draw_frame, n_frames, figsize=(10, 4), interval=1200):
    """Call ``draw_frame(fig, i)`` for each frame on a cleared figure; return the animation
    as embeddable HTML (``matplotlib.animation`` → ``to_jshtml``), no kernel needed."""
    import matplotlib.pyplot as plt
    from IPython.display import HTML
    from matplotlib.animation import FuncAnimation

    fig = plt.figure(figsize=figsize)

    def frame(i):
        fig.clear()
        draw_frame(fig, i)

    anim = FuncAnimation(fig, frame, frames=n_frames, interval=interval)
    html = HTML(anim.to_jshtml(default_mode="loop"))
    plt.close(fig)
    return html


def explorer(draw, figsize=(10, 4), **sliders):
    """An ``ipywidgets`` explorer: ``draw(fig, **values)`` redrawn whenever a slider moves.

    ``sliders`` maps a keyword of ``draw`` to ``(min, max)`` or ``(min, max, value)``.
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    controls = {name: widgets.IntSlider(min=lo, max=hi, value=rest[0] if rest else lo,
                                        description=name, continuous_update=False)
                for name, (lo, hi, *rest) in sliders.items()}

    def show(**values):
        fig = plt.figure(figsize=figsize)
        try:
            draw(fig, **values)
        except ValueError as error:  # an impossible setting: say why instead of drawing
            fig.text(0.5, 0.5, str(error), ha="center", wrap=True)
        plt.show()

    return widgets.interactive(show, **controls)


def draw_conv_matrix(fig, kernel_size=3, size=4, stride=1, padding=0, dilation=1):
    """Input indices, kernel and the convolution matrix C, side by side.

    The kernel holds 1..k² so that every entry of C says which tap it is.
    """
    k = kernel_size
    w = np.arange(1.0, k * k + 1).reshape(1, 1, k, k)
    C = conv_matrix(w, (size, size), stride=stride, padding=padding, dilation=dilation)
    axes = fig.subplots(1, 3, width_ratios=[size, k, C.shape[1]])
    draw_grid(axes[0], np.arange(size * size).reshape(size, size), "input index", fmt="{:.0f}",
              cmap="Greys", faint_zeros=False)
    draw_grid(axes[1], w[0, 0], "kernel w", fmt="{:.0f}")
    draw_grid(axes[2], C, f"C: {C.shape[0]}×{C.shape[1]}", fmt="{:.0f}")
    fig.suptitle(f"k={k}, i={size}, s={stride}, p={padding}, d={dilation}")
    return C


def draw_stamps(fig, y, w, stride=1, padding=0, output_padding=0, steps=None):
    """Transposed convolution as stamps: the first ``steps`` input values each add a scaled
    copy of the kernel into the output. Panels: input y, kernel w, output so far, and how
    many stamps cover each output pixel (the uneven overlap behind checkerboards).
    """
    y, w = np.asarray(y, float), np.asarray(w, float)
    steps = y.size if steps is None else steps
    shown = np.where(np.arange(y.size).reshape(y.shape) < steps, y, 0.0)
    out = conv_transpose2d(shown[None, None], w[None, None], stride=stride, padding=padding,
                           output_padding=output_padding)[0, 0]
    full = conv_transpose2d(np.ones((1, 1) + y.shape), np.ones((1, 1) + w.shape),
                            stride=stride, padding=padding, output_padding=output_padding)[0, 0]
    axes = fig.subplots(1, 4, width_ratios=[y.shape[1], w.shape[1], out.shape[1], out.shape[1]])
    draw_grid(axes[0], shown, f"y (first {steps})", fmt="{:.0f}")
    draw_grid(axes[1], w, "w", fmt="{:.0f}")
    draw_grid(axes[2], out, f"output {out.shape}", fmt="{:.0f}")
    draw_grid(axes[3], full, "stamps per pixel", fmt="{:.0f}", cmap="Purples")
    fig.suptitle(f"stride={stride}, padding={padding}, output_padding={output_padding}")
    return out


def explore_conv_matrix():
    """Sliders for kernel size, input size, stride, padding, dilation → C."""
    return explorer(draw_conv_matrix, figsize=(12, 4), kernel_size=(1, 4, 3), size=(2, 6, 4),
                    stride=(1, 3, 1), padding=(0, 2, 0), dilation=(1, 3, 1))


def explore_transposed_conv():
    """Sliders for kernel size, stride, padding, output_padding → the stamped output."""
    def draw(fig, kernel_size, stride, padding, output_padding):
        y = np.arange(1.0, 10).reshape(3, 3)
        draw_stamps(fig, y, np.ones((kernel_size, kernel_size)), stride, padding, output_padding)

    return explorer(draw, figsize=(12, 4), kernel_size=(1, 5, 3), stride=(1, 3, 2),
                    padding=(0, 2, 0), output_padding=(0, 2, 0))


def draw_sliding_window(fig, image, labels, row, col, patch_size):
    """The sliding-window classifier at pixel (row, col): the window on the image, the patch it
    sees, and the label map filled in raster order up to that pixel.

    image (3, H, W) in [0, 1]; labels (H, W) the classifier's answer for every pixel.
    """
    from matplotlib.patches import Rectangle

    r = patch_size // 2
    _, H, W = image.shape
    padded = np.pad(image, ((0, 0), (r, r), (r, r)))
    done = (np.arange(H * W) <= row * W + col).reshape(H, W)
    axes = fig.subplots(1, 3)
    axes[0].imshow(image.transpose(1, 2, 0))
    axes[0].add_patch(Rectangle((col - r - 0.5, row - r - 0.5), patch_size, patch_size,
                                fill=False, edgecolor="yellow", linewidth=2))
    axes[0].set_title(f"window at ({row}, {col})")
    axes[1].imshow(padded[:, row: row + patch_size, col: col + patch_size].transpose(1, 2, 0))
    axes[1].set_title(f"patch {patch_size}×{patch_size}")
    axes[2].imshow(np.where(done, labels, 0.5), cmap="gray", vmin=0, vmax=1)
    axes[2].set_title(f"{int(done.sum())} of {H * W} pixels")
    for ax in axes:
        ax.set_xticks([])
        ax.set_yticks([])


def draw_same_padding(fig, kernel_size=3, dilation=1, size=7):
    """A 1-D input with the zeros that 'same' padding adds (left and right), the dilated
    kernel's reach, and the output length."""
    from .ops import same_padding

    left, right = same_padding(kernel_size, dilation)
    row = np.concatenate([np.zeros(left), np.arange(1.0, size + 1), np.zeros(right)])
    reach = np.zeros(dilation * (kernel_size - 1) + 1)
    reach[::dilation] = 1
    out = len(row) - len(reach) + 1
    axes = fig.subplots(3, 1, height_ratios=[1, 1, 1])
    draw_grid(axes[0], row[None], f"padded input: {left} zero(s) left, {right} right",
              fmt="{:.0f}")
    draw_grid(axes[1], reach[None], f"kernel k={kernel_size}, d={dilation}: reach "
              f"{len(reach)}", fmt="{:.0f}", cmap="Purples")
    draw_grid(axes[2], np.ones(out)[None], f"output length {out} (input {size})",
              fmt="{:.0f}", cmap="Greys")
    for ax in axes:  # one scale for all three rows, so the lengths compare
        ax.set_xlim(-0.5, len(row) - 0.5)
    fig.tight_layout()
    return left, right


def draw_size_flow(fig, size=64, kernel_size=3, stride=2, padding=1, depth=3):
    """Shrink then restore: the size after each strided convolution going down, and after
    each transposed convolution (same k, s, p) coming back up, with and without the
    ``output_padding`` that restores the exact size."""
    from .sizes import conv_output_size, conv_transpose_output_size, output_padding_for

    down = [size]
    for _ in range(depth):
        down.append(conv_output_size(down[-1], kernel_size, stride, padding))
        if down[-1] < 1:
            raise ValueError(f"the input vanishes after {len(down) - 1} layers: {down}")
    plain, fixed = [down[-1]], [down[-1]]
    for target in reversed(down[:-1]):
        plain.append(conv_transpose_output_size(plain[-1], kernel_size, stride, padding))
        a = output_padding_for(target, kernel_size, stride, padding)
        fixed.append(conv_transpose_output_size(fixed[-1], kernel_size, stride, padding, a))
    ax = fig.subplots()
    steps = np.arange(2 * depth + 1)
    ax.bar(steps[:depth + 1], down, color="C0", label="encoder: conv")
    ax.bar(steps[depth:] - 0.2, plain, width=0.4, color="C3", label="decoder, output_padding=0")
    ax.bar(steps[depth:] + 0.2, fixed, width=0.4, color="C2",
           label="decoder, chosen output_padding")
    for x, v in list(zip(steps, down)) + list(zip(steps[depth:] - 0.2, plain))[1:] + \
            list(zip(steps[depth:] + 0.2, fixed))[1:]:
        ax.text(x, v, str(v), ha="center", va="bottom", fontsize=8)
    names = [f"x{i}" for i in range(depth + 1)] + [f"up{i}" for i in range(1, depth + 1)]
    ax.set_xticks(steps, names)
    ax.set_ylabel("size")
    ax.set_title(f"i={size}, k={kernel_size}, s={stride}, p={padding}: "
                 f"{'restored' if plain[-1] == size else f'plain decoder gives {plain[-1]}'}")
    ax.legend(fontsize=7, loc="upper center")
    return down, plain, fixed


def draw_gather_view(fig, kernel_size=3, stride=2, padding=0, output_padding=0, size=3):
    """The gather view of a 1-D transposed convolution: the input stretched with s − 1 zeros
    between values, padded by k − p − 1 (plus output_padding at the far end), the flipped
    kernel, and the output it slides to — equal to the stamps of the scatter view."""
    from .ops import conv_transpose1d

    x = np.arange(1.0, size + 1)
    w = np.arange(1.0, kernel_size + 1)
    stretched = np.zeros((size - 1) * stride + 1)
    stretched[::stride] = x
    edge = kernel_size - padding - 1
    if edge < 0:
        raise ValueError(f"padding {padding} > k − 1 = {kernel_size - 1}: the gather view "
                         "would crop the stretched input instead of padding it")
    padded = np.pad(stretched, (edge, edge + output_padding))
    out = conv_transpose1d(x[None, None], w[None, None], stride=stride, padding=padding,
                           output_padding=output_padding)[0, 0]
    axes = fig.subplots(3, 1)
    draw_grid(axes[0], padded[None], f"stretched by s={stride}, padded {edge} | "
              f"{edge + output_padding}", fmt="{:.0f}")
    draw_grid(axes[1], w[::-1][None], "flipped kernel", fmt="{:.0f}", cmap="Purples")
    draw_grid(axes[2], out[None], f"output: {len(out)} values", fmt="{:.0f}")
    for ax in axes:
        ax.set_xlim(-0.5, len(padded) - 0.5)
    fig.tight_layout()
    return out
