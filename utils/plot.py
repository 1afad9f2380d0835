"""Small arrays drawn as grids with their numbers written in the cells."""

import numpy as np

__all__ = ["draw_grid", "draw_grids", "show_grids", "show_scenes"]

TITLE_INCHES_PER_CHAR = 0.085  # a panel title's width per character, at matplotlib's 10 pt


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


def draw_grids(fig, *arrays, titles=None, fmt="{:.3g}", gaps=None, **kwargs):
    """Draw small arrays side by side on ``fig`` as numbered grids, panels sized by width, so
    that every grid's cells are the same size; ``gaps`` (one more than the arrays, in cells:
    before the first, between neighbours, after the last) adds empty space."""
    arrays = [np.atleast_2d(np.asarray(a, dtype=float)) for a in arrays]
    titles = titles or [None] * len(arrays)
    if gaps is None:
        axes = fig.subplots(1, len(arrays), width_ratios=[a.shape[1] for a in arrays],
                            squeeze=False)[0]
    else:  # empty columns between the grids' own
        ratios = [max(gaps[0], 1e-3)] + [r for a, gap in zip(arrays, gaps[1:])
                                         for r in (a.shape[1], max(gap, 1e-3))]
        columns = fig.subplots(1, len(ratios), width_ratios=ratios, squeeze=False)[0]
        for spacer in columns[::2]:
            spacer.remove()
        axes = columns[1::2]
    for ax, a, t in zip(axes, arrays, titles):
        draw_grid(ax, a, title=t, fmt=fmt, **kwargs)
    return axes


def show_grids(*arrays, titles=None, fmt="{:.3g}", width_scale=0.45, **kwargs):
    """Draw several small arrays side by side, each as a numbered grid; return the figure.

    Panels are sized by the arrays' widths, so a 4×16 matrix sits next to a 4×4 input
    without being squeezed, and a narrow array with a long title is given room for it.
    """
    import matplotlib.pyplot as plt

    shapes = [np.atleast_2d(np.asarray(a)).shape for a in arrays]
    titles = titles or [None] * len(arrays)
    # how far each title reaches past its grid on either side, in cells
    reach = [max(0.0, TITLE_INCHES_PER_CHAR * len(t or "") / width_scale - w) / 2
             for (_, w), t in zip(shapes, titles)]
    gaps = [reach[0]] + [left + right for left, right in zip(reach, reach[1:])] + [reach[-1]]
    width = sum(w for _, w in shapes) + sum(gaps)
    height = max(h for h, _ in shapes)
    fig = plt.figure(figsize=(width_scale * width + 0.6 * len(arrays),
                              width_scale * height + 0.8))
    draw_grids(fig, *arrays, titles=titles, fmt=fmt, gaps=gaps, **kwargs)
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
