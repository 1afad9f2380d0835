"""Auto-checks for the exercises: each tests the reader's function on random cases against
torch and says pass, or fails with a hint (never the answer)."""

import numpy as np
import torch
import torch.nn.functional as F

__all__ = ["check_conv1d_matrix", "check_conv2d_matrix", "check_transposed_output_size",
           "check_conv_transpose1d_scatter", "check_min_norm_solution", "check_extract_patches",
           "check_linear_to_conv", "check_sliding_window_macs", "check_same_pad",
           "check_conv_params", "check_full_res_activation_bytes", "check_output_padding_needed",
           "check_receptive_field", "check_conv_out", "check_nearest_upsample",
           "check_sample_positions", "check_nearest_as_conv_transpose", "check_bed_of_nails",
           "check_nail_switches", "check_tent_kernel", "check_max_pool_switches",
           "check_max_unpool_plane", "check_stretch1d", "check_gather_edge",
           "check_transposed_weight_shape", "check_overlap_counts", "check_pixel_shuffle",
           "check_even_overlap"]


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
    print(f"{name}: pass ({len(cases)} cases agree with torch)")


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


def check_extract_patches(extract_patches, n_cases=10, seed=0):
    """``extract_patches(image, P)``: image (C, H, W) → (H·W, C·P·P), the zero-padded P×P
    window centred on each pixel (P odd), rows in raster order — ``F.unfold`` transposed."""
    rng = _rng(seed)
    cases = [(rng.standard_normal((int(rng.integers(1, 4)), int(rng.integers(3, 9)),
                                   int(rng.integers(3, 9)))), int(p))
             for p in rng.choice([1, 3, 5], n_cases)]

    def torch_ref(image, P):
        return F.unfold(torch.from_numpy(image)[None], P, padding=P // 2)[0].T.numpy()

    _grade("extract_patches", cases, extract_patches, torch_ref,
           "Hint: pad by P // 2 on each side, take sliding_window_view over the two spatial "
           "axes, then order each row as (channel, window row, window column).")


def check_linear_to_conv(linear_to_conv, n_cases=10, seed=0):
    """``linear_to_conv(linear, C, P)``: an ``nn.Conv2d`` whose output at every pixel is
    ``linear`` applied to that pixel's flattened (C, P, P) patch (padding P // 2)."""
    rng = _rng(seed)
    cases = []
    for _ in range(n_cases):
        C, P, hidden = int(rng.integers(1, 4)), int(rng.choice([1, 3, 5])), int(rng.integers(1, 6))
        torch.manual_seed(int(rng.integers(1 << 30)))
        linear = torch.nn.Linear(C * P * P, hidden).double()
        cases.append((linear, C, P, rng.standard_normal((2, C, 7, 6))))

    def answer(linear, C, P, x):
        conv = linear_to_conv(linear, C, P)
        with torch.no_grad():
            return conv(torch.from_numpy(x)).numpy()

    def torch_ref(linear, C, P, x):
        cols = F.unfold(torch.from_numpy(x), P, padding=P // 2).transpose(1, 2)  # (N, L, CPP)
        with torch.no_grad():
            return linear(cols).transpose(1, 2).reshape(2, -1, 7, 6).numpy()

    _grade("linear_to_conv", cases, answer, torch_ref,
           "Hint: the Linear weight (hidden, C·P·P) is a Conv2d weight (hidden, C, P, P) seen "
           "flat; keep the bias, and pad so that every pixel gets a centred window.")


def check_sliding_window_macs(sliding_window_macs, seed=0):
    """``sliding_window_macs(H, W, C, P, hidden)``: multiply–accumulates of classifying every
    pixel of a (C, H, W) image with Linear(C·P·P → hidden) → ReLU → Linear(hidden → 2)."""
    from .cost import count_macs

    rng = _rng(seed)
    cases = [tuple(int(v) for v in (rng.integers(4, 33), rng.integers(4, 33), rng.integers(1, 4),
                                    rng.choice([3, 5, 7]), rng.integers(4, 33)))
             for _ in range(10)]

    def torch_ref(H, W, C, P, hidden):
        model = torch.nn.Sequential(torch.nn.Linear(C * P * P, hidden), torch.nn.ReLU(),
                                    torch.nn.Linear(hidden, 2))
        return float(count_macs(model, torch.zeros(H * W, C * P * P)))

    _grade("sliding_window_macs", cases, lambda *c: float(sliding_window_macs(*c)), torch_ref,
           "Hint: one pixel costs one pass of the two Linear layers; a Linear(a → b) layer "
           "costs a·b multiply–accumulates.")


def check_same_pad(same_pad, seed=0):
    """``same_pad(k, d)`` → (left, right): F.pad by hand must reproduce padding='same'."""
    cases = [(k, d) for k in range(1, 8) for d in range(1, 4)]
    x = torch.from_numpy(_rng(seed).standard_normal((1, 1, 11)))

    def answer(k, d):
        left, right = same_pad(k, d)
        w = torch.ones(1, 1, k, dtype=x.dtype)
        return F.conv1d(F.pad(x, (int(left), int(right))), w, dilation=d).numpy()

    def torch_ref(k, d):
        return F.conv1d(x, torch.ones(1, 1, k, dtype=x.dtype), padding="same", dilation=d).numpy()

    _grade("same_pad", cases, answer, torch_ref,
           "Hint: the total is d·(k − 1); when it is odd, PyTorch puts the extra zero on the "
           "right.")


def check_conv_params(conv_params, seed=0):
    """``conv_params(c_in, c_out, k)``: the parameters of ``nn.Conv2d(c_in, c_out, k)``."""
    from .cost import count_params

    rng = _rng(seed)
    cases = [tuple(int(v) for v in (rng.integers(1, 65), rng.integers(1, 65), rng.integers(1, 8)))
             for _ in range(10)]
    _grade("conv_params", cases, lambda *c: float(conv_params(*c)),
           lambda a, b, k: float(count_params(torch.nn.Conv2d(a, b, k))),
           "Hint: one k×k kernel per (input, output) channel pair, plus one bias per output "
           "channel.")


def check_full_res_activation_bytes(full_res_activation_bytes, seed=0):
    """``full_res_activation_bytes(H, W, width, depth)``: bytes of every layer output of
    ``utils.full_resolution_net(width, depth)`` on one 3×H×W float32 image."""
    from .cost import activation_bytes
    from .nets import full_resolution_net

    rng = _rng(seed)
    cases = [tuple(int(v) for v in (rng.integers(4, 40), rng.integers(4, 40), rng.integers(1, 17),
                                    rng.integers(1, 5))) for _ in range(8)]

    def torch_ref(H, W, width, depth):
        return float(activation_bytes(full_resolution_net(width, depth), torch.zeros(1, 3, H, W)))

    _grade("full_res_activation_bytes", cases, lambda *c: float(full_res_activation_bytes(*c)),
           torch_ref, "Hint: each Conv2d and each ReLU outputs width·H·W float32 numbers (4 bytes "
           "each); the last 1×1 convolution outputs 2·H·W.")


def check_output_padding_needed(output_padding_needed, seed=0):
    """``output_padding_needed(i, k, s, p)``: the ``output_padding`` with which
    ``ConvTranspose2d(k, s, p)`` turns the output of ``Conv2d(k, s, p)`` on size i back into i."""
    rng = _rng(seed)
    cases = []
    while len(cases) < 30:
        i, k, s, p = (int(v) for v in (rng.integers(3, 40), rng.integers(1, 6), rng.integers(1, 5),
                                      rng.integers(0, 3)))
        if i + 2 * p >= k:
            cases.append((i, k, s, p))

    def answer(i, k, s, p):
        o = (i + 2 * p - k) // s + 1
        a = int(output_padding_needed(i, k, s, p))
        if not 0 <= a < s:
            return float("nan")
        layer = torch.nn.ConvTranspose2d(1, 1, k, s, p, output_padding=a)
        return float(layer(torch.zeros(1, 1, o, o)).shape[-1])

    _grade("output_padding_needed", cases, answer, lambda i, k, s, p: float(i),
           "Hint: the convolution's floor division throws away a remainder — "
           "(i + 2p − k) mod s of the input; output_padding must give exactly that back.")


def check_receptive_field(receptive_field, seed=0):
    """``receptive_field(layers)`` for layers ``(k, s)``: measured by the gradient of one
    output pixel of the stack of convolutions with respect to the input."""
    rng = _rng(seed)
    cases = [([tuple(int(v) for v in (rng.integers(1, 6), rng.integers(1, 3)))
               for _ in range(int(rng.integers(1, 5)))],) for _ in range(10)]

    def torch_ref(layers):
        from .sizes import measured_receptive_field

        return float(measured_receptive_field(layers))

    def answer(layers):
        r = receptive_field(layers)
        return float(r[0] if isinstance(r, tuple) else r)

    _grade("receptive_field", cases, answer, torch_ref,
           "Hint: a k×k layer adds (k − 1) input pixels times the product of the strides of "
           "the layers before it.")


def check_conv_out(conv_out, seed=0):
    """``conv_out(i, k, s, p, d)``: the output size of ``nn.Conv2d(k, stride=s, padding=p,
    dilation=d)`` on an i×i input."""
    rng = _rng(seed)
    cases = []
    while len(cases) < 30:
        i, k, s, p, d = (int(v) for v in (rng.integers(1, 30), rng.integers(1, 6),
                                          rng.integers(1, 4), rng.integers(0, 3),
                                          rng.integers(1, 3)))
        if i + 2 * p >= d * (k - 1) + 1:
            cases.append((i, k, s, p, d))

    def torch_ref(i, k, s, p, d):
        return float(torch.nn.Conv2d(1, 1, k, s, p, d)(torch.zeros(1, 1, i, i)).shape[-1])

    _grade("conv_out", cases, lambda *c: float(conv_out(*c)), torch_ref,
           "Hint: count how many times the dilated kernel (reach d(k − 1) + 1) fits in the "
           "padded input when it moves s pixels at a time.")


def check_nearest_upsample(nearest_upsample, n_cases=10, seed=0):
    """``nearest_upsample(x, s)``: (N, C, H, W) → (N, C, sH, sW), like F.interpolate nearest."""
    rng = _rng(seed)
    cases = [(rng.standard_normal((int(rng.integers(1, 3)), int(rng.integers(1, 4)),
                                   int(rng.integers(1, 6)), int(rng.integers(1, 6)))),
              int(rng.integers(1, 5))) for _ in range(n_cases)]
    _grade("nearest_upsample", cases, nearest_upsample,
           lambda x, s: F.interpolate(torch.from_numpy(x), scale_factor=s).numpy(),
           "Hint: every value must fill an s×s block: repeat along the height and along the "
           "width.")


def check_sample_positions(sample_positions, seed=0):
    """``sample_positions(n_in, n_out, align_corners)``: read off torch by resizing a ramp
    0, 1, …, n_in − 1 (interpolating a ramp returns the sampled position)."""
    rng = _rng(seed)
    cases = [(int(rng.integers(2, 8)), int(rng.integers(2, 20)), bool(ac))
             for ac in rng.integers(0, 2, 16)]

    def torch_ref(n_in, n_out, align_corners):
        ramp = torch.arange(n_in, dtype=torch.float64)[None, None, None]
        return F.interpolate(ramp, size=(1, n_out), mode="bilinear",
                             align_corners=align_corners)[0, 0, 0].numpy()

    _grade("sample_positions", cases, sample_positions, torch_ref,
           "Hint: with align_corners the corner centres coincide, step (n_in − 1)/(n_out − 1); "
           "without, pixel o's centre is at (o + ½)·n_in/n_out − ½, then clamp.")


def check_nearest_as_conv_transpose(nearest_as_conv_transpose, seed=0):
    """``nearest_as_conv_transpose(C, s)``: a weight for F.conv_transpose2d(stride=s,
    groups=C) that performs nearest-neighbour upsampling."""
    rng = _rng(seed)
    cases = [(int(rng.integers(1, 4)), int(rng.integers(1, 5))) for _ in range(8)]
    x = torch.from_numpy(rng.standard_normal((2, 3, 4, 5)))

    def answer(C, s):
        w = torch.as_tensor(nearest_as_conv_transpose(C, s), dtype=torch.float64)
        return F.conv_transpose2d(x[:, :C], w, stride=s, groups=C).numpy()

    _grade("nearest_as_conv_transpose", cases, answer,
           lambda C, s: F.interpolate(x[:, :C], scale_factor=s).numpy(),
           "Hint: the layout is (C_in, C_out/groups, kH, kW); each stamp should be an s×s block "
           "of the same value.")


def _nails_ref(x, s, position):
    """Bed of nails by torch: a transposed convolution with a one-hot kernel per channel."""
    w = torch.zeros(x.shape[1], 1, s, s, dtype=torch.float64)
    w[:, 0, position[0], position[1]] = 1
    return F.conv_transpose2d(torch.from_numpy(x), w, stride=s, groups=x.shape[1]).numpy()


def _nail_cases(rng, n):
    cases = []
    for _ in range(n):
        s = int(rng.integers(1, 5))
        cases.append((rng.standard_normal((int(rng.integers(1, 3)), int(rng.integers(1, 4)),
                                           int(rng.integers(1, 6)), int(rng.integers(1, 6)))),
                      s, (int(rng.integers(0, s)), int(rng.integers(0, s)))))
    return cases


def check_bed_of_nails(bed_of_nails, n_cases=12, seed=0):
    """``bed_of_nails(x, s, position)``: (N, C, H, W) → (N, C, sH, sW), checked against
    F.conv_transpose2d with a one-hot kernel."""
    _grade("bed_of_nails", _nail_cases(_rng(seed), n_cases), bed_of_nails, _nails_ref,
           "Hint: start from zeros of the enlarged shape and assign x to every s-th row and "
           "column, starting at the position.")


def check_nail_switches(nail_switches, n_cases=12, seed=0):
    """``nail_switches(H, W, s, position)``: flat indices for F.max_unpool2d(x, idx, s)."""
    def answer(x, s, position):
        idx = np.asarray(nail_switches(x.shape[2], x.shape[3], s, position), dtype=np.int64)
        idx = torch.from_numpy(np.broadcast_to(idx, x.shape).copy())
        return F.max_unpool2d(torch.from_numpy(x), idx, s).numpy()

    _grade("nail_switches", _nail_cases(_rng(seed), n_cases), answer, _nails_ref,
           "Hint: the flat index of output pixel (row, col) is row·W_out + col, with "
           "W_out = s·W.")


def check_tent_kernel(tent_kernel, seed=0):
    """``tent_kernel(s)``: F.conv_transpose1d with it (stride s, padding s // 2) equals
    bilinear upsampling by s away from the borders."""
    x = torch.from_numpy(_rng(seed).standard_normal((1, 1, 9)))
    cases = [(s,) for s in (2, 4, 6)]

    def answer(s):
        w = torch.as_tensor(np.asarray(tent_kernel(s), dtype=float)).reshape(1, 1, -1)
        y = F.conv_transpose1d(x, w, stride=s, padding=s // 2)
        return y[0, 0, s:-s].numpy() if y.shape[-1] == 9 * s else y[0, 0].numpy()

    def torch_ref(s):
        y = F.interpolate(x[..., None], scale_factor=(s, 1), mode="bilinear",
                          align_corners=False)[..., 0]
        return y[0, 0, s:-s].numpy()

    _grade("tent_kernel", cases, answer, torch_ref,
           "Hint: tap j of the kernel lands (j + ½)/s − 1 input pixels from the stamping input; "
           "linear interpolation weighs it by 1 − |distance|.")


def check_max_pool_switches(max_pool_switches, n_cases=12, seed=0):
    """``max_pool_switches(x, k)``: values and flat switches of a k×k, stride-k max pool of
    one plane, like F.max_pool2d(return_indices=True)."""
    rng = _rng(seed)
    cases = [(rng.integers(0, 4, (int(rng.integers(2, 9)), int(rng.integers(2, 9)))).astype(float),
              int(rng.integers(1, 3))) for _ in range(n_cases)]  # small integers: many ties

    def answer(x, k):
        values, switches = max_pool_switches(x, k)
        return np.stack([np.asarray(values, float), np.asarray(switches, float)])

    def torch_ref(x, k):
        v, i = F.max_pool2d(torch.from_numpy(x)[None, None], k, return_indices=True)
        return np.stack([v[0, 0].numpy(), i[0, 0].numpy().astype(float)])

    _grade("max_pool_switches", cases, answer, torch_ref,
           "Hint: cut the plane into k×k blocks, take argmax over each block (it returns the "
           "first maximum), and turn (block, position in block) into h·W + w.")


def check_max_unpool_plane(max_unpool_plane, n_cases=12, seed=0):
    """``max_unpool_plane(values, switches, H, W)``, like F.max_unpool2d on one plane."""
    rng = _rng(seed)
    cases = []
    for _ in range(n_cases):
        H, W, k = int(rng.integers(2, 9)), int(rng.integers(2, 9)), int(rng.integers(1, 3))
        H, W = max(H - H % k, k), max(W - W % k, k)
        v, i = F.max_pool2d(torch.from_numpy(rng.standard_normal((1, 1, H, W))), k,
                            return_indices=True)
        cases.append((v[0, 0].numpy(), i[0, 0].numpy(), H, W))

    def torch_ref(values, switches, H, W):
        k = H // values.shape[0]  # the pooling window the switches came from
        return F.max_unpool2d(torch.from_numpy(values)[None, None],
                              torch.from_numpy(switches)[None, None], k,
                              output_size=(H, W))[0, 0].numpy()

    _grade("max_unpool_plane", cases, max_unpool_plane, torch_ref,
           "Hint: start from H·W zeros and write each value at its flat switch; then reshape.")


def check_stretch1d(stretch1d, seed=0):
    """``stretch1d(x, s)``: used in the gather view, it must reproduce F.conv_transpose1d."""
    rng = _rng(seed)
    cases = [(rng.standard_normal(int(rng.integers(1, 7))), int(rng.integers(1, 5)),
              rng.standard_normal(int(rng.integers(1, 5)))) for _ in range(12)]

    def answer(x, s, w):
        z = np.pad(np.asarray(stretch1d(x, s), dtype=float), len(w) - 1)
        return np.correlate(z, w[::-1], mode="valid")

    def torch_ref(x, s, w):
        return F.conv_transpose1d(torch.from_numpy(x)[None, None], torch.from_numpy(w)[None, None],
                                  stride=s)[0, 0].numpy()

    _grade("stretch1d", cases, answer, torch_ref,
           "Hint: the result has (n − 1)·s + 1 entries; the inputs sit at every s-th one.")


def check_gather_edge(gather_edge, seed=0):
    """``gather_edge(k, p, d)``: the zeros the gather view adds on each side."""
    rng = _rng(seed)
    cases = []
    while len(cases) < 20:
        k, p, d = int(rng.integers(1, 6)), int(rng.integers(0, 4)), int(rng.integers(1, 4))
        if d * (k - 1) >= p:
            cases.append((k, p, d, int(rng.integers(1, 4))))

    def answer(k, p, d, s):
        x = torch.arange(1.0, 6.0, dtype=torch.float64)
        z = torch.zeros((len(x) - 1) * s + 1, dtype=torch.float64)
        z[::s] = x
        e = int(gather_edge(k, p, d))
        if e < 0:
            return np.array([np.nan])
        w = torch.arange(1.0, k + 1, dtype=torch.float64)
        return F.conv1d(F.pad(z, (e, e))[None, None], w.flip(0)[None, None],
                        dilation=d)[0, 0].numpy()

    def torch_ref(k, p, d, s):
        x = torch.arange(1.0, 6.0, dtype=torch.float64)[None, None]
        w = torch.arange(1.0, k + 1, dtype=torch.float64)[None, None]
        return F.conv_transpose1d(x, w, stride=s, padding=p, dilation=d)[0, 0].numpy()

    _grade("gather_edge", cases, answer, torch_ref,
           "Hint: a full correlation pads by the kernel's reach minus one, d·(k − 1); padding "
           "then crops p of it.")


def check_transposed_weight_shape(transposed_weight_shape, seed=0):
    """``transposed_weight_shape(c_in, c_out, k, groups)``: ConvTranspose2d's weight shape."""
    rng = _rng(seed)
    cases = []
    for _ in range(12):
        g = int(rng.integers(1, 4))
        cases.append((g * int(rng.integers(1, 4)), g * int(rng.integers(1, 4)),
                      int(rng.integers(1, 6)), g))
    _grade("transposed_weight_shape", cases,
           lambda *c: np.array(transposed_weight_shape(*c), dtype=float),
           lambda a, b, k, g: np.array(torch.nn.ConvTranspose2d(a, b, k, groups=g).weight.shape,
                                       dtype=float),
           "Hint: a transposed convolution lists its input channels first; groups divide the "
           "other channel axis.")


def check_overlap_counts(overlap_counts, seed=0):
    """``overlap_counts(n, k, s)``: stamps covering each output pixel, read off torch as a
    transposed convolution of ones with a kernel of ones."""
    rng = _rng(seed)
    cases = [tuple(int(v) for v in (rng.integers(1, 8), rng.integers(1, 6), rng.integers(1, 4)))
             for _ in range(15)]

    def torch_ref(n, k, s):
        return F.conv_transpose1d(torch.ones(1, 1, n, dtype=torch.float64),
                                  torch.ones(1, 1, k, dtype=torch.float64), stride=s)[0, 0].numpy()

    _grade("overlap_counts", cases, overlap_counts, torch_ref,
           "Hint: input i's stamp covers output pixels i·s … i·s + k − 1.")


def check_pixel_shuffle(pixel_shuffle, seed=0):
    """``pixel_shuffle(x, r)``: (N, C·r², H, W) → (N, C, H·r, W·r), like F.pixel_shuffle."""
    rng = _rng(seed)
    cases = []
    for _ in range(10):
        r = int(rng.integers(1, 4))
        cases.append((rng.standard_normal((int(rng.integers(1, 3)), r * r * int(rng.integers(1, 3)),
                                           int(rng.integers(1, 5)), int(rng.integers(1, 5)))), r))
    _grade("pixel_shuffle", cases, pixel_shuffle,
           lambda x, r: F.pixel_shuffle(torch.from_numpy(x), r).numpy(),
           "Hint: split the channels into (C, r, r), then move the two r axes next to H and W: "
           "(N, C, H, r, W, r).")


def check_even_overlap(even_overlap, seed=0):
    """``even_overlap(k, s)``: is the interior of the overlap map constant? Measured in torch."""
    cases = [(k, s) for k in range(1, 9) for s in range(1, 5)]

    def torch_ref(k, s):
        counts = F.conv_transpose1d(torch.ones(1, 1, 12), torch.ones(1, 1, k), stride=s)[0, 0]
        inner = counts[k:-k]
        return float(bool((inner == inner[0]).all()))

    _grade("even_overlap", cases, lambda k, s: float(bool(even_overlap(k, s))), torch_ref,
           "Hint: look at which (k, s) pairs give a constant interior in section 1.")
