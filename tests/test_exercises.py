"""The exercise auto-checks pass right answers and fail wrong ones with a hint."""

import numpy as np
import pytest

import utils
from utils.exercises import ExerciseFailed


def test_conv1d_matrix_check():
    def right(w, n):
        return utils.conv_matrix(np.asarray(w, float)[None, None], n)

    utils.check_conv1d_matrix(right)
    with pytest.raises(ExerciseFailed, match="Hint"):
        utils.check_conv1d_matrix(lambda w, n: right(w[::-1].copy(), n))  # flipped kernel
    with pytest.raises(ExerciseFailed, match="shape"):
        utils.check_conv1d_matrix(lambda w, n: right(w, n).T)


def test_conv2d_matrix_check():
    def right(w, H, W, s):
        return utils.conv_matrix(w[None, None], (H, W), stride=s)

    utils.check_conv2d_matrix(right)
    with pytest.raises(ExerciseFailed, match="Hint"):
        utils.check_conv2d_matrix(lambda w, H, W, s: right(w, H, W, 1))  # ignores the stride


def test_transposed_output_size_check():
    utils.check_transposed_output_size(lambda i, k, s, p, a: (i - 1) * s + k - 2 * p + a)
    with pytest.raises(ExerciseFailed, match="Hint"):
        utils.check_transposed_output_size(lambda i, k, s, p, a: i * s + k - 2 * p + a)


def test_conv_transpose1d_scatter_check():
    def right(y, w, s, p):
        return utils.conv_transpose1d(y[None, None], w[None, None], stride=s, padding=p)[0, 0]

    utils.check_conv_transpose1d_scatter(right)
    with pytest.raises(ExerciseFailed, match="Hint"):
        utils.check_conv_transpose1d_scatter(lambda y, w, s, p: right(y, w[::-1].copy(), s, p))


def test_min_norm_solution_check():
    utils.check_min_norm_solution(lambda C, y: np.linalg.lstsq(C, y, rcond=None)[0])
    with pytest.raises(ExerciseFailed, match="Hint"):
        utils.check_min_norm_solution(lambda C, y: C.T @ y)  # the transpose is not the inverse
