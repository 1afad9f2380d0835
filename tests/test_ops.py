"""The from-scratch convolutions against torch, over many random configurations."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import assume, given
from hypothesis import strategies as st

import utils
from tests.helpers import DTYPES, each, int_or_tuple

TORCH = {(1, False): F.conv1d, (2, False): F.conv2d,
         (1, True): F.conv_transpose1d, (2, True): F.conv_transpose2d}
OURS = {(1, False): utils.conv1d, (2, False): utils.conv2d,
        (1, True): utils.conv_transpose1d, (2, True): utils.conv_transpose2d}
EMPTY_TOO = (None, 0, 1, 2)  # batches, an empty one (N = 0) included: torch returns (0, C, …)

@st.composite
def configs(draw, n, transposed, batches=(None, 1, 2), dtypes=DTYPES):
    """A random, valid call: (x, w, b, kwargs); the input's batch is one of ``batches``
    (None: unbatched)."""
    dtype = draw(dtypes)
    groups = draw(st.integers(1, 3))
    c_in, c_out = groups * draw(st.integers(1, 3)), groups * draw(st.integers(1, 3))
    kernel = tuple(draw(st.lists(st.integers(1, 4), min_size=n, max_size=n)))
    stride, dilation = draw(int_or_tuple(n, 1, 3)), draw(int_or_tuple(n, 1, 3))
    kw = dict(stride=stride, dilation=dilation, groups=groups)
    if transposed:
        kw["padding"] = draw(int_or_tuple(n, 0, 3))
        a_max = [max(s, d) - 1 for s, d in zip(each(stride, n), each(dilation, n))]
        kw["output_padding"] = tuple(draw(st.integers(0, m)) for m in a_max)
        size = tuple(draw(st.lists(st.integers(1, 7), min_size=n, max_size=n)))
        out = [utils.conv_transpose_output_size(i, k, s, p, a, d) for i, k, s, p, a, d in zip(
            size, kernel, each(stride, n), each(kw["padding"], n), kw["output_padding"],
            each(dilation, n))]
        assume(min(out) >= 1)
        w_shape = (c_in, c_out // groups) + kernel
    else:
        if all(s == 1 for s in each(stride, n)):
            kw["padding"] = draw(st.one_of(st.sampled_from(["same", "valid"]), st.just(0),
                                           st.builds(tuple, st.lists(st.integers(0, 3),
                                                                     min_size=n, max_size=n))))
        else:
            kw["padding"] = draw(st.one_of(st.just("valid"), int_or_tuple(n, 0, 3)))
        pad = (0,) * n if isinstance(kw["padding"], str) else each(kw["padding"], n)
        reach = [d * (k - 1) + 1 for k, d in zip(kernel, each(dilation, n))]
        size = tuple(draw(st.integers(max(1, r - 2 * p), max(1, r - 2 * p) + 6))
                     for r, p in zip(reach, pad))
        w_shape = (c_out, c_in // groups) + kernel
    batch = draw(st.sampled_from(batches))
    x_shape = (() if batch is None else (batch,)) + (c_in,) + size
    seed = draw(st.integers(0, 2**16))
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(x_shape).astype(dtype)
    w = rng.standard_normal(w_shape).astype(dtype)
    b = rng.standard_normal(c_out).astype(dtype) if draw(st.booleans()) else None
    return x, w, b, kw


def _check(n, transposed, case):
    x, w, b, kw = case
    ours = OURS[n, transposed](x, w, b, **kw)
    ref = TORCH[n, transposed](torch.from_numpy(x), torch.from_numpy(w),
                               None if b is None else torch.from_numpy(b), **kw)
    assert ours.dtype == x.dtype
    utils.assert_matches_torch(ours, ref)


@given(configs(1, False, EMPTY_TOO))
def test_conv1d_matches_torch(case):
    _check(1, False, case)


@given(configs(2, False, EMPTY_TOO))
def test_conv2d_matches_torch(case):
    _check(2, False, case)


@given(configs(1, True, EMPTY_TOO))
def test_conv_transpose1d_matches_torch(case):
    _check(1, True, case)


@given(configs(2, True, EMPTY_TOO))
def test_conv_transpose2d_matches_torch(case):
    _check(2, True, case)


@given(configs(2, False))
def test_conv_matrix_matches_conv2d(case):
    x, w, _, kw = case
    x = x.reshape((-1,) + x.shape[-3:])[0]  # one unbatched input (C, H, W)
    C = utils.conv_matrix(w, x.shape[1:], **kw)
    ref = F.conv2d(torch.from_numpy(x), torch.from_numpy(w), **kw)
    utils.assert_matches_torch((C @ x.ravel()).reshape(ref.shape), ref)


@given(configs(1, False))
def test_conv_matrix_matches_conv1d(case):
    x, w, _, kw = case
    x = x.reshape((-1,) + x.shape[-2:])[0]
    C = utils.conv_matrix(w, x.shape[1], **kw)
    ref = F.conv1d(torch.from_numpy(x), torch.from_numpy(w), **kw)
    utils.assert_matches_torch((C @ x.ravel()).reshape(ref.shape), ref)


@given(configs(2, False))
def test_transpose_of_conv_matrix_is_conv_transpose(case):
    """Cᵀ y is the gradient of the convolution with respect to its input."""
    x, w, _, kw = case
    x = x.reshape((-1,) + x.shape[-3:])[0]
    C = utils.conv_matrix(w, x.shape[1:], **kw)
    y = np.random.default_rng(0).standard_normal(C.shape[0]).astype(x.dtype)
    xt = torch.from_numpy(x).requires_grad_()
    yt = F.conv2d(xt, torch.from_numpy(w), **kw)
    (grad,) = torch.autograd.grad(yt, xt, torch.from_numpy(y.reshape(yt.shape)))
    utils.assert_matches_torch((C.T @ y).reshape(x.shape), grad)


# ----------------------------------------------------------------------------- bad arguments
X2, W2 = np.zeros((1, 2, 5, 5)), np.zeros((3, 2, 3, 3))
WT2 = np.zeros((2, 3, 3, 3))


@pytest.mark.parametrize("call, error, words", [
    (lambda: utils.conv2d(X2, W2, stride=0), ValueError, "stride must be positive"),
    (lambda: utils.conv2d(X2, W2, dilation=-1), ValueError, "dilation must be positive"),
    (lambda: utils.conv2d(X2, W2, padding=-1), ValueError, "padding must be >= 0"),
    (lambda: utils.conv2d(X2, W2, padding="same", stride=2), ValueError, "strided"),
    (lambda: utils.conv2d(X2, W2, padding="full"), ValueError, "padding must be"),
    (lambda: utils.conv2d(X2, W2, stride=(1, 2, 3)), TypeError, "stride must be an int"),
    (lambda: utils.conv2d(X2, W2, stride=1.5), TypeError, "stride must be an int"),
    (lambda: utils.conv2d(X2, np.zeros((3, 1, 3, 3))), ValueError, "channels"),
    (lambda: utils.conv2d(X2, W2, groups=2), ValueError, "channels"),
    (lambda: utils.conv2d(np.zeros((1, 3, 5, 5)), np.zeros((3, 1, 3, 3)), groups=2),
     ValueError, "divisible by groups"),
    (lambda: utils.conv2d(np.zeros((1, 2, 5, 5)), np.zeros((3, 1, 3, 3)), groups=2),
     ValueError, "divisible by groups"),
    (lambda: utils.conv2d(X2, W2, groups=0), ValueError, "groups must be positive"),
    (lambda: utils.conv2d(X2, np.zeros((3, 2, 7, 3))), ValueError, "can't be greater"),
    (lambda: utils.conv2d(X2, W2, dilation=3), ValueError, "can't be greater"),
    (lambda: utils.conv2d(X2, W2, bias=np.zeros(2)), ValueError, "bias must have shape"),
    (lambda: utils.conv2d(np.zeros((5, 5)), W2), ValueError, "input must be 3-D"),
    (lambda: utils.conv2d(np.zeros((1, 1, 2, 5, 5)), W2), ValueError, "input must be 3-D"),
    (lambda: utils.conv2d(X2, np.zeros((3, 2, 3))), ValueError, "weight must be 4-D"),
    (lambda: utils.conv2d(X2.astype(int), W2), TypeError, "floating-point"),
    (lambda: utils.conv2d(X2, W2.astype(np.float32)), TypeError, "same dtype"),
    (lambda: utils.conv1d(np.zeros((2, 5)), np.zeros((1, 2, 7))), ValueError, "can't be greater"),
    (lambda: utils.conv_transpose2d(X2, WT2, stride=2, output_padding=2), ValueError,
     "output_padding must be smaller than either stride or dilation"),
    (lambda: utils.conv_transpose2d(X2, WT2, output_padding=1), ValueError,
     "output_padding must be smaller"),
    (lambda: utils.conv_transpose2d(X2, WT2, stride=0), ValueError, "stride must be positive"),
    (lambda: utils.conv_transpose2d(X2, WT2, padding=-1), ValueError, "padding must be >= 0"),
    (lambda: utils.conv_transpose2d(X2, WT2, padding="same"), TypeError, "padding"),
    (lambda: utils.conv_transpose2d(X2, np.zeros((3, 2, 3, 3))), ValueError, "weight.shape[0]"),
    (lambda: utils.conv_transpose2d(X2, WT2, groups=2, bias=np.zeros(3)), ValueError,
     "bias must have shape (6,)"),
    (lambda: utils.conv_transpose2d(X2, WT2, padding=4), ValueError, "empty"),
    (lambda: utils.conv_transpose1d(np.zeros((1, 2, 5, 5)), np.zeros((2, 1, 3))), ValueError,
     "input must be 2-D"),
    (lambda: utils.conv_matrix(np.zeros((1, 1, 5, 5)), (3, 3)), ValueError, "larger than"),
    (lambda: utils.conv_matrix(np.zeros((1, 1, 3, 3)), (3, 3), stride=(0, 1)), ValueError,
     "stride must be positive"),
    (lambda: utils.conv_matrix(np.zeros((1, 1, 1, 3, 3)), (3, 3)), ValueError, "3-D or 4-D"),
])
def test_bad_arguments_are_refused_clearly(call, error, words):
    with pytest.raises(error) as info:
        call()
    assert words in str(info.value), str(info.value)


@pytest.mark.parametrize("kwargs", [
    dict(stride=0), dict(padding=-1), dict(stride=2, output_padding=2),
    dict(padding=4),
])
def test_torch_refuses_the_same_transposed_calls(kwargs):
    """Our refusals are torch's refusals: torch raises on each of these too."""
    with pytest.raises(RuntimeError):
        F.conv_transpose2d(torch.zeros(1, 2, 5, 5), torch.zeros(2, 3, 3, 3), **kwargs)


