"""Data made or loaded offline: two segmentation tasks built from scikit-image's images (a textured
horse on grass or gravel; shapes that only their outline tells apart), scikit-learn's bundled
handwritten digits, and scikit-image's photographs in grey, split into training and test photos.

The lecture note's "cow on grass" example, built from images that ship with scikit-image:
the ``skimage.data.horse()`` silhouette, randomly scaled, flipped and shifted, filled with a
texture (``brick``) and pasted onto a random crop of ``grass()`` or ``gravel()``.
"""

from dataclasses import dataclass
from functools import cache

import numpy as np

__all__ = ["HorseScenes", "horse_scenes", "SHAPE_CLASSES", "ShapeScenes", "shape_scenes", "Digits",
           "digits", "TRAIN_PHOTOS", "TEST_PHOTOS", "photo", "photo_patches"]

# RGB tints that turn the grey textures into a plausible scene
_TINTS = {"grass": (0.45, 0.75, 0.30), "gravel": (0.70, 0.66, 0.60), "brick": (0.85, 0.55, 0.35)}


@cache
def _texture(name):
    from skimage import data

    return getattr(data, name)().astype(np.float32) / 255.0  # (512, 512) in [0, 1]


@cache
def _silhouette():
    from skimage import data

    mask = ~data.horse()  # the file is a black horse on white
    rows, cols = np.nonzero(mask)
    return mask[rows.min(): rows.max() + 1, cols.min(): cols.max() + 1]  # (h, w) bool, tight


@dataclass
class HorseScenes:
    """images (n, 3, size, size) float32 in [0, 1]; masks (n, size, size) int64, 1 = horse.

    ``backgrounds`` and ``fills`` are the two layers each image was pasted from, kept so that
    tests (and curious readers) can check that ``image == where(mask, fill, background)``.
    """

    images: np.ndarray
    masks: np.ndarray
    backgrounds: np.ndarray
    fills: np.ndarray


def _texture_crop(rng, name, size, zoom):
    """A random ``size``² crop of texture ``name``, zoomed out by ``zoom`` ≥ 1, tinted RGB."""
    from skimage.transform import resize

    texture = _texture(name)
    side = int(round(size * zoom))
    r, c = rng.integers(0, texture.shape[0] - side + 1, 2)
    grey = resize(texture[r: r + side, c: c + side], (size, size), order=1, anti_aliasing=True)
    brightness = rng.uniform(0.8, 1.2)
    rgb = np.clip(grey[None] * brightness * np.array(_TINTS[name])[:, None, None] * 1.6, 0, 1)
    return rgb.astype(np.float32)


def _place(rng, size, min_scale, max_scale):
    """The silhouette scaled to a random height, maybe flipped, shifted to a random spot."""
    from skimage.transform import resize

    horse = _silhouette()
    height = int(round(size * rng.uniform(min_scale, max_scale)))
    width = min(size, int(round(height * horse.shape[1] / horse.shape[0])))
    small = resize(horse.astype(float), (height, width), order=0, anti_aliasing=False) > 0.5
    if rng.random() < 0.5:
        small = small[:, ::-1]
    mask = np.zeros((size, size), dtype=bool)
    r, c = rng.integers(0, size - height + 1), rng.integers(0, size - width + 1)
    mask[r: r + height, c: c + width] = small
    return mask


def horse_scenes(n, size=64, seed=0, min_scale=0.35, max_scale=0.8):
    """``n`` seeded scenes of a textured horse on grass or gravel, each ``size``×``size``.

    Returns a :class:`HorseScenes`; the same ``seed`` always gives the same scenes.

    >>> s = horse_scenes(2, size=32)
    >>> s.images.shape, s.masks.shape, s.images.dtype, sorted(np.unique(s.masks).tolist())
    ((2, 3, 32, 32), (2, 32, 32), dtype('float32'), [0, 1])
    """
    if not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if not isinstance(size, int) or size < 16:
        raise ValueError(f"size must be an int >= 16, got {size!r}")
    if not 0 < min_scale <= max_scale <= 1:
        raise ValueError(f"need 0 < min_scale <= max_scale <= 1, got {min_scale}, {max_scale}")
    rng = np.random.default_rng(seed)
    backgrounds = np.empty((n, 3, size, size), np.float32)
    fills = np.empty_like(backgrounds)
    masks = np.empty((n, size, size), np.int64)
    for i in range(n):
        ground = "grass" if rng.random() < 0.5 else "gravel"
        backgrounds[i] = _texture_crop(rng, ground, size, rng.uniform(1, 2))
        fills[i] = _texture_crop(rng, "brick", size, rng.uniform(1, 2))
        masks[i] = _place(rng, size, min_scale, max_scale)
    images = np.where(masks[:, None].astype(bool), fills, backgrounds)
    return HorseScenes(images, masks, backgrounds, fills)


SHAPE_CLASSES = ("background", "horse", "disc", "square")


@dataclass
class ShapeScenes:
    """images (n, 3, size, size) float32 in [0, 1]; masks (n, size, size) int64, the index of
    each pixel's class in ``SHAPE_CLASSES``."""

    images: np.ndarray
    masks: np.ndarray


def _disc_or_square(rng, size, kind, min_scale=0.3, max_scale=0.55):
    """A disc or a square of random size at a random place: a (size, size) bool mask."""
    side = int(round(size * rng.uniform(min_scale, max_scale)))
    r, c = rng.integers(0, size - side + 1, 2)
    if kind == "square":
        mask = np.zeros((size, size), dtype=bool)
        mask[r: r + side, c: c + side] = True
        return mask
    rows, cols = np.mgrid[:size, :size]
    centre = side / 2 - 0.5
    return (rows - r - centre) ** 2 + (cols - c - centre) ** 2 <= (side / 2) ** 2


