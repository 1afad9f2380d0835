"""The speed benchmark runs, and its GEMM column replays the very products that ours makes."""

import re
import sys
from pathlib import Path

import numpy as np
import pytest

import utils

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import conv_speed  # noqa: E402


@pytest.mark.parametrize("op, stride, kernel", [
    ("conv2d", 2, 4), ("conv2d", 1, 3), ("conv2d", 2, 3),  # space-to-depth, shifted, im2col
    ("conv_transpose2d", 2, 4), ("conv_transpose2d", 8, 16),  # gather, blocks
])
@pytest.mark.parametrize("stack", [0, 10**6], ids=["per-tap", "stacked"])
def test_products_records_every_matmul(op, stride, kernel, stack, monkeypatch):
    monkeypatch.setattr(utils.ops, "_STACK", stack)
    rng = np.random.default_rng(0)
    x = rng.standard_normal((2, 8, 9, 9)).astype(np.float32)
    w = rng.standard_normal((8, 8, kernel, kernel)).astype(np.float32)
    dilation = 2 if kernel == 3 and stride == 2 else 1
    fn = getattr(utils, op)
    args = (x, w, None, stride, 1) + ((0, 1, dilation) if op == "conv_transpose2d" else
                                     (dilation,))
    real = np.matmul
    calls = conv_speed.products(fn, *args)
    assert np.matmul is real, "np.matmul was not put back"
    seen = []
    monkeypatch.setattr(np, "matmul", lambda a, b, out=None: seen.append(a.shape) or
                        real(a, b, out=out))
    fn(*args)
    monkeypatch.undo()
    assert [a.shape for a, _, _ in calls] == seen and seen
    for a, b, out in calls:
        assert out.shape == real(a, b).shape
    conv_speed.replay(calls)


# COURSE.md's budgets: utils' median time within these multiples of torch's CPU time
COURSE_BUDGETS = {"conv2d": 2.0, "conv_transpose2d": 1.5}


def test_the_budgets_are_the_course_s():
    assert conv_speed.BUDGETS == COURSE_BUDGETS
    assert {op for op, *_ in conv_speed.CASES.values()} == set(COURSE_BUDGETS)


@pytest.mark.parametrize("op, median, verdict", [
    ("conv2d", 1.99, "within"), ("conv2d", 2.01, "OVER"),
    ("conv_transpose2d", 1.49, "within"), ("conv_transpose2d", 1.51, "OVER"),
])
def test_budget_line_judges_each_op_by_its_own_budget(op, median, verdict):
    line = conv_speed.budget_line(op, median)
    assert f"{median:.2f}" in line and f"(budget {COURSE_BUDGETS[op]:g}x: {verdict})" in line


def test_benchmark_prints_every_case_and_both_medians(capsys):
    conv_speed.main(["--repeat", "1", "--rounds", "1"])
    printed = capsys.readouterr().out
    assert printed.split()[:7] == ["case", "ours", "ms", "torch", "ms", "ratio", "GEMMs"]
    for name in conv_speed.CASES:  # ours, torch, ratio, and the GEMM floor and its ratio
        (row,) = [line for line in printed.splitlines() if line.startswith(name)]
        assert len([float(v) for v in row[len(name):].split()]) == 5, row
    for op, budget in COURSE_BUDGETS.items():
        found = re.findall(rf"^median ratio {op} +(\d+\.\d\d)  \(budget ([\d.]+)x: (\w+)\)$",
                           printed, flags=re.M)
        assert len(found) == 1, printed
        median, printed_budget, verdict = found[0]
        assert float(printed_budget) == budget
        if abs(float(median) - budget) > 0.005:  # printed as the budget: either side of it
            assert verdict == ("within" if float(median) <= budget else "OVER")
