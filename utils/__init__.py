"""The course's shared package: from-scratch operations, checks, plots, explorers, exercises.

Notebooks ``import utils`` and use the names below; each module lists its own ``__all__``,
and ``tests/`` holds their torch-agreement tests.
"""

from . import check, data, exercises, explore, matrix, ops, patches, plot, runtime
from .check import *  # noqa: F403
from .data import *  # noqa: F403
from .exercises import *  # noqa: F403
from .explore import *  # noqa: F403
from .matrix import *  # noqa: F403
from .ops import *  # noqa: F403
from .patches import *  # noqa: F403
from .plot import *  # noqa: F403
from .runtime import *  # noqa: F403

__all__ = [*check.__all__, *data.__all__, *exercises.__all__, *explore.__all__, *matrix.__all__,
           *ops.__all__, *patches.__all__, *plot.__all__, *runtime.__all__]
