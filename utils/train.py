"""A small training loop with a progress bar, random mini-batches, and the metrics the chapters
share."""

import numpy as np
import torch

__all__ = ["fit", "random_batches", "accuracy", "fit_digits_cnn", "iou", "class_iou",
           "pixel_accuracy"]


def fit(model, make_batch, steps, lr=1e-2, loss_fn=None, desc="training", one_cycle=False):
    """Train ``model`` with Adam for ``steps`` steps; return the list of losses.

    ``make_batch(step)`` returns ``(inputs, targets)`` tensors on the model's device;
    ``loss_fn`` defaults to cross-entropy (class logits (N, K, ...) vs labels (N, ...)).
    With ``one_cycle`` the learning rate follows PyTorch's one-cycle schedule, peaking at ``lr``:
    a fixed number of steps then gives the same result on a fast or a slow machine.
    """
    from tqdm.auto import tqdm

    loss_fn = loss_fn or torch.nn.functional.cross_entropy
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, lr, total_steps=steps) \
        if one_cycle else None
    model.train()
    losses = []
    bar = tqdm(range(steps), desc=desc, leave=False)
    for step in bar:
        inputs, targets = make_batch(step)
        loss = loss_fn(model(inputs), targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if schedule:
            schedule.step()
        losses.append(loss.item())
        if step % 20 == 0:
            bar.set_postfix(loss=f"{loss.item():.3f}")
    model.eval()
    return losses


def random_batches(inputs, targets, batch_size, device="cpu", seed=0):
    """A ``make_batch`` for ``fit``: each call draws ``batch_size`` random (seeded) rows of the
    arrays ``inputs`` (n, ...) and ``targets`` (n, ...) and returns them as tensors on ``device``.
    """
    x = torch.as_tensor(inputs, device=device)
    y = torch.as_tensor(targets, device=device)
    if len(x) != len(y):
        raise ValueError(f"inputs and targets must have as many rows, got {len(x)} and {len(y)}")
    rng = np.random.default_rng(seed)

    def make_batch(step):
        rows = torch.as_tensor(rng.integers(0, len(x), batch_size), device=device)
        return x[rows], y[rows]

    return make_batch


def accuracy(model, inputs, labels):
    """The share of ``inputs`` (an array (n, ...)) that ``model`` puts in the right class, run
    without gradients on the model's device.

    >>> accuracy(torch.nn.Identity(), np.eye(3, dtype=np.float32), np.array([0, 1, 1]))
    0.6666666666666666
    """
    device = next(model.parameters(), torch.zeros(0)).device
    with torch.no_grad():
        scores = model(torch.as_tensor(inputs, device=device))
    return float((scores.argmax(1).cpu().numpy() == np.asarray(labels)).mean())


def fit_digits_cnn(digits, device="cpu", steps=600, seed=0):
    """Chapters 11 and 12's classifier: ``nets.digits_cnn`` trained on ``digits`` (a
    ``data.Digits``) for a fixed ``steps`` of 64 images, Adam with a one-cycle learning rate
    peaking at 0.01; returns the model, on ``device``, in eval mode."""
    from .nets import digits_cnn

    torch.manual_seed(seed)
    net = digits_cnn().to(device)
    batches = random_batches(digits.x_train, digits.y_train, 64, device, seed=seed)
    fit(net, batches, steps=steps, lr=1e-2, one_cycle=True)
    return net


def iou(pred, truth):
    """Intersection over union of the foreground (label 1) of two label maps (..., H, W).

    >>> iou(np.array([[1, 1], [0, 0]]), np.array([[1, 0], [0, 0]]))
    0.5
    """
    pred, truth = np.asarray(pred) == 1, np.asarray(truth) == 1
    union = np.logical_or(pred, truth).sum()
    return float(np.logical_and(pred, truth).sum() / union) if union else 1.0


def class_iou(pred, truth, classes):
    """Intersection over union of each class 0 … classes − 1 between two label maps; a class
    absent from both counts as 1. Their mean is the mean IoU.

    >>> class_iou(np.array([[0, 1], [2, 2]]), np.array([[0, 1], [1, 2]]), 3)
    [1.0, 0.5, 0.5]
    """
    pred, truth = np.asarray(pred), np.asarray(truth)
    out = []
    for c in range(classes):
        union = np.logical_or(pred == c, truth == c).sum()
        out.append(float(np.logical_and(pred == c, truth == c).sum() / union) if union else 1.0)
    return out


def pixel_accuracy(pred, truth):
    """Fraction of pixels whose label is right."""
    return float((np.asarray(pred) == np.asarray(truth)).mean())
