"""One module per chapter: its exercise checks, drawers and explorers, and anything else that
only that chapter uses. The module of ``chapters/07_conv_as_matrix/`` is ``ch07_conv_as_matrix``;
a notebook imports its own, after the setup cell::

    from utils.chapters import ch07_conv_as_matrix as ch07

What several chapters share lives in the library, ``utils`` itself; the grading core that every
chapter's checks use is ``grading``.
"""
