"""utils' NumPy fast paths against torch on CPU, float32 NCHW: one command, ratios side by side.

    python benchmarks/conv_speed.py          # or: make bench

Each case times ours, then torch's, in blocks of ``--repeat`` runs after a warm-up, for
``--rounds`` rounds, and reports the best time of each and their ratio (ours / torch). The best
of many runs is the figure least disturbed by other work on the machine, as ``timeit``'s
documentation advises; on a shared VM single runs vary by ±50%. The two libraries are timed in
separate blocks with a pause between: NumPy's OpenBLAS threads keep spinning for a moment after
a call, and would slow torch's threads down if the runs alternated. Both use all cores.

The "GEMMs" column replays, alone, the matrix products that one call of ours made (recorded by a
stand-in for ``np.matmul``), with the same operands: the part of our time that is OpenBLAS
multiplying, and so the lowest ratio that moving data around more cleverly could reach.

Each op's median ratio is printed beside its budget (``BUDGETS``, COURSE.md's): conv2d within 2x
of torch, conv_transpose2d within 1.5x. conv2d has more room because on the compute-bound layers
OpenBLAS's products alone take 1.2–1.4x oneDNN's whole convolution (the GEMMs column shows it).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from unittest import mock

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import utils  # noqa: E402

# op → the most its median ratio (ours / torch) may be: COURSE.md's budgets
BUDGETS = {"conv2d": 2.0, "conv_transpose2d": 1.5}

# name: (op, input shape, weight shape, stride, padding) — the shapes of issue 5
CASES = {
    "DCGAN generator layer 128->64, k4 s2 p1, 16x16, batch 16":
        ("conv_transpose2d", (16, 128, 16, 16), (128, 64, 4, 4), 2, 1),
    "FCN-32s head 21 ch, k64 s32 p16, 8x8":
        ("conv_transpose2d", (1, 21, 8, 8), (21, 21, 64, 64), 32, 16),
    "decoder layer 64->64, k3 s1 p1, 64x64, batch 4":
        ("conv_transpose2d", (4, 64, 64, 64), (64, 64, 3, 3), 1, 1),
    "RGB image x2, k4 s2 p1, 256x256":
        ("conv_transpose2d", (1, 3, 256, 256), (3, 3, 4, 4), 2, 1),
    "DCGAN discriminator layer 64->128, k4 s2 p1, 32x32, batch 16":
        ("conv2d", (16, 64, 32, 32), (128, 64, 4, 4), 2, 1),
    "FCN-32s encoder 21 ch, k64 s32 p16, 256x256":
        ("conv2d", (1, 21, 256, 256), (21, 21, 64, 64), 32, 16),
    "encoder layer 64->64, k3 s1 p1, 64x64, batch 4":
        ("conv2d", (4, 64, 64, 64), (64, 64, 3, 3), 1, 1),
    "RGB image /2, k4 s2 p1, 512x512":
        ("conv2d", (1, 3, 512, 512), (3, 3, 4, 4), 2, 1),
}


def block_time(repeat, fn, *args):
    """Best of one block of ``repeat`` runs (``utils.best_time``), after a pause and a warm-up."""
    time.sleep(0.2)  # let the other library's worker threads go idle
    fn(*args)  # warm-up
    return utils.best_time(fn, *args, repeat=repeat)


def products(fn, *args):
    """The products one call of ``fn`` makes, recorded by a stand-in for ``np.matmul`` while
    it runs: a list of (a, b, out) to hand to ``replay``."""
    calls, real = [], np.matmul

    def record(a, b, out=None):
        calls.append((a, b, out))
        return real(a, b, out=out)

    with mock.patch.object(np, "matmul", record):
        fn(*args)
    return [(a, b, real(a, b) if out is None else out) for a, b, out in calls]


def replay(calls):
    """Make the recorded products again, alone, into the same outputs."""
    for a, b, out in calls:
        np.matmul(a, b, out=out)


def budget_line(op, median):
    """One op's verdict: its median ratio against its budget.

    >>> budget_line("conv2d", 1.71)
    'median ratio conv2d            1.71  (budget 2x: within)'
    """
    verdict = "within" if median <= BUDGETS[op] else "OVER"
    return f"median ratio {op:<17} {median:.2f}  (budget {BUDGETS[op]:g}x: {verdict})"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="runs per block")
    parser.add_argument("--rounds", type=int, default=3, help="blocks per library")
    args = parser.parse_args(argv)
    torch.set_num_threads(os.cpu_count())
    rng = np.random.default_rng(0)
    ratios = {op: [] for op in BUDGETS}
    print(f"{'case':<62} {'ours ms':>8} {'torch ms':>9} {'ratio':>6} {'GEMMs ms':>9} "
          f"{'ratio':>6}")
    for name, (op, x_shape, w_shape, stride, padding) in CASES.items():
        x = rng.standard_normal(x_shape).astype(np.float32)
        w = rng.standard_normal(w_shape).astype(np.float32)
        xt, wt = torch.from_numpy(x), torch.from_numpy(w)
        ours_fn, torch_fn = getattr(utils, op), getattr(F, op)
        np.testing.assert_allclose(ours_fn(x, w, None, stride, padding),
                                   torch_fn(xt, wt, None, stride, padding).numpy(),
                                   rtol=1e-3, atol=1e-3 * float(np.abs(w).sum()) ** 0.5)
        calls = products(ours_fn, x, w, None, stride, padding)
        with torch.no_grad():
            t_ours, t_torch, t_gemms = float("inf"), float("inf"), float("inf")
            for _ in range(args.rounds):
                t_ours = min(t_ours, block_time(args.repeat, ours_fn, x, w, None, stride, padding))
                t_gemms = min(t_gemms, block_time(args.repeat, replay, calls))
                t_torch = min(t_torch, block_time(args.repeat, torch_fn, xt, wt, None, stride,
                                                 padding))
        ratios[op].append(t_ours / t_torch)
        print(f"{name:<62} {t_ours * 1e3:8.2f} {t_torch * 1e3:9.2f} {t_ours / t_torch:6.2f} "
              f"{t_gemms * 1e3:9.2f} {t_gemms / t_torch:6.2f}")
    for op, values in ratios.items():
        print(budget_line(op, statistics.median(values)))
    print(f"median ratio, all cases       {statistics.median(sum(ratios.values(), [])):.2f}")


if __name__ == "__main__":
    main()
