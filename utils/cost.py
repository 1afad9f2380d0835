"""What a network costs: multiply–accumulates, parameters, activation memory, time."""

import time

import torch

__all__ = ["count_macs", "count_params", "activation_bytes", "saved_bytes", "best_time"]


def count_macs(model, *inputs):
    """Multiply–accumulates of one forward pass, counted by ``torch.utils.flop_counter``."""
    from torch.utils.flop_counter import FlopCounterMode

    with torch.no_grad(), FlopCounterMode(display=False) as counter:
        model(*inputs)
    return counter.get_total_flops() // 2


def count_params(model):
    """Number of trainable parameters."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


def activation_bytes(model, *inputs):
    """Bytes of every leaf module's output in one forward pass (measured with forward hooks):
    what a forward pass writes, layer by layer. A module that returns several tensors (a max pool
    with its switches) counts them all. What training keeps for the backward pass is a different
    sum, ``saved_bytes``."""
    total = 0

    def hook(module, args, output):
        nonlocal total
        for t in output if isinstance(output, tuple) else (output,):
            total += t.numel() * t.element_size()

    leaves = [m for m in model.modules() if not list(m.children())]
    handles = [m.register_forward_hook(hook) for m in leaves]
    try:
        with torch.no_grad():
            model(*inputs)
    finally:
        for h in handles:
            h.remove()
    return total


def saved_bytes(model, *inputs):
    """Bytes of the tensors that autograd saves for the backward pass in one forward pass of
    ``model`` (measured with ``torch.autograd.graph.saved_tensors_hooks``): each backward keeps
    what it needs, a convolution its input, a ReLU its output, a max pool its input and switches.
    Every storage is counted once (a ReLU's output that the next convolution saves as its input
    is one tensor), and the model's parameters, which exist anyway, are left out.

    >>> net = torch.nn.Sequential(torch.nn.Conv2d(1, 2, 3, padding=1), torch.nn.ReLU())
    >>> saved_bytes(net, torch.zeros(1, 1, 4, 4))  # the input, 16 floats, and the ReLU's 32
    192
    """
    params = {p.untyped_storage().data_ptr() for p in model.parameters()}
    saved = {}

    def pack(t):
        storage = t.untyped_storage()
        if storage.data_ptr() not in params:
            saved[storage.data_ptr()] = storage.nbytes()
        return t

    with torch.enable_grad(), torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        output = model(*inputs)
    del output
    return sum(saved.values())


def best_time(fn, *args, repeat=3):
    """The fastest of ``repeat`` wall-clock runs of ``fn(*args)``, in seconds (``timeit``'s
    advice: the minimum is the least disturbed by the rest of the machine)."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - t0)
    return min(times)