# ----------------------------------------------------------------------------- every fast path
FAST_PATHS = [
    dict(stride=1, padding=1), dict(stride=1, padding=2, dilation=2),  # shifted GEMMs
    dict(stride=2, padding=1), dict(stride=(3, 2), padding=(1, 0)),  # space-to-depth
    dict(stride=4, padding=2), dict(stride=(5, 4), padding=3),  # gather / blocks (s² ≥ 16)
    dict(stride=2, dilation=2, padding=1), dict(stride=3, dilation=(1, 2)),  # scatter, im2col
    dict(stride=2, padding=1, groups=2), dict(stride=4, padding=1, groups=2),
    dict(stride=4, padding=1, output_padding=3), dict(stride=2, output_padding=1, dilation=1),
]


@pytest.mark.parametrize("kw", FAST_PATHS)
@pytest.mark.parametrize("kernel", [(1, 1), (3, 3), (4, 5), (8, 8)])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("stack", [0, 10**6], ids=["per-tap", "stacked"])
def test_every_fast_path_matches_torch(kw, kernel, dtype, stack, monkeypatch):
    """Large strides and kernels that the random configurations rarely reach, with every GEMM
    strategy of ``_shifted_gemms``: one product per tap, or the shifted inputs (few input
    channels) or the outputs (few output channels) stacked into one product."""
    monkeypatch.setattr(utils.ops, "_STACK", stack)
    rng = np.random.default_rng(0)
    groups = kw.get("groups", 1)
    x = rng.standard_normal((2, 2 * groups, 9, 11)).astype(dtype)
    wt = rng.standard_normal((2 * groups, 3, *kernel)).astype(dtype)
    ref = F.conv_transpose2d(torch.from_numpy(x), torch.from_numpy(wt), **kw)
    utils.assert_matches_torch(utils.conv_transpose2d(x, wt, **kw), ref)
    conv_kw = {k: v for k, v in kw.items() if k != "output_padding"}
    big = rng.standard_normal((2, 2 * groups, 29, 31)).astype(dtype)
    wc = rng.standard_normal((3 * groups, 2, *kernel)).astype(dtype)
    ref = F.conv2d(torch.from_numpy(big), torch.from_numpy(wc), **conv_kw)
    utils.assert_matches_torch(utils.conv2d(big, wc, **conv_kw), ref)


