"""The grading core of every exercise check: run the reader's function on cases, compare with
torch, print a pass or raise ``ExerciseFailed`` with a hint (never the answer)."""

import numpy as np

__all__ = ["ExerciseFailed", "grade"]


class ExerciseFailed(AssertionError):
    """A reader's answer disagrees with torch; the message is a hint."""


def grade(name, cases, answer, expected, hint):
    """Compare ``answer(*case)`` with ``expected(*case)`` for every case; print or raise.

    >>> grade("double", [(1,), (2,)], lambda v: 2 * v, lambda v: v + v, "Hint: add.")
    double: pass (2 cases agree with torch)
    """
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
    print(f"{name}: pass ({len(cases)} cases agree with torch)")


def _shapes(case):
    return tuple(np.shape(c) if isinstance(c, np.ndarray) else c for c in case)
