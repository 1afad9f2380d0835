"""A small training loop with a progress bar, and the segmentation metrics the chapters share."""

import numpy as np
import torch

__all__ = ["fit", "iou", "pixel_accuracy"]


def fit(model, make_batch, steps, lr=1e-2, loss_fn=None, desc="training"):
    """Train ``model`` with Adam for ``steps`` steps; return the list of losses.

    ``make_batch(step)`` returns ``(inputs, targets)`` tensors on the model's device;
    ``loss_fn`` defaults to cross-entropy (class logits (N, K, ...) vs labels (N, ...)).
    """
    from tqdm.auto import tqdm

    loss_fn = loss_fn or torch.nn.functional.cross_entropy
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    model.train()
    losses = []
    bar = tqdm(range(steps), desc=desc, leave=False)
    for step in bar:
        inputs, targets = make_batch(step)
        loss = loss_fn(model(inputs), targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        if step % 20 == 0:
            bar.set_postfix(loss=f"{loss.item():.3f}")
    model.eval()
    return losses


def iou(pred, truth):
    """Intersection over union of the foreground (label 1) of two label maps (..., H, W).

    >>> iou(np.array([[1, 1], [0, 0]]), np.array([[1, 0], [0, 0]]))
    0.5
    """
    pred, truth = np.asarray(pred) == 1, np.asarray(truth) == 1
    union = np.logical_or(pred, truth).sum()
    return float(np.logical_and(pred, truth).sum() / union) if union else 1.0


def pixel_accuracy(pred, truth):
    """Fraction of pixels whose label is right."""
    return float((np.asarray(pred) == np.asarray(truth)).mean())
