"""Every op of ``utils`` that mirrors ``torch.nn.functional``, run on PyTorch's own test inputs.

torch's test suite describes each operator by an OpInfo in ``op_db``: ``reference_inputs`` (its
``sample_inputs`` and, for some ops, a few larger ones) and ``error_inputs``. The rules:

* every sample that torch accepts agrees with torch: shape, dtype, values (tolerances per dtype)
  and max_pool2d's indices, exactly; or it uses a feature the course leaves out (``LEFT_OUT``)
  and our op refuses it with a ValueError/TypeError whose message names that feature. Each op's
  refusals must be exactly the ones ``REFUSED`` declares for it: no fewer, no more;
* every error input is refused with a ValueError/TypeError that makes torch's complaint.

The samples run in float64 and float32, the dtypes of the course; the other dtypes torch lists
for an op that NumPy has (integers, bool, complex) run in a test of their own. ``fold`` has no
OpInfo: its samples are torch's ``nn.Fold`` module tests and every ``unfold`` sample folded back.
``pytest -s`` prints per op how many samples agree and how many are refused, and why.
"""

import collections
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import settings
from torch.testing import make_tensor
from torch.testing._internal.common_methods_invocations import op_db  # needs expecttest
from torch.testing._internal.common_nn import get_new_module_tests
from torch.testing._internal.opinfo.core import SampleInput

import utils

# Importing torch's test internals loads torch's own hypothesis profile ('dev': 10 examples),
# which would weaken every property test of the suite; the course's profile is put back.
settings.load_profile("course")

# test id → (our function, the OpInfo's name, its variant). Left out: the OpInfos of 3-D ops
# (conv3d, max_pool3d, …) and max_unpool2d's variant 'grad', a subset of the same samples.
# interpolate's variant 'trilinear' is in: its samples are 3-D volumes, which ours must refuse.
CASES = {name: (name, f"nn.functional.{name}", "") for name in (
    "conv1d", "conv2d", "conv_transpose1d", "conv_transpose2d", "max_pool2d", "max_unpool2d",
    "unfold", "pixel_shuffle", "pixel_unshuffle")}
CASES |= {f"interpolate-{mode}": ("interpolate", "nn.functional.interpolate", mode) for mode in (
    "nearest", "nearest-exact", "linear", "bilinear", "bicubic", "area", "trilinear")}
CASES["fold"] = ("fold", None, None)  # no OpInfo: see _fold_samples
OPINFOS = {(op.name, op.variant_test_name): op for op in op_db}
INTERPOLATE = {name for name in CASES if name.startswith("interpolate")}
SHUFFLES = {"pixel_shuffle", "pixel_unshuffle"}


@dataclass(frozen=True)
class LeftOut:
    """A feature of torch's op that the course leaves out on purpose: the test ids it concerns,
    which samples use it, and what our refusal must say (a regular expression)."""

    cases: frozenset
    uses: Callable  # SampleInput → bool
    message: str


LEFT_OUT = {
    # The course works on signals and images: interpolate takes (N, C, L) and (N, C, H, W),
    # not (N, C, D, H, W), and so has no mode 'trilinear'.
    "3-D volumes": LeftOut(
        frozenset(INTERPOLATE), lambda s: s.input.ndim == 5,
        r"needs a 3-D \(N, C, L\) or 4-D \(N, C, H, W\) input, got shape \((\d+, ){4}\d+\)"
        r"|mode must be one of .*, got 'trilinear'"),
    # The arithmetic ops compute in real floating point only; pixel_(un)shuffle only move
    # values, so they take any dtype (and must then agree with torch exactly).
    "integer, bool and complex dtypes": LeftOut(
        frozenset(CASES) - SHUFFLES, lambda s: not s.input.is_floating_point(),
        r"must be a floating-point array, got dtype (u?int\d+|bool|complex\d+)"),
}
VOLUMES, OTHER_DTYPES = LEFT_OUT
# the modes whose OpInfo samples include volumes (N, C, D, H, W)
WITH_VOLUMES = {f"interpolate-{mode}" for mode in ("nearest", "nearest-exact", "area", "trilinear")}
# the OpInfos that list no dtype but floating ones (fold takes unfold's list)
FLOAT_ONLY = {"max_unpool2d"} | {f"interpolate-{mode}" for mode in ("linear", "area", "trilinear")}
# the reasons each test id's samples are refused for: exactly these, float32/64 and others
REFUSED = {
    "float": {name: {VOLUMES} if name in WITH_VOLUMES else set() for name in CASES},
    "other": {name: set() if name in SHUFFLES | FLOAT_ONLY else {OTHER_DTYPES} for name in CASES},
}

