"""The horse-on-grass generator: shapes, ranges, determinism, and masks that match the pixels."""

import numpy as np
import pytest

import utils


@pytest.fixture(scope="module")
def scenes():
    return utils.horse_scenes(12, size=48, seed=3)


def test_shapes_and_dtypes(scenes):
    assert scenes.images.shape == (12, 3, 48, 48) and scenes.images.dtype == np.float32
    assert scenes.masks.shape == (12, 48, 48) and scenes.masks.dtype == np.int64


def test_value_ranges(scenes):
    assert scenes.images.min() >= 0 and scenes.images.max() <= 1
    assert set(np.unique(scenes.masks)) == {0, 1}
    covered = scenes.masks.mean(axis=(1, 2))
    assert (covered > 0.02).all() and (covered < 0.8).all(), covered


def test_same_seed_same_scenes_other_seed_other_scenes(scenes):
    again = utils.horse_scenes(12, size=48, seed=3)
    assert np.array_equal(again.images, scenes.images)
    assert np.array_equal(again.masks, scenes.masks)
    other = utils.horse_scenes(12, size=48, seed=4)
    assert not np.array_equal(other.masks, scenes.masks)


def test_masks_match_the_pasted_pixels(scenes):
    horse = scenes.masks[:, None].astype(bool)
    assert np.array_equal(scenes.images, np.where(horse, scenes.fills, scenes.backgrounds))
    # the layers really differ, so the mask is what decides each pixel
    differs = np.abs(scenes.fills - scenes.backgrounds).sum(axis=1) > 0.05
    assert differs.mean() > 0.9


def test_silhouettes_are_scaled_flipped_and_shifted():
    s = utils.horse_scenes(40, size=64, seed=0)
    heights = [np.ptp(np.nonzero(m)[0]) for m in s.masks]
    tops = [np.nonzero(m)[0].min() for m in s.masks]
    assert np.ptp(heights) > 10 and np.ptp(tops) > 10
    # the horse faces left in the file; a flipped one has most of its mass on the other side
    centres = [np.nonzero(m)[1].mean() - (np.nonzero(m)[1].min() + np.nonzero(m)[1].max()) / 2
               for m in s.masks]
    assert min(centres) < 0 < max(centres)


@pytest.mark.parametrize("kwargs, words", [
    (dict(n=0), "n must be"), (dict(n=2, size=8), "size must be"),
    (dict(n=2, min_scale=0.9, max_scale=0.5), "min_scale"),
])
def test_bad_arguments(kwargs, words):
    with pytest.raises(ValueError, match=words):
        utils.horse_scenes(**kwargs)
