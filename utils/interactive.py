"""A drawing made interactive twice: an ipywidgets explorer for readers who run a notebook, and
a self-contained JavaScript animation of the same drawing for the website (where widgets have
no kernel). Each chapter's drawers live in its module under ``utils/chapters``."""

import re

__all__ = ["animate", "explorer"]

# The player's buttons as inline SVG (16×16, the text colour), so an animation needs nothing
# from another host: matplotlib's player links font-awesome 4.4 from a CDN for its icons.
_ICONS = {
    "minus": "M3 7h10v2H3z",
    "plus": "M7 3h2v4h4v2H9v4H7V9H3V7h4z",
    "fast-backward": "M1 2h2v12H1zM9 2 3 8l6 6zM15 2 9 8l6 6z",
    "step-backward": "M3 2h2v12H3zM13 2 6 8l7 6z",
    "play fa-flip-horizontal": "M12 2 3 8l9 6z",
    "pause": "M3 2h4v12H3zM9 2h4v12H9z",
    "play": "M4 2l9 6-9 6z",
    "step-forward": "M11 2h2v12h-2zM3 2l7 6-7 6z",
    "fast-forward": "M13 2h2v12h-2zM1 2l6 6-6 6zM7 2l6 6-6 6z",
}
# matplotlib's player fetches every frame when it starts; it only needs each one's address
_PRELOAD = "this.frames[i] = new Image();\n     this.frames[i].src = frames[i];"
_SVG = ('<svg viewBox="0 0 16 16" width="1em" height="1em" fill="currentColor" '
        'aria-hidden="true"><path d="{}"/></svg>')


def offline_player(html):
    """matplotlib's JavaScript player without its one external load, with a label on its slider,
    and loading each frame when it is shown: the font-awesome link goes, each ``<i class="fa
    fa-…">`` icon becomes an inline SVG, the frame slider is named for screen readers (the
    frame's alt text is the page's: ``_ext/accessibility.py``), and the player keeps each
    frame's address instead of fetching every frame when the page opens (on the website the
    frames are files: ``_ext/lighter.py``).

    >>> offline_player('<link rel="stylesheet" href="https://x/font-awesome.min.css">'
    ...                '<button><i class="fa fa-pause"></i></button>')
    '<button><svg viewBox="0 0 16 16" width="1em" height="1em" fill="currentColor" \
aria-hidden="true"><path d="M3 2h4v12H3zM9 2h4v12H9z"/></svg></button>'
    >>> offline_player('<input id="_anim_slider1a" type="range">')
    '<input id="_anim_slider1a" aria-label="Frame" type="range">'
    """
    html = re.sub(r'<link[^>]*font-awesome[^>]*>\s*', "", html)
    html = re.sub(r'(<input id="_anim_slider\w+")', r'\1 aria-label="Frame"', html)
    html = html.replace(_PRELOAD, "this.frames[i] = {src: frames[i]};")

    def icon(match):
        if match[1] not in _ICONS:
            raise ValueError(f"no offline icon for matplotlib's button 'fa-{match[1]}'")
        return _SVG.format(_ICONS[match[1]])

    return re.sub(r'<i class="fa fa-([\w -]+?)"></i>', icon, html)


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
    html = HTML(offline_player(anim.to_jshtml(default_mode="loop")))
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
