"""What a network costs: multiply–accumulates, parameters, activation memory, time."""

import time

import torch

__all__ = ["count_macs", "count_params", "activation_bytes", "best_time"]


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
    """Bytes of every leaf module's output in one forward pass: the activations that
    training keeps for the backward pass (measured with forward hooks). A module that returns
    several tensors (a max pool with its switches) counts them all."""
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


def best_time(fn, *args, repeat=3):
    """The fastest of ``repeat`` wall-clock runs of ``fn(*args)``, in seconds (``timeit``'s
    advice: the minimum is the least disturbed by the rest of the machine)."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - t0)
    return min(times)