# torch's complaint (a piece of an error input's regex) → what ours must say about that input
COMPLAINTS = {
    "should be the same": r"dtype",
    "non-positive stride is not supported": r"stride must be positive",
    "negative padding is not supported": r"padding must be >= 0",
    "dilation should be greater than zero": r"dilation must be positive",
    "weight should have at least three dimensions": r"weight must be 3-D",
    "Expected 3-dimensional input for 3-dimensional weight": r"weight must be 4-D",
    "expected weight to be at least 3 at dimension 0": r"must be divisible by groups",
    "non-positive groups is not supported": r"groups must be positive",
    "pad must be non-negative": r"padding must be >= 0",
    "pad should be at most half of effective kernel size": r"padding should be at most half",
    "with optional 0 dim batch size": r"has an empty axis: only the batch N .* may be 0",
    "Output size is too small": r"larger than the padded input",
    "Expected shape of indices": r"indices must have the input's shape",
}

SUMMARY = {}  # (test id, what) → Counter of verdicts, printed at the end of the module


# ----------------------------------------------------------------------------- samples
def _opinfo(name):
    _, opinfo_name, variant = CASES[name]
    return OPINFOS[opinfo_name, variant]


def _torch_op(name):
    return F.fold if name == "fold" else _opinfo(name).op


def _samples(name, dtype):
    torch.manual_seed(0)
    if name == "fold":
        return _fold_samples(dtype)
    return _opinfo(name).reference_inputs("cpu", dtype)


def _fold_samples(dtype):
    """torch's nn.Fold module tests (common_nn), then every unfold sample folded back: the
    columns torch's unfold makes of it, to its size, with the same geometry."""
    for test in get_new_module_tests():
        if test.get("fullname", "").startswith("Fold"):
            fold = test["constructor"]()
            yield SampleInput(make_tensor(test["input_size"], dtype=dtype, device="cpu"),
                              args=(fold.output_size, fold.kernel_size, fold.dilation,
                                    fold.padding, fold.stride))
    for s in _opinfo("unfold").reference_inputs("cpu", dtype):
        yield SampleInput(F.unfold(s.input, *s.args, **s.kwargs),
                          args=(tuple(s.input.shape[-2:]), *s.args), kwargs=s.kwargs)


def _dtypes(name):
    return _opinfo("unfold" if name == "fold" else name).supported_dtypes("cpu")


def _numpy(value):
    """Tensors as NumPy arrays, inside tuples and lists too; everything else as it is."""
    if isinstance(value, torch.Tensor):
        return value.numpy()
    if isinstance(value, (tuple, list)) and not isinstance(value, torch.Size):
        return type(value)(_numpy(v) for v in value)
    return value


def _call(fn, sample):
    return fn(_numpy(sample.input), *_numpy(sample.args),
              **{key: _numpy(value) for key, value in sample.kwargs.items()})


def _describe(sample):
    shapes = [tuple(a.shape) if isinstance(a, torch.Tensor) else a for a in sample.args]
    return f"input {tuple(sample.input.shape)} {sample.input.dtype}, args {shapes}, " \
           f"kwargs {sample.kwargs}"


# ----------------------------------------------------------------------------- verdicts
def _differs(ours, ref):
    """Why ``ours`` (array or tuple of arrays) is not torch's ``ref``, or None if it is."""
    ours, ref = (ours, ref) if isinstance(ref, tuple) else ((ours,), (ref,))
    if not isinstance(ours, tuple) or len(ours) != len(ref):
        return f"ours returns {type(ours).__name__}, torch {len(ref)} tensor(s)"
    for a, b in zip(ours, (t.numpy() for t in ref)):
        if a.shape != b.shape or a.dtype != b.dtype:
            return f"shape/dtype {a.shape} {a.dtype}, torch {b.shape} {b.dtype}"
        if a.dtype.kind == "f":  # two summation orders: tolerances per dtype, as everywhere
            rtol, atol = utils.default_tolerance(a.dtype)
            atol *= max(1.0, float(np.abs(b).max()) if b.size else 1.0)
            if not np.allclose(a, b, rtol=rtol, atol=atol, equal_nan=True):
                worst = np.abs(a - b).max()
                return f"values: max |diff| {worst:.3g} (rtol {rtol}, atol {atol:.2g})"
        elif not np.array_equal(a, b):
            return f"values (exact): {int((a != b).sum())} of {a.size} differ"
    return None


