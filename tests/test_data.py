"""The data generators: the horse-on-grass scenes (shapes, ranges, determinism, masks that match
the pixels) and the bundled digits."""

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


def test_digits_are_the_bundled_set_split_by_seed():
    a, b, c = utils.digits(seed=0), utils.digits(seed=0), utils.digits(seed=1)
    assert a.x_train.shape == (1437, 1, 8, 8) and a.x_test.shape == (360, 1, 8, 8)
    assert a.x_train.dtype == np.float32 and 0 <= a.x_train.min() and a.x_train.max() == 1
    assert np.array_equal(a.x_test, b.x_test) and not np.array_equal(a.x_test, c.x_test)
    assert sorted(np.unique(a.y_train).tolist()) == list(range(10))
    assert len(np.unique(np.concatenate([a.x_train, a.x_test]).reshape(1797, -1), axis=0)) > 1700


@pytest.mark.parametrize("size", [0, 1797, 2.5])
def test_digits_refuse_an_impossible_split(size):
    with pytest.raises(ValueError, match="test_size"):
        utils.digits(test_size=size)


def test_shape_scenes_tell_classes_apart_by_shape_only():
    s = utils.shape_scenes(40, size=48, seed=2)
    t = utils.shape_scenes(40, size=48, seed=2)
    assert np.array_equal(s.images, t.images) and np.array_equal(s.masks, t.masks)
    assert s.images.shape == (40, 3, 48, 48) and s.images.dtype == np.float32
    assert 0 <= s.images.min() and s.images.max() <= 1
    counts = np.bincount(s.masks.ravel(), minlength=4)
    assert all(counts > 0) and len(counts) == len(utils.SHAPE_CLASSES)
    objects = s.masks > 0
    # every object is filled from the same texture: its pixels look alike whatever the class
    means = [s.images.transpose(1, 0, 2, 3)[:, s.masks == k].mean(1) for k in (1, 2, 3)]
    assert np.abs(np.array(means) - means[0]).max() < 0.05
    assert not np.allclose(s.images.transpose(1, 0, 2, 3)[:, objects].mean(1),
                           s.images.transpose(1, 0, 2, 3)[:, ~objects].mean(1), atol=0.05)


@pytest.mark.parametrize("kwargs, words", [(dict(n=0), "n must"), (dict(n=2, size=8), "size"),
                                           (dict(n=2, shapes=4), "shapes")])
def test_shape_scenes_refuse_bad_arguments(kwargs, words):
    with pytest.raises(ValueError, match=words):
        utils.shape_scenes(**kwargs)


def test_photo_split_keeps_the_test_photos_apart():
    assert not set(utils.TRAIN_PHOTOS) & set(utils.TEST_PHOTOS)
    assert len(utils.TRAIN_PHOTOS) == 10 and len(utils.TEST_PHOTOS) == 3
    for name in utils.TRAIN_PHOTOS + utils.TEST_PHOTOS:
        image = utils.photo(name)
        assert image.ndim == 2 and image.dtype == np.float32 and min(image.shape) >= 191
        assert 0 <= image.min() and image.max() <= 1 and image.std() > 0.02
    with pytest.raises(ValueError, match="name must be one of"):
        utils.photo("lena")


def test_photo_patches_are_crops_of_their_photos():
    patches = utils.photo_patches(6, size=16, photos=("coins",), seed=4)
    image = utils.photo("coins")
    windows = np.lib.stride_tricks.sliding_window_view(image, (16, 16))
    for patch in patches[:, 0]:
        assert (windows == patch).all(axis=(2, 3)).any()
    again = utils.photo_patches(6, size=16, photos=("coins",), seed=4)
    assert np.array_equal(patches, again)
    with pytest.raises(ValueError, match="size must be"):
        utils.photo_patches(2, size=400, photos=("coins",))
