"""The website's animations play offline: matplotlib's player, with its icons inline and every
control named for a screen reader."""

import re

import matplotlib
import pytest

from utils.interactive import _ICONS, animate, offline_player

matplotlib.use("Agg")


def test_animation_loads_nothing_from_another_host():
    html = animate(lambda fig, i: fig.add_subplot().plot([0, i]), 3, figsize=(2, 2)).data
    assert "://" not in html, "an external load is left in the player"
    assert "font-awesome" not in html and 'class="fa' not in html
    assert html.count("<svg") == len(_ICONS) == 9, "one inline icon per button"
    assert len(re.findall(r"frames\[\d+\] = \"data:image/png;base64", html)) == 3


def test_every_control_of_the_player_has_a_name():
    """Buttons by their aria-label, the slider by its own, each loop mode by a <label for>; the
    frame's alt text comes from the page (_ext/accessibility.py)."""
    html = animate(lambda fig, i: fig.add_subplot().plot([0, i]), 2, figsize=(2, 2)).data
    buttons = re.findall(r"<button[^>]*>", html)
    assert len(buttons) == 9 and all('aria-label="' in b for b in buttons)
    assert re.findall(r'<input id="_anim_slider\w+" aria-label="Frame" type="range"', html)
    radios = re.findall(r'<input type="radio"[^>]* id="(\w+)"', html)
    assert len(radios) == 3 and all(f'<label for="{r}">' in html for r in radios)
    assert re.search(r'<img id="_anim_img\w+">', html), "the frame the page gives its alt text"


def test_the_player_fetches_a_frame_when_it_shows_it():
    html = animate(lambda fig, i: fig.add_subplot().plot([0, i]), 2, figsize=(2, 2)).data
    assert "new Image()" not in html and "this.frames[i] = {src: frames[i]};" in html


def test_an_unknown_icon_is_refused():
    with pytest.raises(ValueError, match="fa-rocket"):
        offline_player('<i class="fa fa-rocket"></i>')
