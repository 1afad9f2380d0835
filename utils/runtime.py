"""Seeding and device choice, the same in every notebook."""

import random

import numpy as np

__all__ = ["seed_everything", "pick_device"]


def seed_everything(seed=0):
    """Seed Python, NumPy and torch; return a fresh ``np.random.Generator`` for the notebook.

    >>> int(seed_everything(0).integers(10))
    8
    """
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    return np.random.default_rng(seed)


def pick_device():
    """``torch.device('cuda')`` when a GPU is present (as on Colab), else the CPU."""
    import torch

    return torch.device("cuda" if torch.cuda.is_available() else "cpu")
