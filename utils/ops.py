"""Convolution and transposed convolution in NumPy, mirroring ``torch.nn.functional``.

Same names, argument names, order, defaults and layouts as torch:

* ``conv{1,2}d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)``,
  weight ``(C_out, C_in/groups, *kernel)``;
* ``conv_transpose{1,2}d(input, weight, bias=None, stride=1, padding=0, output_padding=0,
  groups=1, dilation=1)``, weight ``(C_in, C_out/groups, *kernel)``.

Inputs are batched ``(N, C, *spatial)`` or unbatched ``(C, *spatial)``; the result has
torch's shape and the input's dtype. The 1-D versions run the 2-D code on a height of 1.

The fast paths copy the input once (``_space_to_depth``: padding, channels first, stride phases
folded into channels) and the output once (crop, pixel shuffle, back to NCHW); in between is one
matrix product per kernel tap on shifted views (``_shifted_gemms``). A transposed convolution is
that same stride-1 convolution with C_out·s² channels, its phases then interleaved
(``_conv_transpose2d_gather``); very large strides add the stamps block by block instead, and
strides that come with dilation fall back to im2col / col2im.
"""

import numpy as np

from ._args import float_array, ntuple, padding_pairs, positive_int, same_dtype, working_precision
from .patches import overlap_add, windows
from .sizes import conv_transpose_output_size

__all__ = ["conv1d", "conv2d", "conv_transpose1d", "conv_transpose2d"]


# ----------------------------------------------------------------------------- checks
def _prepare(input, weight, bias, n, groups, transposed):
    """Check input/weight/bias against each other; return batched ``x``, ``w``, ``b``, flag."""
    x = float_array(input, "input")
    w = float_array(weight, "weight")
    same_dtype(w, x, "weight")
    groups = positive_int(groups, "groups")
    kernel = "(C_in, C_out/groups, *kernel)" if transposed else "(C_out, C_in/groups, *kernel)"
    if w.ndim != n + 2:
        raise ValueError(f"weight must be {n + 2}-D {kernel}, got shape {w.shape}")
    if x.ndim not in (n + 1, n + 2):
        raise ValueError(
            f"input must be {n + 1}-D (C, *spatial) or {n + 2}-D (N, C, *spatial), "
            f"got shape {x.shape}")
    if 0 in w.shape:
        raise ValueError(f"weight must not have an empty axis, got shape {w.shape}")
    batched = x.ndim == n + 2
    x = x if batched else x[None]
    c_in = x.shape[1]
    if c_in % groups:
        raise ValueError(f"input channels ({c_in}) must be divisible by groups ({groups})")
    if transposed:
        if w.shape[0] != c_in:
            raise ValueError(
                f"input has {c_in} channels but weight.shape[0] is {w.shape[0]}; "
                f"a transposed convolution's weight is {kernel}")
        c_out = w.shape[1] * groups
    else:
        if w.shape[1] * groups != c_in:
            raise ValueError(
                f"input has {c_in} channels but weight.shape[1] * groups is "
                f"{w.shape[1]} * {groups} = {w.shape[1] * groups}; weight is {kernel}")
        if w.shape[0] % groups:
            raise ValueError(
                f"output channels (weight.shape[0] = {w.shape[0]}) must be divisible by "
                f"groups ({groups})")
        c_out = w.shape[0]
    b = None
    if bias is not None:
        b = float_array(bias, "bias")
        same_dtype(b, x, "bias")
        if b.shape != (c_out,):
            raise ValueError(f"bias must have shape ({c_out},) (one per output channel), "
                             f"got {b.shape}")
    return x, w, b, batched


def _check_output(out, name, sizes):
    if any(o < 1 for o in out):
        raise ValueError(f"{name}: the output would be empty ({tuple(out)}); {sizes}")


# ----------------------------------------------------------------------------- conv
_STACK = 128  # taps × channels up to which shifted views are stacked into one GEMM


