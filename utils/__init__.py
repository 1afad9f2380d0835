"""The course's shared package: from-scratch operations, checks, plots and exercises.

Notebooks ``import utils`` and use the names below; ``tests/`` holds their torch-agreement
tests.
"""

from .check import assert_matches_torch, default_tolerance
from .matrix import conv_matrix
from .ops import (
                  conv1d,
                  conv2d,
                  conv_output_size,
                  conv_transpose1d,
                  conv_transpose2d,
                  conv_transpose_output_size,
                  same_padding,
)
from .plot import draw_grid, show_grids
from .runtime import pick_device, seed_everything

__all__ = [
    "assert_matches_torch", "default_tolerance", "conv_matrix", "conv1d", "conv2d",
    "conv_output_size", "conv_transpose1d", "conv_transpose2d", "conv_transpose_output_size",
    "same_padding", "draw_grid", "show_grids", "pick_device", "seed_everything",
]
