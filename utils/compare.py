"""The match helper every notebook uses to compare a from-scratch result with torch."""

import numpy as np

__all__ = ["assert_matches_torch", "default_tolerance"]


def default_tolerance(dtype):
    """(rtol, atol) for comparing results computed in ``dtype`` by two summation orders; for
    float16, two last bits (2**-10 relative each): the rounding at the end, and the roundings
    torch makes on the way (its CPU conv_transpose2d in half precision is up to 2 bits off)."""
    return {np.dtype(np.float64): (1e-10, 1e-12),
            np.dtype(np.float16): (2e-3, 1e-3)}.get(np.dtype(dtype), (1e-4, 1e-5))


def _to_numpy(a):
    if hasattr(a, "detach"):  # a torch.Tensor, on any device
        a = a.detach().cpu().numpy()
    return np.asarray(a)


def assert_matches_torch(ours, ref, rtol=None, atol=None, name="ours vs torch"):
    """Print one line (exact? allclose? max |diff|) and raise ``AssertionError`` if not close.

    ``ours`` and ``ref`` are arrays or tensors of the same shape. Closeness is
    ``|ours - ref| <= atol + rtol·|ref|`` elementwise, with tolerances chosen by dtype; the
    default ``atol`` scales with the largest |ref| (rounding errors of a sum grow with its
    terms, so a value near 0 inside large outputs gets the same absolute slack).

    >>> assert_matches_torch(np.ones(3), np.ones(3))
    ours vs torch: exact | shape (3,) | float64
    """
    a, b = _to_numpy(ours), _to_numpy(ref)
    if a.shape != b.shape:
        raise AssertionError(f"{name}: shapes differ, {a.shape} vs {b.shape}")
    default_rtol, default_atol = default_tolerance(np.result_type(a, b))
    rtol = default_rtol if rtol is None else rtol
    if atol is None:
        atol = default_atol * max(1.0, float(np.abs(b).max()) if b.size else 1.0)
    a64, b64 = a.astype(np.float64), b.astype(np.float64)
    with np.errstate(invalid="ignore"):  # equal infinities differ by nothing, not by nan
        diff = np.where(a64 == b64, 0.0, np.abs(a64 - b64))
    worst = float(diff.max()) if diff.size else 0.0
    if np.array_equal(a64, b64):
        verdict = "exact"
    elif np.allclose(a64, b64, rtol=rtol, atol=atol):
        verdict = f"allclose (rtol={rtol:.0e}, atol={atol:.1e}) | max |diff| {worst:.2e}"
    else:
        where = np.unravel_index(np.argmax(diff), diff.shape)
        raise AssertionError(
            f"{name}: NOT close | max |diff| {worst:.3e} at index {tuple(map(int, where))} "
            f"(ours {a64[where]:.6g}, torch {b64[where]:.6g}; rtol={rtol:g}, atol={atol:g})")
    print(f"{name}: {verdict} | shape {a.shape} | {a.dtype}")