def _verdict(name, sample):
    """'agrees', 'refused: <feature>', or ('fails', why) for one sample."""
    uses = [f for f, left in LEFT_OUT.items() if name in left.cases and left.uses(sample)]
    try:
        ours = _call(getattr(utils, CASES[name][0]), sample)
    except (ValueError, TypeError) as error:
        named = [f for f in uses if re.search(LEFT_OUT[f].message, str(error))]
        if named:
            return f"refused: {named[0]}"
        return "fails", f"refused, uses {uses or 'no left-out feature'}: " \
                        f"{type(error).__name__}: {error}"
    except Exception as error:  # any other exception is a bug, reported with the others
        return "fails", f"crashed: {type(error).__name__}: {error}"
    if uses:
        return "fails", f"accepted, though it uses {uses}"
    try:
        ref = _torch_op(name)(sample.input, *sample.args, **sample.kwargs)
    except Exception as error:
        return "fails", f"torch refuses ({error}), ours accepts"
    why = _differs(ours, ref)
    return "agrees" if why is None else ("fails", why)


def _check_samples(name, dtypes, kind):
    tally, failures = collections.Counter(), []
    for dtype in dtypes:
        for sample in _samples(name, dtype):
            verdict = _verdict(name, sample)
            if isinstance(verdict, tuple):
                failures.append(f"{_describe(sample)}: {verdict[1]}")
                verdict = verdict[0]
            tally[verdict] += 1
    SUMMARY[name, kind] = tally
    assert not failures, f"{len(failures)} of {tally.total()} samples:\n" + "\n".join(failures)
    assert tally["agrees"] + sum(tally[f"refused: {f}"] for f in LEFT_OUT) == tally.total()
    refused = {verdict.removeprefix("refused: ") for verdict in tally if verdict != "agrees"}
    assert refused == REFUSED[kind][name], f"refused for {refused}, declared {REFUSED[kind][name]}"
    return tally


# ----------------------------------------------------------------------------- tests
@pytest.fixture(scope="module", autouse=True)
def summary():
    """Print, after the module's tests, each op's counts (shown with ``pytest -s``)."""
    yield
    print("\nPyTorch's OpInfo samples:  test id, dtypes: verdict counts")
    for (name, kind), tally in sorted(SUMMARY.items()):
        counts = ", ".join(f"{v} {n}" for v, n in sorted(tally.items()))
        print(f"  {name:<25} {kind:<6} {counts or 'none: the OpInfo lists floating dtypes only'}")


@pytest.mark.parametrize("name", list(CASES))
def test_samples_agree_with_torch_or_are_refused_by_design(name):
    tally = _check_samples(name, (torch.float64, torch.float32), "float")
    assert tally.total() > 0 and (tally["agrees"] > 0) == (name != "interpolate-trilinear")


@pytest.mark.parametrize("name", list(CASES))
def test_other_dtypes_agree_or_are_refused(name):
    """The dtypes torch lists for the op beyond float32/64 that NumPy has: integers, bool,
    complex. Not checked: float16, which ours accept and compute in (the course uses float32
    and float64), and bfloat16, which NumPy lacks. The ops in ``FLOAT_ONLY`` have none of
    these to check."""
    others = [d for d in _dtypes(name) if not d.is_floating_point]
    assert bool(others) == (name not in FLOAT_ONLY), others
    tally = _check_samples(name, others, "other")
    assert (tally.total() > 0) == bool(others)


def test_the_course_s_hypothesis_profile_is_in_force():
    assert settings.default.max_examples == settings.get_profile("course").max_examples


ERROR_CASES = [name for name in CASES if name != "fold" and _opinfo(name).error_inputs_func]


def test_the_ops_with_error_inputs_are_the_expected_ones():
    """torch 2.13 ships error inputs for these four; a new torch with more is run as well."""
    assert {"conv1d", "conv2d", "max_pool2d", "max_unpool2d"} <= set(ERROR_CASES)


@pytest.mark.parametrize("name", ERROR_CASES)
def test_error_inputs_are_refused_with_torch_s_complaint(name):
    fn, failures, count = getattr(utils, CASES[name][0]), [], 0
    for error_input in _opinfo(name).error_inputs("cpu"):
        sample, count = error_input.sample_input, count + 1
        with pytest.raises(error_input.error_type, match=error_input.error_regex):
            _torch_op(name)(sample.input, *sample.args, **sample.kwargs)
        complaint = [ours for theirs, ours in COMPLAINTS.items()
                     if theirs in error_input.error_regex.replace("\\", "")]
        assert len(complaint) == 1, f"no single complaint for {error_input.error_regex!r}"
        try:
            _call(fn, sample)
            failures.append(f"{_describe(sample)}: accepted")
        except (ValueError, TypeError) as error:
            if not re.search(complaint[0], str(error)):
                failures.append(f"{_describe(sample)}: {error!s} (torch: "
                                f"{error_input.error_regex!r}; expected /{complaint[0]}/)")
        except Exception as error:  # a crash is reported with the others
            failures.append(f"{_describe(sample)}: crashed: {type(error).__name__}: {error}")
    SUMMARY[name, "errors"] = collections.Counter({"refused": count - len(failures)})
    assert count and not failures, "\n".join(failures)
