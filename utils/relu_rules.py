"""The ReLU in the reverse pass: three rules for sending a signal back through y = max(x, 0).

* ``"backprop"``, the gradient: pass the signal where the forward input was positive;
* ``"deconvnet"`` (Zeiler & Fergus 2014): rectify the signal itself, whatever the forward pass did;
* ``"guided"`` (guided backprop, Springenberg et al. 2015): both.

``relu_backward`` is a rule in NumPy; ``relu_with_rule`` is a ReLU whose backward follows a rule,
as a ``torch.autograd.Function``; ``relu_rule`` applies a rule to every ``nn.ReLU`` of a model
through module hooks, and ``input_map`` sends one class score back to the input with it. Max
pooling and convolutions are untouched by the rules: in the reverse pass they route the signal
through the switches and the transposed filters, as the gradient does.
"""

from contextlib import contextmanager

from ._args import float_array

__all__ = ["RULES", "relu_backward", "relu_with_rule", "relu_rule", "input_map"]

RULES = ("backprop", "deconvnet", "guided")


def _check_rule(rule):
    if rule not in RULES:
        raise ValueError(f"rule must be one of {RULES}, got {rule!r}")


def _apply(rule, grad, input):
    """The rule on NumPy arrays or torch tensors alike: a boolean factor keeps or drops each
    value (and + 0.0 turns the -0.0 of a dropped negative value into 0.0)."""
    if rule == "backprop":
        return grad * (input > 0) + 0.0
    if rule == "deconvnet":
        return grad * (grad > 0) + 0.0
    return grad * (grad > 0) * (input > 0) + 0.0


def relu_backward(grad, input, rule="backprop"):
    """The signal that reaches a ReLU's input in the reverse pass, by ``rule``.

    grad: the signal arriving at the ReLU's output; input: the forward pass's input, the same
    shape and dtype → an array of that shape.

    >>> import numpy as np
    >>> x = np.array([-1.0, 2.0, 3.0, -4.0])  # forward input
    >>> g = np.array([1.0, -2.0, 3.0, -4.0])  # signal coming back
    >>> for rule in RULES:
    ...     print(f"{rule:>9}", relu_backward(g, x, rule))
     backprop [ 0. -2.  3.  0.]
    deconvnet [1. 0. 3. 0.]
       guided [0. 0. 3. 0.]
    """
    _check_rule(rule)
    g, x = float_array(grad, "grad"), float_array(input, "input")
    if g.shape != x.shape:
        raise ValueError(f"grad and input must have the same shape, got {g.shape} and {x.shape}")
    if g.dtype != x.dtype:
        raise TypeError(f"grad and input must have the same dtype, got {g.dtype} and {x.dtype}")
    return _apply(rule, g, x)


def _rule_function():
    import torch

    class RuleReLU(torch.autograd.Function):
        """max(x, 0) forward; the chosen rule backward."""

        @staticmethod
        def forward(ctx, input, rule):
            ctx.save_for_backward(input)
            ctx.rule = rule
            return input.clamp(min=0)

        @staticmethod
        def backward(ctx, grad):
            (input,) = ctx.saved_tensors
            return _apply(ctx.rule, grad, input), None

    return RuleReLU


_RULE_RELU = None


def relu_with_rule(input, rule="backprop"):
    """``torch.relu(input)`` whose backward follows ``rule``: a custom autograd Function.

    >>> import torch
    >>> x = torch.tensor([-1.0, 2.0], requires_grad=True)
    >>> relu_with_rule(x, "deconvnet").backward(torch.tensor([3.0, -4.0]))
    >>> x.grad
    tensor([3., 0.])
    """
    global _RULE_RELU
    _check_rule(rule)
    if _RULE_RELU is None:
        _RULE_RELU = _rule_function()
    return _RULE_RELU.apply(input, rule)


@contextmanager
def relu_rule(model, rule):
    """Inside the ``with`` block, every ``nn.ReLU`` of ``model`` sends signals back by ``rule``.

    A forward hook keeps each ReLU's input and a full backward hook replaces the gradient it
    returns. Functional ``F.relu`` calls are not modules and can't be hooked, and an in-place
    ReLU overwrites the input the rules need, so both are refused.
    """
    import torch

    _check_rule(rule)
    relus = [m for m in model.modules() if isinstance(m, torch.nn.ReLU)]
    if not relus:
        raise ValueError("model has no nn.ReLU module to apply the rule to (F.relu can't be "
                         "hooked: use nn.ReLU layers)")
    if any(m.inplace for m in relus):
        raise ValueError("an nn.ReLU(inplace=True) overwrites the input that the reverse rules "
                         "need; build the model with inplace=False")
    inputs, handles = {}, []

    def keep_input(module, args, output):
        inputs[module] = args[0].detach()

    def reverse(module, grad_input, grad_output):
        return (_apply(rule, grad_output[0], inputs[module]),)

    for m in relus:
        handles += [m.register_forward_hook(keep_input), m.register_full_backward_hook(reverse)]
    try:
        yield model
    finally:
        for handle in handles:
            handle.remove()


def input_map(model, input, target, rule="backprop"):
    """The score of class ``target`` sent back to the input through ``model`` by ``rule``.

    input (N, C, H, W) tensor; target an int or (N,) ints → (N, C, H, W), detached. With
    ``"backprop"`` it is the gradient of the score (a saliency map, without the absolute value).
    """
    import torch

    x = input.detach().clone().requires_grad_(True)
    target = torch.as_tensor(target, device=x.device).expand(x.shape[0])
    with relu_rule(model, rule):
        scores = model(x)
        (grad,) = torch.autograd.grad(scores.gather(1, target[:, None]).sum(), x)
    return grad