def _conv(input, weight, bias, stride, padding, dilation, groups, n):
    # the numbers first, then the arrays, in torch's order: a call wrong in both is told
    # what torch tells it
    stride = ntuple(stride, n, "stride", minimum=1)
    if not isinstance(padding, str):
        padding = ntuple(padding, n, "padding", minimum=0)
    dilation = ntuple(dilation, n, "dilation", minimum=1)
    x, w, b, batched = _prepare(input, weight, bias, n, groups, transposed=False)
    dtype = x.dtype
    x, w, b = working_precision(x, w, b)
    kernel = w.shape[2:]
    pads = padding_pairs(padding, n, kernel, dilation, stride)
    padded = [i + left + right for i, (left, right) in zip(x.shape[2:], pads)]
    reach = [d * (k - 1) + 1 for k, d in zip(kernel, dilation)]
    if any(r > i for r, i in zip(reach, padded)):
        raise ValueError(f"kernel size (dilated: {tuple(reach)}) can't be greater than the "
                         f"padded input size {tuple(padded)}")
    if n == 1:
        x, w = x[:, :, None], w[:, :, None]
        pads, stride, dilation = ((0, 0),) + pads, (1,) + stride, (1,) + dilation
    y = _conv2d_core(x, w, pads, stride, dilation, groups)
    if n == 1:
        y = y[:, :, 0]
    if b is not None:
        y += b.reshape((-1,) + (1,) * n)
    y = y.astype(dtype, copy=False)
    return y if batched else y[0]


def _conv2d_core(x, w, pads, stride, dilation, groups):
    """Dispatch on unpadded x (N, C, H, W): shifted GEMMs when stride or dilation is 1, else
    im2col."""
    if stride != (1, 1) and dilation != (1, 1):
        return _conv2d_im2col(np.pad(x, ((0, 0), (0, 0)) + pads), w, stride, dilation, groups)
    N, _, H, W = x.shape
    O, _, kh, kw = w.shape
    oh = (H + sum(pads[0]) - dilation[0] * (kh - 1) - 1) // stride[0] + 1
    ow = (W + sum(pads[1]) - dilation[1] * (kw - 1) - 1) // stride[1] + 1
    y = _shifted_gemms(_space_to_depth(x, pads, stride, groups), _phase_taps(w, stride), dilation,
                       groups)
    return np.ascontiguousarray(y[:, :, :oh, :ow].transpose(1, 0, 2, 3))