@pytest.mark.parametrize("kw", FAST_PATHS)
@pytest.mark.parametrize("stack", [0, 10**6], ids=["per-tap", "stacked"])
def test_every_fast_path_takes_an_empty_batch(kw, stack, monkeypatch):
    """N = 0: an empty result of torch's shape and the input's dtype, on every path (the
    shifted GEMMs once computed a negative number of outputs for it and failed to reshape)."""
    monkeypatch.setattr(utils.ops, "_STACK", stack)
    groups = kw.get("groups", 1)
    x = np.zeros((0, 2 * groups, 9, 11), dtype=np.float32)
    conv_kw = {k: v for k, v in kw.items() if k != "output_padding"}
    for ours, theirs, w, call_kw in [
            (utils.conv_transpose2d, F.conv_transpose2d, np.ones((2 * groups, 3, 3, 3)), kw),
            (utils.conv2d, F.conv2d, np.ones((3 * groups, 2, 3, 3)), conv_kw),
            (utils.conv_transpose1d, F.conv_transpose1d, np.ones((2 * groups, 3, 3)),
             {k: v if isinstance(v, int) else v[-1] for k, v in kw.items()}),
            (utils.conv1d, F.conv1d, np.ones((3 * groups, 2, 3)),
             {k: v if isinstance(v, int) else v[-1] for k, v in conv_kw.items()})]:
        xi, wi = x if w.ndim == 4 else x[..., 0, :], w.astype(x.dtype)
        y = ours(xi, wi, **call_kw)
        ref = theirs(torch.from_numpy(xi), torch.from_numpy(wi), **call_kw)
        assert y.shape == tuple(ref.shape) and y.dtype == x.dtype, (ours.__name__, y.shape)
