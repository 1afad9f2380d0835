"""The course's shared package: from-scratch operations, checks, plots, explorers, exercises.

Notebooks ``import utils`` and use the names below; each module lists its own ``__all__``,
and ``tests/`` holds their torch-agreement tests.
"""

from . import (check, cost, data, exercises, explore, matrix, nets, ops, patches, plot,  # noqa: I001
               pooling, resize, runtime, shuffle, sizes, train)
from .check import *  # noqa: F403
from .cost import *  # noqa: F403
from .data import *  # noqa: F403
from .exercises import *  # noqa: F403
from .explore import *  # noqa: F403
from .matrix import *  # noqa: F403
from .nets import *  # noqa: F403
from .ops import *  # noqa: F403
from .patches import *  # noqa: F403
from .plot import *  # noqa: F403
from .pooling import *  # noqa: F403
from .resize import *  # noqa: F403
from .runtime import *  # noqa: F403
from .shuffle import *  # noqa: F403
from .sizes import *  # noqa: F403
from .train import *  # noqa: F403

__all__ = [name for module in (check, cost, data, exercises, explore, matrix, nets, ops, patches,
                               plot, pooling, resize, runtime, shuffle, sizes,
                               train)
           for name in module.__all__]
