"""Small arrays drawn as grids with their numbers written in the cells."""

import numpy as np

__all__ = ["draw_grid", "draw_grids", "show_grids", "show_scenes"]


def draw_grid(ax, a, title=None, fmt="{:.3g}", cmap="RdBu_r", fontsize=None, faint_zeros=True):
    """Draw the 2-D array ``a`` (h, w) on ``ax`` as coloured cells with each value written in.

    Colours are symmetric around 0 so that the sign reads at a glance; zeros are written
    faintly, so the structure of a sparse matrix stands out.
    """
    a = np.asarray(a, dtype=float)
    if a.ndim == 1:
        a = a[None]
    if a.ndim != 2:
        raise ValueError(f"draw_grid needs a 1-D or 2-D array, got shape {a.shape}")
    vmax = float(np.abs(a).max()) or 1.0
    ax.imshow(a, cmap=cmap, vmin=-vmax, vmax=vmax)
    h, w = a.shape
    size = fontsize or max(5, min(12, 150 / max(h, w)))
    for (r, c), v in np.ndenumerate(a):
        zero = faint_zeros and v == 0
        colour = "0.75" if zero else ("white" if abs(v) > 0.6 * vmax else "black")
        ax.text(c, r, fmt.format(v), ha="center", va="center", fontsize=size, color=colour)
    ax.set_xticks(np.arange(w + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(h + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="0.4", linewidth=0.5)
    ax.tick_params(which="both", length=0, labelbottom=False, labelleft=False)
    if title:
        ax.set_title(title)
    return ax


def draw_grids(fig, *arrays, titles=None, fmt="{:.3g}", **kwargs):
    """Draw small arrays side by side on ``fig`` as numbered grids, panels sized by width."""
    arrays = [np.atleast_2d(np.asarray(a, dtype=float)) for a in arrays]
    titles = titles or [None] * len(arrays)
    axes = fig.subplots(1, len(arrays), width_ratios=[a.shape[1] for a in arrays], squeeze=False)
    for ax, a, t in zip(axes[0], arrays, titles):
        draw_grid(ax, a, title=t, fmt=fmt, **kwargs)
    return axes[0]


def show_grids(*arrays, titles=None, fmt="{:.3g}", width_scale=0.45, **kwargs):
    """Draw several small arrays side by side, each as a numbered grid; return the figure.

    Panels are sized by the arrays' widths, so a 4×16 matrix sits next to a 4×4 input
    without being squeezed.
    """
    import matplotlib.pyplot as plt

    shapes = [np.atleast_2d(np.asarray(a)).shape for a in arrays]
    width = sum(w for _, w in shapes)
    height = max(h for h, _ in shapes)
    fig = plt.figure(figsize=(width_scale * width + 0.6 * len(arrays),
                              width_scale * height + 0.8))
    draw_grids(fig, *arrays, titles=titles, fmt=fmt, **kwargs)
    fig.tight_layout()
    return fig


def show_scenes(images, *label_maps, titles=None, size=2.0):
    """One row per label set under a row of RGB images (N, 3, H, W); return the figure.

    ``label_maps`` are arrays (N, H, W) such as the true masks and predictions; ``titles``
    names each row.
    """
    import matplotlib.pyplot as plt

    images = np.asarray(images)
    rows = 1 + len(label_maps)
    fig, axes = plt.subplots(rows, len(images), figsize=(size * len(images), size * rows),
                             squeeze=False)
    for j, image in enumerate(images):
        axes[0, j].imshow(np.clip(image.transpose(1, 2, 0), 0, 1))
        for i, labels in enumerate(label_maps, start=1):
            axes[i, j].imshow(np.asarray(labels)[j], cmap="gray", vmin=0, vmax=1)
    for i, ax_row in enumerate(axes):
        for ax in ax_row:
            ax.set_xticks([])
            ax.set_yticks([])
        if titles:
            ax_row[0].set_ylabel(titles[i])
    fig.tight_layout()
    return fig
