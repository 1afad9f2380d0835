"""Shared test settings: a hypothesis profile sized for the 2-core CI machine, and fixtures."""

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "course", max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", 500)), deadline=None,
    suppress_health_check=[HealthCheck.too_slow], derandomize=True, print_blob=True)
settings.load_profile("course")


@pytest.fixture
def fig():
    """A figure for a drawer to draw on, off screen, closed afterwards."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure = plt.figure()
    yield figure
    plt.close(figure)
