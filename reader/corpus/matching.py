"""Optimal one-to-one assignment on a small score matrix (Hungarian method, no SciPy)."""

from __future__ import annotations


def best_assignment(scores: list[list[float]]) -> list[int | None]:
    """For each row, the column it gets (or None) so that the total score is highest.

    Each column goes to at most one row. Rows and columns may differ in number; scores of
    zero or less are never worth taking, so such pairs are left unassigned.
    """
    rows = len(scores)
    cols = len(scores[0]) if rows else 0
    if not rows or not cols:
        return [None] * rows
    n = max(rows, cols)
    top = max(max(r) for r in scores)
    # Minimise cost = top - score on a square matrix padded with "leave unassigned" cells.
    cost = [[top - (scores[i][j] if i < rows and j < cols and scores[i][j] > 0 else 0.0)
             for j in range(n)] for i in range(n)]
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    p = [0] * (n + 1)
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if used[j]:
                    continue
                cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j], way[j] = cur, j0
                if minv[j] < delta:
                    delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    out: list[int | None] = [None] * rows
    for j in range(1, n + 1):
        i = p[j] - 1
        if i < rows and j - 1 < cols and scores[i][j - 1] > 0:
            out[i] = j - 1
    return out
