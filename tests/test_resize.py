"""``interpolate`` against ``F.interpolate`` in every mode, its refusals, and Keys' cubic kernel."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import assume, given
from hypothesis import strategies as st

import utils
from tests.helpers import DTYPES, as_passed

RANKS = {"nearest": (3, 4), "nearest-exact": (3, 4), "area": (3, 4), "linear": (3,),
         "bilinear": (4,), "bicubic": (4,)}
FACTORS = st.one_of(st.sampled_from([0.5, 1.0, 2.0, 3.0]),
                    st.floats(0.2, 4.0).map(lambda f: round(f, 2)))  # 1.7, 0.6, 2.35, …


def _torch(x, **kw):
    """``F.interpolate`` on ``x``. Around a torch bug (2.13, CPU): with ``antialias``, a resize of
    the height alone into a width of 1 returns wrong values; that case is read off the
    transposed input, whose two passes are right."""
    t = torch.from_numpy(x)
    ref = F.interpolate(t, **kw)
    if kw.get("antialias") and ref.shape[-1] == 1 and ref.shape[-2] != x.shape[-2]:
        kw = {k: v[::-1] if isinstance(v, tuple) else v for k, v in kw.items()}
        ref = F.interpolate(t.transpose(-1, -2), **kw).transpose(-1, -2)
    return ref


@st.composite
def resize_cases(draw):
    """An ``F.interpolate`` call: any mode at a rank it takes, a size or a (fractional) scale."""
    mode = draw(st.sampled_from(sorted(RANKS)))
    n_axes = draw(st.sampled_from(RANKS[mode])) - 2
    size_in = tuple(draw(st.integers(1, 12)) for _ in range(n_axes))
    kw = dict(mode=mode)
    if mode in ("linear", "bilinear", "bicubic"):
        kw["align_corners"] = draw(st.sampled_from([None, False, True]))
    if mode in ("bilinear", "bicubic"):
        kw["antialias"] = draw(st.booleans())
    if draw(st.booleans()):
        kw["size"] = draw(as_passed([draw(st.integers(1, 20)) for _ in range(n_axes)]))
        kw["recompute_scale_factor"] = draw(st.sampled_from([None, False]))
    else:
        factors = [draw(FACTORS) for _ in range(n_axes)]
        assume(all(int(i * s) >= 1 for i, s in zip(size_in, factors)))
        kw["scale_factor"] = draw(as_passed(factors))
        kw["recompute_scale_factor"] = draw(st.sampled_from([None, False, True]))
    shape = (draw(st.integers(0, 2)), draw(st.integers(1, 3))) + size_in  # N = 0 too
    x = np.random.default_rng(draw(st.integers(0, 2**16))).standard_normal(shape)
    return x.astype(draw(DTYPES)), kw


@given(resize_cases())
def test_interpolate_matches_torch(case):
    x, kw = case
    ours = utils.interpolate(x, **kw)
    assert ours.dtype == x.dtype
    utils.assert_matches_torch(ours, _torch(x, **kw))


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("mode", ["nearest", "nearest-exact"])
def test_nearest_indices_match_torch_on_ratios_that_land_on_integers(mode, dtype):
    """o·step or (o + ½)·step hits integers exactly here, where float32 rounding decides; 4-D
    outputs with H' + W' ≤ 128 take another torch kernel than larger ones and 3-D ones."""
    ratios = sorted({k / m for m in (3, 5, 6, 7, 10) for k in range(1, 3 * m)} | {1.1, 2.2, 2.3})
    for n in (2, 3, 5, 7, 10):
        ramp = np.arange(n, dtype=dtype)
        inputs = [(ramp[None, None], None), (np.tile(ramp[:, None], 3)[None, None], 1.0),
                  (np.tile(ramp[:, None], 70)[None, None], 2.0)]  # W' = 3 or 140
        calls = [dict(scale_factor=r) for r in ratios if int(n * r) >= 1]
        calls += [dict(size=out) for out in range(1, 100, 2 if n > 3 else 1)]
        for x, w_scale in inputs:
            for kw in calls:
                if w_scale and "size" in kw:
                    kw = dict(size=(kw["size"], int(x.shape[3] * w_scale)))
                elif w_scale:
                    kw = dict(scale_factor=(kw["scale_factor"], w_scale))
                ref = F.interpolate(torch.from_numpy(x), mode=mode, **kw).numpy()
                assert np.array_equal(utils.interpolate(x, mode=mode, **kw), ref), (kw, x.shape)


@pytest.mark.parametrize("mode, rank, copies", [
    ("nearest", 3, False), ("nearest", 4, True), ("nearest-exact", 4, False), ("linear", 3, True),
    ("bilinear", 4, True), ("bicubic", 4, False), ("area", 4, True)])
def test_a_kept_size_with_a_scale_other_than_one_copies_in_some_modes_only(mode, rank, copies):
    """⌊4·1.2⌋ = 4: torch copies such an axis in (bi)linear and small 4-D nearest, but samples it
    with step 1/1.2 in the others ('area' always resamples with in/out = 1, a copy)."""
    x = np.random.default_rng(2).standard_normal((1, 2, 4) + (5,) * (rank - 3))
    kw = dict(mode=mode, scale_factor=(1.2,) + (1.0,) * (rank - 3))
    ours = utils.interpolate(x, **kw)
    utils.assert_matches_torch(ours, _torch(x, **kw))
    assert np.array_equal(ours, x) == copies


def test_antialias_changes_bilinear_only_when_shrinking_and_bicubic_always():
    """Growing, the anti-aliased bilinear filter is the plain one; bicubic's is not (torch's uses
    a = −0.5 there and renormalises the taps cut at the borders instead of repeating pixels)."""
    x = np.random.default_rng(0).standard_normal((1, 2, 5, 6))
    for mode, same in (("bilinear", True), ("bicubic", False)):
        up = utils.interpolate(x, size=(9, 13), mode=mode, antialias=True)
        utils.assert_matches_torch(up, _torch(x, size=(9, 13), mode=mode, antialias=True))
        assert np.allclose(up, utils.interpolate(x, size=(9, 13), mode=mode)) == same
        down = utils.interpolate(x, size=(2, 3), mode=mode, antialias=True)
        utils.assert_matches_torch(down, _torch(x, size=(2, 3), mode=mode, antialias=True))
        assert not np.allclose(down, utils.interpolate(x, size=(2, 3), mode=mode))


def test_antialias_into_a_width_of_one_is_torchs_answer_for_the_transposed_input():
    """torch 2.13 (CPU) repeats its first output row here; its transposed call is right."""
    x = np.random.default_rng(1).standard_normal((1, 1, 6, 4))
    ours = utils.interpolate(x, size=(3, 1), mode="bilinear", antialias=True)
    ref = F.interpolate(torch.from_numpy(x).transpose(-1, -2), size=(1, 3), mode="bilinear",
                        antialias=True).transpose(-1, -2)
    utils.assert_matches_torch(ours, ref)
    assert not np.allclose(ours[0, 0, 0], ours[0, 0, 1])


def test_cubic_kernel_interpolates_and_is_a_partition_of_unity():
    k = utils.cubic_kernel
    assert k(0.0) == 1 and np.all(k(np.array([-2.0, -1.0, 1.0, 2.0])) == 0)
    far = np.concatenate([np.linspace(-9, -2, 50), np.linspace(2, 9, 50)])
    assert np.all(k(far) == 0) and np.all(k(far, a=-0.5) == 0)
    t = np.linspace(-3, 3, 601)
    assert np.allclose(k(t), k(-t))
    t, shifts = np.linspace(-1, 1, 201), np.arange(-3, 4)[:, None]
    for a in (-0.75, -0.5):
        assert np.allclose(k(t - shifts, a).sum(axis=0), 1.0)  # Σ_j k(t − j) = 1


@pytest.mark.parametrize("align_corners", [False, True])
@pytest.mark.parametrize("size", [(8, 8), (9, 7)])
def test_bicubic_of_a_delta_is_torchs_and_an_outer_product(size, align_corners):
    delta = np.zeros((1, 1, 4, 4))
    delta[0, 0, 1, 2] = 1.0
    ours = utils.interpolate(delta, size=size, mode="bicubic", align_corners=align_corners)
    utils.assert_matches_torch(ours, _torch(delta, size=size, mode="bicubic",
                                            align_corners=align_corners))
    col = utils.interpolate(delta[..., 2:3], size=(size[0], 1), mode="bicubic",
                            align_corners=align_corners)[0, 0, :, 0]
    row = utils.interpolate(delta[..., 1:2, :], size=(1, size[1]), mode="bicubic",
                            align_corners=align_corners)[0, 0, 0]
    utils.assert_matches_torch(ours[0, 0], np.outer(col, row))


def test_bicubic_of_a_delta_traces_the_cubic_kernel_away_from_the_borders():
    delta = np.zeros((1, 1, 1, 12))
    delta[..., 6] = 1.0
    up = utils.interpolate(delta, size=(1, 36), mode="bicubic")[0, 0, 0]
    src = utils.source_coordinates(12, 36, mode="bicubic")
    assert np.allclose(up, utils.cubic_kernel(src - 6))


X = np.zeros((1, 1, 4, 4))
BAD = [  # (input, keywords, error, words in our message, does torch refuse too?)
    (X, dict(size=8, mode="cubic"), ValueError, "mode must be one of", True),
    (X, dict(size=8, mode="trilinear"), ValueError, "mode must be one of", True),  # 5-D only
    (X, dict(size=8, mode=None), ValueError, "mode must be one of", True),
    (X[0], dict(size=8, mode="bilinear"), ValueError, "needs a 4-D", True),
    (X[0], dict(size=8, mode="bicubic"), ValueError, "needs a 4-D", True),
    (X, dict(size=8, mode="linear"), ValueError, "needs a 3-D", True),
    (X[0, 0], dict(size=8), ValueError, "needs a 3-D (N, C, L) or 4-D", True),
    (X[None], dict(size=8), ValueError, "needs a 3-D (N, C, L) or 4-D", False),  # 5-D: stricter
    (X, dict(size=8, align_corners=True), ValueError, "align_corners can only be set", True),
    (X, dict(size=8, mode="area", align_corners=False), ValueError, "align_corners", True),
    (X, dict(size=8, mode="nearest-exact", align_corners=True), ValueError, "align_corners",
     True),
    (X, dict(size=8, antialias=True), ValueError, "antialias is only for", True),
    (X, dict(size=2, mode="area", antialias=True), ValueError, "antialias is only for", True),
    (X[0], dict(size=8, mode="linear", antialias=True), ValueError, "antialias", True),
    (X, dict(), ValueError, "exactly one of size and scale_factor", True),
    (X, dict(size=8, scale_factor=2), ValueError, "exactly one of size and scale_factor", True),
    (X, dict(size=8, recompute_scale_factor=True), ValueError, "recompute_scale_factor", True),
    (X, dict(size=0), ValueError, "size must be positive", True),
    (X, dict(size=(8, -1), mode="bilinear"), ValueError, "size must be positive", True),
    (X, dict(size=(8, 8, 8)), TypeError, "size must be", True),
    (X, dict(size=8.0), TypeError, "size must be", True),
    (X, dict(scale_factor=(2.0,)), TypeError, "scale_factor must be", True),
    (X, dict(scale_factor=-1.0), ValueError, "scale_factor must be positive", True),
    (X, dict(scale_factor=0.0, mode="bilinear"), ValueError, "must be positive", True),
    (X, dict(scale_factor=0.1, mode="bicubic"), ValueError, "empty output", True),
    (X, dict(scale_factor=(2, 0.2), mode="area"), ValueError, "empty output", False),  # stricter
    (X, dict(scale_factor=float("inf")), ValueError, "positive and finite", True),
    (X.astype(np.int64), dict(size=8, mode="bilinear"), TypeError, "floating-point", True),
    (X[:, :0], dict(size=8, mode="bicubic"), ValueError, "channels and pixels", True),
    (X[..., :0], dict(size=8), ValueError, "channels and pixels", True),
]


@pytest.mark.parametrize("mode", sorted(RANKS))
def test_an_empty_batch_gives_an_empty_batch(mode):
    x = np.zeros((0, 2, 5) + (4,) * (RANKS[mode][-1] - 3), dtype=np.float32)
    size = (3,) * (x.ndim - 2)
    utils.assert_matches_torch(utils.interpolate(x, size, mode=mode), _torch(x, size=size,
                                                                            mode=mode))


@pytest.mark.parametrize("x, kw, error, words, torch_refuses", BAD)
def test_bad_arguments_are_refused_clearly(x, kw, error, words, torch_refuses):
    with pytest.raises(error) as info:
        utils.interpolate(x, **kw)
    assert words in str(info.value), str(info.value)
    if torch_refuses:
        with pytest.raises((RuntimeError, ValueError, TypeError)):  # NotImplementedError too
            F.interpolate(torch.from_numpy(x), **kw)
    else:  # where we are stricter: torch takes 5-D inputs and returns an empty 'area' output
        assert F.interpolate(torch.from_numpy(x), **kw).numel() >= 0
