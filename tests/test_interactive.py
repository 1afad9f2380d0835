"""The website's animations play offline: matplotlib's player, with its icons inline."""

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


def test_an_unknown_icon_is_refused():
    with pytest.raises(ValueError, match="fa-rocket"):
        offline_player('<i class="fa fa-rocket"></i>')
