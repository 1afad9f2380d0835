"""The exercise auto-checks pass right answers and fail wrong ones with a hint."""

import numpy as np
import pytest
import torch

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


def _linear_to_conv(linear, C, P, bias=True):
    conv = torch.nn.Conv2d(C, linear.out_features, P, padding=P // 2).double()
    with torch.no_grad():
        conv.weight.copy_(linear.weight.reshape(conv.weight.shape))
        conv.bias.copy_(linear.bias if bias else torch.zeros_like(linear.bias))
    return conv


def _pool_switches(x, k, last=False):
    y, idx = utils.max_pool2d(x[None, None], k, return_indices=True)
    if last:  # break ties towards the last maximum instead of the first
        y, idx = utils.max_pool2d(x[::-1, ::-1].copy()[None, None], k, return_indices=True)
        H, W = x.shape
        idx = (H * W - 1 - idx)[..., ::-1, ::-1]
        y = y[..., ::-1, ::-1]
    return y[0, 0], idx[0, 0]


def _positions(n_in, n_out, ac, clip=True):
    pos = utils.source_coordinates(n_in, n_out, align_corners=ac)
    return np.clip(pos, 0, n_in - 1) if clip else pos


def _switches(H, W, s, pos, width=None):
    rows = np.arange(H)[:, None] * s + pos[0]
    return rows * (width or W * s) + np.arange(W)[None, :] * s + pos[1]


def _unpool(values, switches, H, W, transpose=False):
    out = np.zeros(H * W)
    out[switches.ravel()] = values.ravel()
    return out.reshape(W, H).T if transpose else out.reshape(H, W)


# (check, a right answer, a wrong answer that a student might write)
CHECKS = [
    (utils.check_extract_patches,
     lambda im, P: utils.unfold(im[None], P, padding=P // 2)[0].T,
     lambda im, P: utils.unfold(im[None], P, padding=P // 2)[0].T[::-1]),
    (utils.check_linear_to_conv, _linear_to_conv,
     lambda linear, C, P: _linear_to_conv(linear, C, P, bias=False)),
    (utils.check_sliding_window_macs, lambda H, W, C, P, h: H * W * (C * P * P * h + 2 * h),
     lambda H, W, C, P, h: H * W * C * P * P * h),
    (utils.check_same_pad, utils.same_padding,
     lambda k, d: tuple(reversed(utils.same_padding(k, d)))),
    (utils.check_conv_params, lambda a, b, k: (a * k * k + 1) * b, lambda a, b, k: a * b * k * k),
    (utils.check_full_res_activation_bytes, lambda H, W, w, d: 4 * H * W * (2 * w * d + 2),
     lambda H, W, w, d: 4 * H * W * w * d),
    (utils.check_output_padding_needed, lambda i, k, s, p: utils.output_padding_for(i, k, s, p),
     lambda i, k, s, p: 0),
    (utils.check_receptive_field, utils.receptive_field, lambda layers: sum(k for k, _ in layers)),
    (utils.check_conv_out, utils.conv_output_size, lambda i, k, s, p, d: (i + 2 * p - k) // s + 1),
    (utils.check_nearest_upsample, lambda x, s: utils.interpolate(x, scale_factor=s),
     lambda x, s: np.kron(x, np.ones((1, 1, s, s)))[..., ::-1]),
    (utils.check_sample_positions, _positions, lambda a, b, ac: _positions(a, b, not ac)),
    (utils.check_nearest_as_conv_transpose, lambda C, s: torch.ones(C, 1, s, s),
     lambda C, s: torch.ones(C, 1, s, s) / s),
    (utils.check_bed_of_nails, utils.bed_of_nails,
     lambda x, s, pos: utils.bed_of_nails(x, s, pos[::-1])),
    (utils.check_nail_switches, _switches, lambda H, W, s, pos: _switches(H, W, s, pos, width=W)),
    (utils.check_tent_kernel, lambda s: 1 - np.abs((np.arange(2 * s) + 0.5) / s - 1),
     lambda s: np.ones(2 * s) / 2),
    (utils.check_max_pool_switches, _pool_switches, lambda x, k: _pool_switches(x, k, last=True)),
    (utils.check_max_unpool_plane, _unpool,
     lambda v, sw, H, W: _unpool(v, sw, H, W, transpose=True) if H == W else _unpool(v, sw, W, H)),
    (utils.check_stretch1d, lambda x, s: utils.bed_of_nails(x[None, None, None], (1, s))[0, 0, 0][
        :(len(x) - 1) * s + 1], lambda x, s: np.repeat(x, s)[:(len(x) - 1) * s + 1]),
    (utils.check_gather_edge, lambda k, p, d: d * (k - 1) - p, lambda k, p, d: k - 1 - p),
    (utils.check_transposed_weight_shape, lambda a, b, k, g: (a, b // g, k, k),
     lambda a, b, k, g: (b, a // g, k, k)),
    (utils.check_overlap_counts,
     lambda n, k, s: utils.conv_transpose1d(np.ones((1, 1, n)), np.ones((1, 1, k)), stride=s)[0, 0],
     lambda n, k, s: np.ones((n - 1) * s + k)),
    (utils.check_pixel_shuffle, utils.pixel_shuffle,
     lambda x, r: utils.pixel_shuffle(x, r).transpose(0, 1, 3, 2) if x.shape[2] == x.shape[3]
     else utils.pixel_shuffle(x, r)[..., ::-1]),
    (utils.check_even_overlap, lambda k, s: k % s == 0, lambda k, s: k >= s),
]


@pytest.mark.parametrize("check, right, wrong", CHECKS, ids=[c[0].__name__ for c in CHECKS])
def test_check_passes_right_and_fails_wrong_answers(check, right, wrong):
    check(right)
    with pytest.raises((ExerciseFailed, ValueError, RuntimeError)):
        check(wrong)
