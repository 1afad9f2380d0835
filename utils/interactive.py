"""A drawing made interactive twice: an ipywidgets explorer for readers who run a notebook, and
a self-contained JavaScript animation of the same drawing for the website (where widgets have
no kernel). Each chapter's drawers live in its module under ``utils/chapters``."""

__all__ = ["animate", "explorer"]


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
