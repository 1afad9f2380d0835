"""Shared test settings: a hypothesis profile sized for the 2-core CI machine."""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "course", max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", 500)), deadline=None,
    suppress_health_check=[HealthCheck.too_slow], derandomize=True, print_blob=True)
settings.load_profile("course")
