"""Auto-checks for the exercises: each tests the reader's function on random cases against
torch and says pass, or fails with a hint (never the answer)."""

import numpy as np
import torch
import torch.nn.functional as F

__all__ = ["check_conv1d_matrix", "check_conv2d_matrix", "check_transposed_output_size",
           "check_conv_transpose1d_scatter", "check_min_norm_solution"]


class ExerciseFailed(AssertionError):
    """A reader's answer disagrees with torch; the message is a hint."""


def _grade(name, cases, answer, expected, hint):
    """Compare ``answer(*case)`` with ``expected(*case)`` for every case; print or raise."""
    for case in cases:
        got = answer(*case)
        want = np.asarray(expected(*case), dtype=float)
        got = np.asarray(got.detach() if hasattr(got, "detach") else got, dtype=float)
        if got.shape != np.shape(want):
            raise ExerciseFailed(f"{name}: for inputs with shapes {_shapes(case)} you returned "
                                 f"shape {got.shape}, expected {np.shape(want)}. {hint}")
        if not np.allclose(got, want, rtol=1e-6, atol=1e-8):
            raise ExerciseFailed(f"{name}: right shape, wrong values for inputs with shapes "
                                 f"{_shapes(case)}. {hint}")
    print(f"{name}: pass ({len(cases)} random cases agree with torch)")


def _shapes(case):
    return tuple(np.shape(c) if isinstance(c, np.ndarray) else c for c in case)


def _rng(seed):
    return np.random.default_rng(seed)


def check_conv1d_matrix(conv1d_matrix, n_cases=20, seed=0):
    """``conv1d_matrix(w, n)``: the (n − k + 1, n) matrix of ``F.conv1d`` (no padding)."""
    rng = _rng(seed)
    cases = [(rng.standard_normal(k), n) for k in rng.integers(1, 6, n_cases)
             for n in [int(rng.integers(k, k + 8))]]

    def torch_ref(w, n):  # column j is the response to the unit impulse at j
        basis = torch.eye(n, dtype=torch.float64)[:, None]
        return F.conv1d(basis, torch.from_numpy(w)[None, None])[:, 0].T.numpy()

    _grade("conv1d_matrix", cases, conv1d_matrix, torch_ref,
           "Hint: row i holds the kernel where output i reads the input: columns i … i + k − 1.")


def check_conv2d_matrix(conv2d_matrix, n_cases=20, seed=0):
    """``conv2d_matrix(w, H, W, stride)``: the (oH·oW, H·W) matrix of a single-channel
    ``F.conv2d`` with the given stride and no padding."""
    rng = _rng(seed)
    cases = []
    for _ in range(n_cases):
        kh, kw, s = (int(v) for v in rng.integers(1, 4, 3))
        cases.append((rng.standard_normal((kh, kw)), int(rng.integers(kh, kh + 5)),
                      int(rng.integers(kw, kw + 5)), s))

    def torch_ref(w, H, W, s):
        basis = torch.eye(H * W, dtype=torch.float64).reshape(H * W, 1, H, W)
        return F.conv2d(basis, torch.from_numpy(w)[None, None], stride=s).reshape(H * W, -1).T

    _grade("conv2d_matrix", cases, conv2d_matrix, torch_ref,
           "Hint: there is one row per output pixel (r, c), in row-major order; it reads the "
           "window whose top-left input pixel is (r·stride, c·stride), and input pixel (h, x) "
           "is column h·W + x.")


def check_transposed_output_size(output_size, seed=0):
    """``output_size(i, k, s, p, a)``: the length ``F.conv_transpose1d`` produces."""
    rng = _rng(seed)
    cases = []
    while len(cases) < 30:
        i, k, s = (int(v) for v in rng.integers(1, 6, 3))
        p, a = int(rng.integers(0, 3)), int(rng.integers(0, s))
        if (i - 1) * s - 2 * p + k + a >= 1:
            cases.append((i, k, s, p, a))

    def torch_ref(i, k, s, p, a):
        y = F.conv_transpose1d(torch.zeros(1, 1, i), torch.zeros(1, 1, k), stride=s, padding=p,
                               output_padding=a)
        return float(y.shape[-1])

    _grade("output_size", cases, lambda *c: float(output_size(*c)), torch_ref,
           "Hint: start from the stamps — the last input value's stamp starts at (i − 1)·s "
           "and is k long; then padding crops both ends and output_padding adds at the end.")


def check_conv_transpose1d_scatter(conv_transpose1d_scatter, n_cases=20, seed=0):
    """``conv_transpose1d_scatter(y, w, stride, padding)`` for 1-D arrays, like
    ``F.conv_transpose1d`` on one channel."""
    rng = _rng(seed)
    cases = []
    while len(cases) < n_cases:
        n, k, s, p = int(rng.integers(1, 6)), int(rng.integers(1, 5)), int(rng.integers(1, 4)), \
            int(rng.integers(0, 3))
        if (n - 1) * s - 2 * p + k >= 1:
            cases.append((rng.standard_normal(n), rng.standard_normal(k), s, p))

    def torch_ref(y, w, s, p):
        return F.conv_transpose1d(torch.from_numpy(y)[None, None], torch.from_numpy(w)[None, None],
                                  stride=s, padding=p)[0, 0].numpy()

    _grade("conv_transpose1d_scatter", cases, conv_transpose1d_scatter, torch_ref,
           "Hint: y[j] adds y[j]·w into the full output starting at j·stride; padding then "
           "removes that many values from each end.")


def check_min_norm_solution(min_norm_solution, n_cases=10, seed=0):
    """``min_norm_solution(C, y)``: the smallest x with C x = y (C has full row rank),
    which is what ``torch.linalg.pinv(C) @ y`` gives."""
    rng = _rng(seed)
    cases = []
    for _ in range(n_cases):
        m = int(rng.integers(1, 6))
        cases.append((rng.standard_normal((m, m + int(rng.integers(1, 8)))),
                       rng.standard_normal(m)))

    def torch_ref(C, y):
        return (torch.linalg.pinv(torch.from_numpy(C)) @ torch.from_numpy(y)).numpy()

    _grade("min_norm_solution", cases, min_norm_solution, torch_ref,
           "Hint: the answer lies in the row space of C, so write it as Cᵀz and solve for z.")
