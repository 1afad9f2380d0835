"""Argument checks shared by the from-scratch operations.

Every check raises ``TypeError`` or ``ValueError`` with a message that names the
argument and the rule it broke, the way ``torch.nn.functional`` refuses it.
"""

import numbers

import numpy as np

from .sizes import same_padding


def ntuple(value, n, name, minimum=0):
    """Return ``value`` as a tuple of ``n`` ints, each ``>= minimum``.

    Accepts an int or a tuple/list of 1 or ``n`` ints, like torch.

    >>> ntuple(2, 2, "stride", minimum=1)
    (2, 2)
    >>> ntuple((1, 3), 2, "padding")
    (1, 3)
    """
    if _is_int(value):
        values = (int(value),) * n
    elif isinstance(value, (tuple, list)) and len(value) in (1, n) and all(map(_is_int, value)):
        values = tuple(int(v) for v in value) * (n if len(value) == 1 else 1)
    else:
        raise TypeError(f"{name} must be an int or a tuple of {n} ints, got {value!r}")
    if any(v < minimum for v in values):
        rule = "positive" if minimum == 1 else f">= {minimum}"
        raise ValueError(f"{name} must be {rule}, got {name}={values}")
    return values


def _is_int(value):
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def positive_int(value, name):
    """Return ``value`` as an int, refusing anything that is not a positive int."""
    if not _is_int(value):
        raise TypeError(f"{name} must be an int, got {value!r}")
    if value < 1:
        raise ValueError(f"{name} must be positive, got {name}={value}")
    return int(value)


def float_array(value, name):
    """Return ``value`` as a floating-point NumPy array (torch tensors are converted)."""
    if hasattr(value, "detach"):  # a torch.Tensor
        value = value.detach().cpu().numpy()
    array = np.asarray(value)
    if not np.issubdtype(array.dtype, np.floating):
        raise TypeError(f"{name} must be a floating-point array, got dtype {array.dtype}")
    return array


def working_precision(*arrays):
    """The arrays in the precision their sums are computed in: float16 in float32, so that a
    half-precision result is rounded once, at the end (torch's CPU conv2d accumulates half
    precision in float32 too); other dtypes, and None, as they are.

    >>> [a.dtype for a in working_precision(np.ones(2, np.float16), np.ones(2))]
    [dtype('float32'), dtype('float64')]
    """
    return tuple(a.astype(np.float32) if a is not None and a.dtype == np.float16 else a
                 for a in arrays)


def with_batch(x, layout, name="input"):
    """``x`` with a batch axis, and whether it had one: ``layout`` names the batched axes, e.g.
    "(N, C, H, W)"; ``x`` may have them all or lack N. As torch does, only N may be 0.

    >>> x, batched = with_batch(np.zeros((3, 4, 5)), "(N, C, H, W)")
    >>> x.shape, batched
    ((1, 3, 4, 5), False)
    """
    rank = layout.count(",") + 1
    unbatched = "(" + layout.split(",", 1)[1].strip()
    if x.ndim not in (rank - 1, rank):
        raise ValueError(f"{name} must be {rank - 1}-D {unbatched} or {rank}-D {layout}, "
                         f"got shape {x.shape}")
    batched = x.ndim == rank
    x = x if batched else x[None]
    if 0 in x.shape[1:]:
        raise ValueError(f"{name} {x.shape if batched else x.shape[1:]} has an empty axis: only "
                         f"the batch N of {layout} may be 0")
    return x, batched


def same_dtype(array, reference, name):
    """Refuse ``array`` unless its dtype is the input's, as torch does."""
    if array.dtype != reference.dtype:
        raise TypeError(
            f"{name} and input must have the same dtype, got {array.dtype} and {reference.dtype}"
        )


def padding_pairs(padding, n, kernel, dilation, stride):
    """A convolution's ``padding`` as ``n`` (before, after) pairs, from an int, a tuple,
    'valid' or 'same' (stride 1 only; an odd total puts the extra zero after, as torch does).

    >>> padding_pairs("same", 2, (4, 3), (1, 1), (1, 1))
    ((1, 2), (1, 1))
    >>> padding_pairs((2, 0), 2, (3, 3), (1, 1), (2, 2))
    ((2, 2), (0, 0))
    """
    if isinstance(padding, str):
        if padding == "valid":
            return ((0, 0),) * n
        if padding == "same":
            if any(s != 1 for s in stride):
                raise ValueError("padding='same' is not supported for strided convolutions "
                                 f"(got stride={stride})")
            return tuple(same_padding(k, d) for k, d in zip(kernel, dilation))
        raise ValueError(f"padding must be 'valid', 'same', an int or a tuple, got {padding!r}")
    return tuple((p, p) for p in ntuple(padding, n, "padding", minimum=0))
