"""A small deterministic force layout for the actor network (Fruchterman-Reingold, numpy).

Computed in Python so the dashboard needs no graph library; the same data always gives the
same picture, which keeps screenshots and browser tests stable.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def force_layout(
    nodes: Sequence[str],
    edges: Sequence[tuple[str, str, float]],
    *,
    iterations: int = 150,
) -> dict[str, tuple[float, float]]:
    """Positions in [0, 1] x [0, 1] for ``nodes``; ``edges`` are (a, b, weight >= 0)."""
    codes = sorted(nodes)
    n = len(codes)
    if n == 0:
        return {}
    index = {code: i for i, code in enumerate(codes)}
    angles = 2 * np.pi * np.arange(n) / n
    pos = np.column_stack([np.cos(angles), np.sin(angles)])
    weights = np.zeros((n, n))
    for a, b, weight in edges:
        if a in index and b in index and a != b:
            weights[index[a], index[b]] = weights[index[b], index[a]] = 1 + np.log1p(weight)
    k = np.sqrt(4.0 / n)
    gravity = 4.0 * k  # keeps groups that no edge joins in view
    temperature = 0.2
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=2), 0.01)
        force = k * k / dist - weights * dist * dist / k
        np.fill_diagonal(force, 0.0)
        shift = (delta / dist[:, :, None] * force[:, :, None]).sum(axis=1) - pos * gravity
        length = np.maximum(np.linalg.norm(shift, axis=1), 1e-9)
        pos += shift / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature = max(temperature * 0.97, 0.005)
    span = np.ptp(pos, axis=0)
    pos = (pos - pos.min(axis=0)) / np.where(span > 0, span, 1.0)
    return {code: (float(pos[i, 0]), float(pos[i, 1])) for i, code in enumerate(codes)}
