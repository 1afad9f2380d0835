"""Chapter 15's module: its checks grade right and wrong answers; its drawers crop and box."""

import numpy as np

import utils
from tests.helpers import grading_tests
from utils.chapters import ch15_super_resolution as ch15


def _bicubic_1d(x, out_size, align_corners=False, clamp_source=False):
    n = len(x)
    o = np.arange(out_size)
    if align_corners:
        src = o * ((n - 1) / (out_size - 1) if out_size > 1 else 0.0)
    else:
        src = (o + 0.5) * n / out_size - 0.5
        if clamp_source:  # a classic slip: clamp at 0 as bilinear does
            src = np.maximum(src, 0)
    lo = np.floor(src).astype(int)
    taps = lo[:, None] + np.arange(-1, 3)
    w = utils.cubic_kernel(src[:, None] - taps)
    return (x[np.clip(taps, 0, n - 1)] * w).sum(1)


def _psnr(truth, guess, peak=1.0):
    peak = truth.max() if peak is None else peak  # a classic slip: the image's own maximum
    return 10 * np.log10(peak ** 2 / np.mean((truth - guess) ** 2))


CHECKS = [
    (ch15.check_cubic_kernel, utils.cubic_kernel,
     lambda t, a=-0.75: utils.cubic_kernel(t)),  # ignores a
    (ch15.check_bicubic_1d, _bicubic_1d,
     lambda x, n, align_corners=False: _bicubic_1d(x, n, align_corners, clamp_source=True)),
    (ch15.check_psnr, _psnr, lambda t, g: _psnr(t, g, peak=None)),
]

test_every_check_is_tested, test_check_passes_right_and_fails_wrong_answers = \
    grading_tests(ch15, CHECKS)


def test_crop_drawer_shows_the_same_box_of_every_image(fig):
    images = {"a": np.random.default_rng(0).random((20, 30)), "b": np.zeros((20, 30))}
    axes = ch15.draw_crops(fig, images, (3, 5, 8), titles=["x", "y"])
    assert len(axes) == 2 and axes[1].get_title() == "y"
    assert np.array_equal(axes[0].get_images()[0].get_array(), images["a"][3:11, 5:13])


def test_crop_drawer_adds_the_error_maps(fig):
    truth = np.random.default_rng(0).random((20, 30))
    images = {"truth": truth, "zero": np.zeros((20, 30)), "half": truth / 2}
    axes = ch15.draw_crops(fig, images, (0, 10, 12), errors=0.5)
    assert len(axes) == 5 and axes[4].get_title() == "|half - truth|"
    shown = axes[4].get_images()[0]
    assert np.allclose(shown.get_array(), truth[:12, 10:22] / 2) and shown.get_clim() == (0, 0.5)


def test_photo_crop_drawer_boxes_the_crop_it_shows(fig):
    image = np.random.default_rng(0).random((40, 60))
    outputs = {"p": {"truth": np.zeros((40, 60))}, "q": {"truth": image, "other": image / 2}}
    axes = ch15.draw_photo_crops(fig, outputs, photo=1, top=100, left=0, size=10)
    assert len(axes) == 3 and axes[0].get_title() == "q" and axes[2].get_title() == "other"
    assert np.array_equal(axes[1].get_images()[0].get_array(), image[30:40, 0:10])
    box = axes[0].patches[0]
    assert (box.get_x(), box.get_y(), box.get_width()) == (0, 30, 10)
