"""The course's library: from-scratch operations mirroring ``torch.nn.functional``, sizes, costs,
data, nets, training, the match helper, plots and explorers.

Notebooks ``import utils`` and use the names below; each module lists its own ``__all__``, and
``tests/`` holds their torch-agreement tests. What only one chapter uses (its exercise checks and
drawers) lives in that chapter's module, ``utils.chapters.chNN_<folder name>``.
"""

from . import (compare, cost, data, gan, interactive, matrix, nets, ops, patches,  # noqa: I001
               plot, pooling, relu_rules, resize, runtime, shuffle, sizes, superres,
               train, upsamplers, visualize)
from .compare import *  # noqa: F403
from .cost import *  # noqa: F403
from .data import *  # noqa: F403
from .gan import *  # noqa: F403
from .interactive import *  # noqa: F403
from .matrix import *  # noqa: F403
from .nets import *  # noqa: F403
from .ops import *  # noqa: F403
from .patches import *  # noqa: F403
from .plot import *  # noqa: F403
from .pooling import *  # noqa: F403
from .relu_rules import *  # noqa: F403
from .resize import *  # noqa: F403
from .runtime import *  # noqa: F403
from .shuffle import *  # noqa: F403
from .sizes import *  # noqa: F403
from .superres import *  # noqa: F403
from .train import *  # noqa: F403
from .upsamplers import *  # noqa: F403
from .visualize import *  # noqa: F403

LIBRARY = (compare, cost, data, gan, interactive, matrix, nets, ops, patches, plot, pooling,
           relu_rules, resize, runtime, shuffle, sizes, superres, train, upsamplers, visualize)
__all__ = [name for module in LIBRARY for name in module.__all__]
