"""Chapter 13's module: its checks grade right and wrong answers; its drawer colours by class."""

import numpy as np

import utils
from tests.helpers import grading_tests
from utils.chapters import ch13_deconvnet_segmentation as ch13


def _mean_iou(pred, truth, classes, present_only=False):
    scores = utils.class_iou(pred, truth, classes)
    if present_only:  # a classic slip: skip the classes absent from both maps
        there = [c for c in range(classes) if (pred == c).any() or (truth == c).any()]
        scores = [scores[c] for c in there]
    return float(np.mean(scores))


CHECKS = [
    (ch13.check_bilinear_weight, lambda c, k: utils.bilinear_kernel(c, k).numpy(),
     lambda c, k: utils.bilinear_kernel(1, k).numpy().repeat(c, 0).repeat(c, 1)),  # mixes
    (ch13.check_mean_iou, _mean_iou, lambda p, t, k: _mean_iou(p, t, k, present_only=True)),
]

test_every_check_is_tested, test_check_passes_right_and_fails_wrong_answers = \
    grading_tests(ch13, CHECKS)


def test_label_drawer_colours_each_class(fig):
    scenes = utils.shape_scenes(3, size=32, seed=0)
    axes = ch13.draw_label_rows(fig, scenes.images, [scenes.masks], ["scene", "truth"])
    assert axes.shape == (2, 3)
    shown = axes[1, 0].get_images()[0].get_array()
    assert np.array_equal(shown, ch13.COLOURS[scenes.masks[0]])
    assert len(ch13.COLOURS) == len(utils.SHAPE_CLASSES)


def test_scene_drawer_shows_every_design(fig):
    scenes = utils.shape_scenes(4, size=32, seed=0)
    predictions = {"a": scenes.masks, "b": np.zeros_like(scenes.masks)}
    axes = ch13.draw_scene(fig, scenes, predictions, scene=2)
    assert axes.shape == (4, 1) and axes[3, 0].get_ylabel() == "b"
    assert np.array_equal(axes[2, 0].get_images()[0].get_array(),
                          ch13.COLOURS[scenes.masks[2]])