def _conv2d_im2col(x, w, stride, dilation, groups):
    """im2col + batched matmul. x: (N, C, H, W) already padded; w: (O, C/G, kH, kW)."""
    N, C, _, _ = x.shape
    O, Cg, kh, kw = w.shape
    win = windows(x, (kh, kw), stride, dilation)  # (N, C, oH, oW, kH, kW), a view
    oh, ow = win.shape[2:4]
    cols = win.reshape(N, groups, Cg, oh, ow, kh, kw).transpose(1, 0, 3, 4, 2, 5, 6)
    cols = cols.reshape(groups, N * oh * ow, Cg * kh * kw)
    wm = w.reshape(groups, O // groups, Cg * kh * kw).transpose(0, 2, 1)
    y = np.matmul(cols, wm).reshape(groups, N, oh, ow, O // groups)  # (G, N, oH, oW, O/G)
    return np.ascontiguousarray(y.transpose(1, 0, 4, 2, 3).reshape(N, O, oh, ow))


def _many_phases(stride):
    """Space-to-depth orders its channels (c, a, b) for large strides, (a, b, c) for small:
    whichever lets the copies move long runs."""
    return stride[0] * stride[1] > 16


def _space_to_depth(x, pads, stride, groups=1):
    """Pad x (N, C, H, W) and fold the stride phases into channels, in one copy.

    Returns (C·sh·sw, N, hs, ws), channel-major, rows grouped by convolution group: row
    (g, a, b, c) holds the pixels (a::sh, b::sw) of the padded channel g·C/G + c, for all
    images (row (g, c, a, b) for large strides). At stride 1 it is the padded input with N and
    C swapped, so that each channel's N·hs·ws pixels form one contiguous row.
    """
    N, C, H, W = x.shape
    (pt, pb), (pl, pr) = pads
    sh, sw = stride
    hs, ws = -(-(H + pt + pb) // sh), -(-(W + pl + pr) // sw)
    cg = C // groups
    if _many_phases(stride):
        out = np.zeros((groups, cg, sh, sw, N, hs, ws), dtype=x.dtype)
        padded = out.transpose(4, 0, 1, 5, 2, 6, 3)  # (N, G, C/G, hs, sh, ws, sw), a view
    else:
        out = np.zeros((groups, sh, sw, cg, N, hs, ws), dtype=x.dtype)
        padded = out.transpose(4, 0, 3, 5, 1, 6, 2)
    x = x.reshape(N, groups, cg, H, W)
    for rows, row_blocks, row_phases in _runs(H, pt, sh):
        for cols, col_blocks, col_phases in _runs(W, pl, sw):
            dst = padded[:, :, :, row_blocks, row_phases, col_blocks, col_phases]
            dst[...] = x[..., rows, cols].reshape(dst.shape)
    return out.reshape(C * sh * sw, N, hs, ws)


def _runs(size, before, s):
    """Split the padded positions [before, before + size) of an axis cut into blocks of s into
    at most three runs that are rectangles in (block, phase) coordinates: a partial first
    block, whole blocks, a partial last block. Yields (source, block, phase) slices.

    >>> [(r.start, r.stop, b.start, b.stop, p.start, p.stop) for r, b, p in _runs(7, 1, 2)]
    [(0, 1, 0, 1, 1, 2), (1, 7, 1, 4, 0, 2)]
    """
    lo, hi = before, before + size
    first = min(-(-lo // s) * s, hi)
    last = max(hi // s * s, first)
    for a, b in ((lo, first), (first, last), (last, hi)):
        if a < b and (a % s or b - a < s):  # inside one block
            yield slice(a - lo, b - lo), slice(a // s, a // s + 1), slice(a % s, (b - 1) % s + 1)
        elif a < b:
            yield slice(a - lo, b - lo), slice(a // s, b // s), slice(0, s)


def _phase_taps(w, stride):
    """The weights that match ``_space_to_depth``: (O, C/G, kH, kW) → (⌈kH/sh⌉, ⌈kW/sw⌉, O,
    sh·sw·C/G), one matrix per tap of the shrunk kernel, columns in the same order."""
    O, Cg, kh, kw = w.shape
    sh, sw = stride
    kh2, kw2 = -(-kh // sh), -(-kw // sw)
    if (kh2 * sh, kw2 * sw) != (kh, kw):  # zero taps make the kernel a whole number of phases
        w = np.pad(w, ((0, 0), (0, 0), (0, kh2 * sh - kh), (0, kw2 * sw - kw)))
    if _many_phases(stride):
        taps = w.reshape(O, Cg, kh2, sh, kw2, sw).transpose(2, 4, 0, 1, 3, 5)
    else:
        w = np.ascontiguousarray(w.transpose(2, 3, 0, 1))  # (kH, kW, O, C/G): runs of C/G
        taps = w.reshape(kh2, sh, kw2, sw, O, Cg).transpose(0, 2, 4, 1, 3, 5)
    return np.ascontiguousarray(taps).reshape(kh2, kw2, O, sh * sw * Cg)


def _shifted_gemms(x, taps, dilation, groups):
    """A stride-1 convolution as GEMMs on shifted views, with no im2col copy.

    x (C, N, H, W) channel-major, padded; taps (kH, kW, O, C/G) → (O, N, H, W), of which the
    top-left (H − dH(kH − 1), W − dW(kW − 1)) is the valid output. Flattened to (C, N·H·W),
    the pixels that tap (i, j) reads for every output are one contiguous slice at offset
    i·dH·W + j·dW, so ``taps[i, j] @ slice`` is a plain GEMM on a view; outputs that wrap
    across rows or images are computed and cropped later. With few channels the slices are
    stacked first (a cheap copy) and multiplied at once, instead of adding many thin products.
    """
    C, N, H, W = x.shape
    kh, kw, O, cg = taps.shape
    og, L = O // groups, N * H * W
    flat = x.reshape(groups, cg, L)
    offsets = [i * dilation[0] * W + j * dilation[1] for i in range(kh) for j in range(kw)]
    n = max(L - offsets[-1], 0)  # outputs whose every tap lies in x; none for an empty batch
    y = np.empty((groups, og, L), dtype=x.dtype)
    taps = taps.reshape(kh * kw, groups, og, cg)
    if len(offsets) * cg <= _STACK and cg <= og:  # few inputs: stack the shifted inputs
        stacked = np.stack([flat[:, :, o:o + n] for o in offsets], axis=1)  # (G, T, C/G, n)
        weights = taps.transpose(1, 2, 0, 3).reshape(groups, og, -1)
        np.matmul(weights, stacked.reshape(groups, len(offsets) * cg, n), out=y[:, :, :n])
        return y.reshape(O, N, H, W)
    if len(offsets) * og <= _STACK:  # few outputs: one product for all taps, then add shifted
        z = np.matmul(taps.transpose(1, 0, 2, 3).reshape(groups, -1, cg), flat)
        z = z.reshape(groups, len(offsets), og, L)
        np.copyto(y[:, :, :n], z[:, 0, :, :n])
        for t, o in enumerate(offsets[1:], 1):
            y[:, :, :n] += z[:, t, :, o:o + n]
        return y.reshape(O, N, H, W)
    tmp = np.empty((og, n), dtype=x.dtype)
    for g in range(groups):
        acc = y[g, :, :n]
        for t, o in enumerate(offsets):
            np.matmul(taps[t, g], flat[g, :, o:o + n], out=acc if t == 0 else tmp)
            if t:
                acc += tmp
    return y.reshape(O, N, H, W)


def conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    """1-D cross-correlation, like ``F.conv1d``: y[i] = Σ_k x[i·s + k·d] w[k].

    input (N, C_in, L) or (C_in, L); weight (C_out, C_in/groups, k) → (N, C_out, L_out).

    >>> conv1d(np.arange(5.)[None, None], np.array([[[1., 0., -1.]]]))
    array([[[-2., -2., -2.]]])
    """
    return _conv(input, weight, bias, stride, padding, dilation, groups, n=1)


def conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    """2-D cross-correlation, like ``F.conv2d``.

    input (N, C_in, H, W) or (C_in, H, W); weight (C_out, C_in/groups, kH, kW)
    → (N, C_out, H_out, W_out) with H_out = ⌊(H + 2p − d(k − 1) − 1)/s⌋ + 1.
    ``padding`` may also be ``'valid'`` or ``'same'`` (stride 1 only).
    """
    return _conv(input, weight, bias, stride, padding, dilation, groups, n=2)


# ----------------------------------------------------------------------------- conv_transpose
def _conv_transpose(input, weight, bias, stride, padding, output_padding, groups, dilation, n):
    if isinstance(padding, str):
        raise TypeError(f"padding of a transposed convolution must be an int or a tuple, "
                        f"got {padding!r}")
    stride = ntuple(stride, n, "stride", minimum=1)
    padding = ntuple(padding, n, "padding", minimum=0)
    output_padding = ntuple(output_padding, n, "output_padding", minimum=0)
    dilation = ntuple(dilation, n, "dilation", minimum=1)
    x, w, b, batched = _prepare(input, weight, bias, n, groups, transposed=True)
    dtype = x.dtype
    x, w, b = working_precision(x, w, b)
    if any(a >= max(s, d) for a, s, d in zip(output_padding, stride, dilation)):
        raise ValueError(f"output_padding must be smaller than either stride or dilation, got "
                         f"output_padding={output_padding}, stride={stride}, dilation={dilation}")
    kernel = w.shape[2:]
    out = [conv_transpose_output_size(i, k, s, p, a, d) for i, k, s, p, a, d
           in zip(x.shape[2:], kernel, stride, padding, output_padding, dilation)]
    _check_output(out, "conv_transpose", f"input {x.shape[2:]}, kernel {kernel}, "
                  f"stride {stride}, padding {padding}, dilation {dilation}")
    if n == 1:
        x, w, out = x[:, :, None], w[:, :, None], [1] + out
        stride, padding, dilation = (1,) + stride, (0,) + padding, (1,) + dilation
    y = _conv_transpose2d_core(x, w, stride, padding, tuple(out), dilation, groups)
    if n == 1:
        y = y[:, :, 0]
    if b is not None:
        y += b.reshape((-1,) + (1,) * n)
    y = y.astype(dtype, copy=False)
    return y if batched else y[0]


def _conv_transpose2d_core(x, w, stride, padding, out, dilation, groups):
    """Dispatch: gather through one stride-1 convolution (sub-pixel phases, chapter 10) for
    small strides; stamps added block by block for large strides (the phases would multiply
    the channels by s²); stamps added tap by tap when both stride and dilation exceed 1.
    ``out`` is the output size (H_out, W_out), ``output_padding`` included."""
    if stride == (1, 1) or (dilation == (1, 1) and stride[0] * stride[1] < 16):
        return _conv_transpose2d_gather(x, w, stride, padding, out, dilation, groups)
    if dilation == (1, 1):
        return _conv_transpose2d_blocks(x, w, stride, padding, out, groups)
    return _conv_transpose2d_scatter(x, w, stride, padding, out, dilation, groups)


def _conv_transpose2d_gather(x, w, stride, padding, out, dilation, groups):
    """A transposed convolution as one stride-1 convolution and a pixel shuffle.

    Output pixel q = s·r + b only receives taps i ≡ b (mod s): phase b is a full stride-1
    correlation of x with the flipped sub-kernel w[b::s]. All s² phases are computed at once
    as O·s² output channels of one convolution (``_shifted_gemms``), then interleaved and
    cropped by ``padding`` in one copy. At stride 1 the same holds with the dilated, flipped
    kernel. x: (N, C_in, H, W); w: (C_in, O/G, kH, kW) → (N, O, *out).
    """
    N, _, H, W = x.shape
    og = w.shape[1]
    taps = _subpixel_taps(w, stride, groups)  # (kH', kW', G·O/G·sh·sw, C_in/G)
    ph, pw = dilation[0] * (taps.shape[0] - 1), dilation[1] * (taps.shape[1] - 1)
    y = _shifted_gemms(_space_to_depth(x, ((ph, ph), (pw, pw)), (1, 1), groups), taps, dilation,
                       groups)  # (O·sh·sw, N, H + 2ph, W + 2pw); the first H + ph rows are valid
    phases = y.reshape(groups * og, stride[0], stride[1], N, *y.shape[2:])
    return _shuffle_crop(phases, (H + ph, W + pw), padding, *out)


def _subpixel_taps(w, stride, groups):
    """A transposed convolution's weight as the taps of the gather path's stride-1 convolution.

    (C_in, O/G, kH, kW) → (kH', kW', G·(O/G)·sh·sw, C_in/G) with kH' = ⌈kH/sh⌉: for each tap
    of the flipped sub-kernels, one matrix whose rows are the output channels (group, o,
    phase row a, phase column b) and whose columns are the group's input channels. Chapter
    10's ``subpixel_weight`` is the same regrouping, for one group and a stride that divides
    the kernel, laid out as a ``conv2d`` weight.
    """
    c_in, og, kh, kw = w.shape
    sh, sw = stride
    kh2, kw2 = -(-kh // sh), -(-kw // sw)
    # kernel axes first, (kH, kW, O/G, C_in), zero-padded to whole phases: kH = kH'·sh
    taps = np.zeros((kh2 * sh, kw2 * sw, og, c_in), dtype=w.dtype)
    taps[:kh, :kw] = w.transpose(2, 3, 1, 0)
    # kernel row i = i'·sh + a and column j = j'·sw + b; C_in = (group g, channel c)
    taps = taps.reshape(kh2, sh, kw2, sw, og, groups, c_in // groups)  # (i', a, j', b, o, g, c)
    # the gather correlates, so the taps run backwards (the phases a, b keep their order)
    taps = taps[::-1, :, ::-1]
    # one matrix per tap (i', j'): rows (g, o, a, b), columns c
    taps = taps.transpose(0, 2, 5, 4, 1, 3, 6)  # (i', j', g, o, a, b, c)
    return np.ascontiguousarray(taps).reshape(kh2, kw2, groups * og * sh * sw, -1)


def _shuffle_crop(y, valid, padding, out_h, out_w):
    """Interleave phases and crop, in one copy: y (O, sh, sw, N, ≥h, ≥w), of which the first
    ``valid`` rows/columns hold phase (a, b)'s values, → (N, O, out_h, out_w), where output
    pixel (q, r) is phase ((q + p₀) mod sh, (r + p₁) mod sw) at row/column ⌊(q + p)/s⌋; past
    ``valid`` (``output_padding`` beyond the stamps) it is zero."""
    O, sh, sw, N = y.shape[:4]
    out = np.zeros((N, O, out_h, out_w), dtype=y.dtype)
    for a in range(sh):
        for b in range(sw):
            q0, r0 = (a - padding[0]) % sh, (b - padding[1]) % sw  # first output row/column
            i0, j0 = (q0 + padding[0]) // sh, (r0 + padding[1]) // sw  # ... in phase (a, b)
            dst = out[:, :, q0::sh, r0::sw]
            rows, cols = min(dst.shape[2], valid[0] - i0), min(dst.shape[3], valid[1] - j0)
            phase = y[:, a, b, :, i0:i0 + rows, j0:j0 + cols]
            dst[:, :, :rows, :cols] = phase.transpose(1, 0, 2, 3)
    return out


def _conv_transpose2d_scatter(x, w, stride, padding, out, dilation, groups):
    """One matmul, then col2im: every input pixel stamps a scaled kernel into the output.

    x: (N, C_in, H, W); w: (C_in, O/G, kH, kW) → (N, O, *out).
    """
    N, C, H, W = x.shape
    _, Og, kh, kw = w.shape
    Cg = C // groups
    (sh, sw), (dh, dw) = stride, dilation
    xm = x.reshape(N, groups, Cg, H * W).transpose(1, 0, 3, 2).reshape(groups, N * H * W, Cg)
    cols = np.matmul(xm, w.reshape(groups, Cg, Og * kh * kw))  # (G, N·H·W, O/G·kH·kW)
    cols = cols.reshape(groups, N, H, W, Og, kh, kw).transpose(5, 6, 1, 0, 4, 2, 3)
    cols = np.ascontiguousarray(cols).reshape(kh, kw, N, groups * Og, H, W)
    full = ((H - 1) * sh + dh * (kh - 1) + 1, (W - 1) * sw + dw * (kw - 1) + 1)
    return _crop_padding(overlap_add(cols, full, stride, dilation), full, padding, out)


def _conv_transpose2d_blocks(x, w, stride, padding, out, groups):
    """Stamps, added s×s block by block: one GEMM gives every input pixel's stamp; a stamp
    covers ⌈k/s⌉² blocks of the output, so ⌈k/s⌉² strided additions place them all.
    x: (N, C_in, H, W); w: (C_in, O/G, kH, kW), dilation 1 → (N, O, *out)."""
    N, C, H, W = x.shape
    _, og, kh, kw = w.shape
    (sh, sw), cg = stride, C // groups
    kh2, kw2 = -(-kh // sh), -(-kw // sw)  # blocks per stamp along each axis
    wp = np.pad(w, ((0, 0), (0, 0), (0, kh2 * sh - kh), (0, kw2 * sw - kw)))
    xm = x.reshape(N, groups, cg, H * W).transpose(1, 0, 3, 2).reshape(groups, N * H * W, cg)
    stamps = np.matmul(xm, wp.reshape(groups, cg, -1))
    stamps = stamps.reshape(groups, N, H, W, og, kh2, sh, kw2, sw)
    y = np.zeros((N, groups, og, H + kh2 - 1, sh, W + kw2 - 1, sw), dtype=x.dtype)
    for a in range(kh2):
        for b in range(kw2):
            y[:, :, :, a:a + H, :, b:b + W, :] += \
                stamps[:, :, :, :, :, a, :, b, :].transpose(1, 0, 4, 2, 5, 3, 6)
    y = y.reshape(N, groups * og, (H + kh2 - 1) * sh, (W + kw2 - 1) * sw)
    return _crop_padding(y, ((H - 1) * sh + kh, (W - 1) * sw + kw), padding, out)


def _crop_padding(y, full, padding, out):
    """Cut ``padding`` off a full transposed-convolution output y (N, O, ≥full_h, ≥full_w) to
    the size ``out``; rows/columns of ``output_padding`` past the stamps stay zero.
    ``_shuffle_crop`` with a single phase."""
    return _shuffle_crop(y.transpose(1, 0, 2, 3)[:, None, None], full, padding, *out)


def conv_transpose1d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
                     dilation=1):
    """1-D transposed convolution, like ``F.conv_transpose1d``.

    input (N, C_in, L) or (C_in, L); weight (C_in, C_out/groups, k)
    → (N, C_out, (L − 1)s − 2p + d(k − 1) + output_padding + 1).

    >>> conv_transpose1d(np.array([[[1., 2.]]]), np.array([[[1., 1., 1.]]]))
    array([[[1., 3., 3., 2.]]])
    """
    return _conv_transpose(input, weight, bias, stride, padding, output_padding, groups,
                           dilation, n=1)


def conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
                     dilation=1):
    """2-D transposed convolution, like ``F.conv_transpose2d``.

    input (N, C_in, H, W) or (C_in, H, W); weight (C_in, C_out/groups, kH, kW)
    → (N, C_out, H_out, W_out) with H_out = (H − 1)s − 2p + d(k − 1) + output_padding + 1.
    """
    return _conv_transpose(input, weight, bias, stride, padding, output_padding, groups,
                           dilation, n=2)