def shape_scenes(n, size=64, seed=0, shapes=2):
    """``n`` seeded scenes where only *shape* tells the classes apart: ``shapes`` different
    objects out of a horse silhouette, a disc and a square, all filled with the same gravel
    texture, on grass; where they overlap, the later one is in front. The label of a pixel of
    gravel depends on the outline around it, not on its colour.

    >>> s = shape_scenes(3, size=32)
    >>> s.images.shape, s.masks.shape, sorted(np.unique(s.masks).tolist())[-1] <= 3
    ((3, 3, 32, 32), (3, 32, 32), True)
    """
    if not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if not isinstance(size, int) or size < 16:
        raise ValueError(f"size must be an int >= 16, got {size!r}")
    if shapes not in (1, 2, 3):
        raise ValueError(f"shapes must be 1, 2 or 3 (one of each kind at most), got {shapes!r}")
    rng = np.random.default_rng(seed)
    images = np.empty((n, 3, size, size), np.float32)
    masks = np.zeros((n, size, size), np.int64)
    for i in range(n):
        ground = _texture_crop(rng, "grass", size, rng.uniform(1, 2))
        fill = _texture_crop(rng, "gravel", size, rng.uniform(1, 2))
        for kind in rng.choice([1, 2, 3], shapes, replace=False):
            name = SHAPE_CLASSES[kind]
            mask = _place(rng, size, 0.4, 0.75) if name == "horse" else \
                _disc_or_square(rng, size, name)
            masks[i][mask] = kind
        images[i] = np.where(masks[i][None] > 0, fill, ground)
    return ShapeScenes(images, masks)


@dataclass
class Digits:
    """images (n, 1, size, size) float32 in [0, 1] (size 8 unless resized) and labels (n,) int64,
    split into train and test."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray


def digits(test_size=360, seed=0, size=8):
    """scikit-learn's 1,797 bundled 8×8 handwritten digits (16 grey levels), scaled to [0, 1]
    and split at random (seeded) into ``1797 - test_size`` training and ``test_size`` test
    images. Nothing is downloaded: the data ship with scikit-learn. With ``size`` ≠ 8 the
    images are resized bilinearly to ``size``×``size``: enlarged exactly as
    ``F.interpolate(mode='bilinear')`` does, antialiased when shrunk.

    >>> d = digits()
    >>> d.x_train.shape, d.x_test.shape, d.y_test.dtype, float(d.x_train.max())
    ((1437, 1, 8, 8), (360, 1, 8, 8), dtype('int64'), 1.0)
    >>> digits(size=16).x_test.shape
    (360, 1, 16, 16)
    """
    from sklearn.datasets import load_digits

    bunch = load_digits()
    if not isinstance(test_size, int) or not 0 < test_size < len(bunch.target):
        raise ValueError(f"test_size must be an int in 1..{len(bunch.target) - 1}, "
                         f"got {test_size!r}")
    if not isinstance(size, int) or size < 2:
        raise ValueError(f"size must be an int >= 2, got {size!r}")
    images = (bunch.images / 16.0).astype(np.float32)[:, None]
    if size != 8:
        from skimage.transform import resize

        images = resize(images, (len(images), 1, size, size), order=1, mode="edge",
                        anti_aliasing=size < 8).astype(np.float32).clip(0, 1)
    labels = bunch.target.astype(np.int64)
    order = np.random.default_rng(seed).permutation(len(labels))
    test, train = order[:test_size], order[test_size:]
    return Digits(images[train], labels[train], images[test], labels[test])


# scikit-image's bundled photographs: ten to learn from, three kept apart for testing
TRAIN_PHOTOS = ("astronaut", "chelsea", "coffee", "rocket", "moon", "clock", "page",
                "immunohistochemistry", "hubble_deep_field", "brick")
TEST_PHOTOS = ("camera", "stereo_motorcycle", "coins")


@cache
def photo(name):
    """The bundled photograph ``name`` of ``skimage.data`` in grey: (H, W) float32 in [0, 1]
    (the left view for ``stereo_motorcycle``). Nothing is downloaded.

    >>> photo("camera").shape, photo("camera").dtype
    ((512, 512), dtype('float32'))
    """
    from skimage import color, data

    if name not in TRAIN_PHOTOS + TEST_PHOTOS:
        raise ValueError(f"name must be one of {TRAIN_PHOTOS + TEST_PHOTOS}, got {name!r}")
    image = getattr(data, name)()
    image = image[0] if isinstance(image, tuple) else image
    image = color.rgb2gray(image) if image.ndim == 3 else image / 255.0
    image = image.astype(np.float32)
    image.setflags(write=False)
    return image


def photo_patches(n, size=32, photos=TRAIN_PHOTOS, seed=0):
    """``n`` seeded random ``size``×``size`` crops of the grey ``photos``, each photo equally
    likely: (n, 1, size, size) float32 in [0, 1].

    >>> p = photo_patches(5, size=16, photos=TEST_PHOTOS)
    >>> p.shape, p.dtype, bool(p.min() >= 0 and p.max() <= 1)
    ((5, 1, 16, 16), dtype('float32'), True)
    """
    if not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    images = [photo(name) for name in photos]
    if not isinstance(size, int) or not 1 <= size <= min(min(i.shape) for i in images):
        raise ValueError(f"size must be an int between 1 and the smallest photo side, got {size!r}")
    rng = np.random.default_rng(seed)
    out = np.empty((n, 1, size, size), np.float32)
    for i, which in enumerate(rng.integers(0, len(images), n)):
        image = images[which]
        r = rng.integers(0, image.shape[0] - size + 1)
        c = rng.integers(0, image.shape[1] - size + 1)
        out[i, 0] = image[r: r + size, c: c + size]
    return out
