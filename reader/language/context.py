"""Polyphone readings from context: g2pM's BiLSTM (weights inside its package), run on numpy.

g2pM (Apache-2.0, kakaobrain) ships a one-layer bidirectional LSTM trained on the CPP
benchmark. We use its data files, not its `G2pM` class: that class picks the best of all 876
syllables, runs one sentence at a time and reports no confidence. Here the choice is limited to
the character's own readings, a whole article's sentences run as one padded batch, and each
answer comes with its probability so that the caller decides when to trust it.
"""

from __future__ import annotations

import os
import pickle
import threading
from importlib import resources
from typing import Any, NamedTuple

from reader.language.tones import normalize_numbers

BOS = "시"
EOS = "끝"
"""g2pM's sentence-start and sentence-end tokens (its training marked sentences with them)."""

BATCH = 256
"""Windows per numpy batch: enough to amortise the step loop over an article's polyphones."""

WINDOW = 4
"""Characters of context the model reads on each side of a polyphone: through `reader segment`
on CPP dev 4 scores as well as 10 (96.93% and 96.92%; 10 matched whole sentences), no reading
on the bundled pages changes, and the step loop runs less than half as long."""


class Guess(NamedTuple):
    """The model's reading of one character: the best candidate and its probability.

    A named tuple, not a frozen dataclass: an article makes a thousand of them, and a frozen
    dataclass's `__init__` costs more than the rest of their bookkeeping."""

    reading: str
    """Tone-number syllable, ü spelled as ü (`lü4`)."""
    confidence: float
    scores: dict[str, float]
    """Probability of each of the character's candidate readings (they sum to 1)."""


class PolyphoneModel:
    """g2pM's weights with a batched, candidate-restricted forward pass."""

    def __init__(self) -> None:
        # The matrices are tiny: BLAS threads only contend for the cores (on a busy machine
        # they made segmentation 3x slower). Takes effect when numpy is imported here first.
        for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")
        import numpy as np

        self._np = np
        base = resources.files("g2pM")

        def load(name: str) -> Any:
            with (base / name).open("rb") as fh:
                return pickle.load(fh)  # the package's own files, not user input

        state = load("np_ckpt.pkl")
        self._char2idx: dict[str, int] = load("char2idx.pkl")
        class2idx: dict[str, int] = load("class2idx.pkl")
        cedict: dict[str, list[str]] = load("digest_cedict.pkl")
        f32 = np.float32
        emb = state["embedding.weight"].astype(f32)
        # Input projections for every vocabulary entry, computed once: a step then needs only
        # the recurrent product.
        # Gates reordered from torch's (i f g o) to (i f o g), and the sigmoid gates halved:
        # sigmoid(x) = (tanh(x/2) + 1) / 2, so one tanh over all gates serves every step.
        order = [0, 1, 3, 2]
        scale = np.array([0.5, 0.5, 0.5, 1.0], dtype=f32)[:, None]

        def gates(w: Any) -> Any:
            return (w.reshape(*w.shape[:-1], 4, -1)[..., order, :] * scale).reshape(w.shape)

        self._proj_fw = gates(emb @ state["lstm.weight_ih_l0"].T.astype(f32) + (
            state["lstm.bias_ih_l0"] + state["lstm.bias_hh_l0"]).astype(f32))
        self._proj_bw = gates(emb @ state["lstm.weight_ih_l0_reverse"].T.astype(f32) + (
            state["lstm.bias_ih_l0_reverse"] + state["lstm.bias_hh_l0_reverse"]).astype(f32))
        n = state["lstm.weight_hh_l0"].shape[1]
        whh = np.zeros((2 * n, 8 * n), dtype=f32)
        fw = gates(state["lstm.weight_hh_l0"].T.astype(f32)).reshape(n, 4, n)
        bw = gates(state["lstm.weight_hh_l0_reverse"].T.astype(f32)).reshape(n, 4, n)
        block = whh.reshape(2 * n, 4, 2, n)
        block[:n, :, 0, :] = fw
        block[n:, :, 1, :] = bw
        self._whh = whh
        self._w0 = state["logit_layer.0.weight"].T.astype(f32).copy()
        self._b0 = state["logit_layer.0.bias"].astype(f32)
        self._w1 = state["logit_layer.2.weight"].T.astype(f32).copy()
        self._b1 = state["logit_layer.2.bias"].astype(f32)
        self._hidden = n
        self._unk = self._char2idx["<UNK>"]
        # Single characters' ids by code point, sorted, for vectorised lookups.
        singles = sorted((ord(ch), i) for ch, i in self._char2idx.items() if len(ch) == 1)
        self._code_keys = np.array([c for c, _ in singles], dtype=np.uint32)
        self._code_ids = np.array([i for _, i in singles], dtype=np.int64)
        # Each polyphonic character's candidate classes (ids and our spelling of them).
        self._candidates: dict[str, tuple[list[int], list[str]]] = {}
        for ch, prons in cedict.items():
            ids = [class2idx[p] for p in prons if p in class2idx]
            if len(ids) > 1:
                self._candidates[ch] = (ids, [normalize_numbers(p) for p in prons
                                              if p in class2idx])

        # Every polyphone's candidate classes as one padded table row (a gather per batch).
        self._cand_row = {ch: r for r, ch in enumerate(self._candidates)}
        width = max(len(ids) for ids, _ in self._candidates.values())
        self._cand_index = np.zeros((len(self._candidates), width), dtype=np.int64)
        self._cand_valid = np.zeros((len(self._candidates), width), dtype=bool)
        for r, (ids, _) in enumerate(self._candidates.values()):
            self._cand_index[r, : len(ids)] = ids
            self._cand_valid[r, : len(ids)] = True

    def is_polyphone(self, ch: str) -> bool:
        """True when the model knows several readings for `ch` (and can choose among them)."""
        return ch in self._candidates

    def candidates(self, ch: str) -> list[str]:
        """The readings the model chooses among for `ch` (empty when it is not a polyphone)."""
        found = self._candidates.get(ch)
        return list(found[1]) if found else []

    def _batch_ids(self, texts: list[str]) -> Any:
        """Padded [texts, BOS + characters + EOS] ids, mapped in a few numpy calls."""
        np = self._np
        lens = np.array([len(t) for t in texts], dtype=np.int64)
        codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
        keys, values = self._code_keys, self._code_ids
        at = np.minimum(np.searchsorted(keys, codes), len(keys) - 1)
        ids = np.where(keys[at] == codes, values[at], self._unk)
        rows = np.arange(len(texts))
        out = np.zeros((len(texts), int(lens.max()) + 2), dtype=np.int64)
        out[:, 0] = self._char2idx[BOS]
        starts = np.cumsum(lens) - lens
        out[np.repeat(rows, lens), np.arange(len(codes)) - np.repeat(starts, lens) + 1] = ids
        out[rows, lens + 1] = self._char2idx[EOS]
        return out

    def _run(self, ids: Any, lengths: list[int], steps: int) -> tuple[Any, Any]:
        """Hidden states of both directions for a padded batch, one step loop for both.

        The two directions run side by side (state [h_fw | h_bw], a block-diagonal recurrent
        matrix): numpy's per-call overhead, not arithmetic, is the cost at this size. Only the
        first `steps` steps run: a window centred on its targets needs each direction only up
        to them, about half its length.
        """
        np = self._np
        batch = ids.shape[0]
        back = np.asarray(lengths)[:, None] - 1 - np.arange(ids.shape[1])[None, :]
        rev = np.where(back >= 0, np.take_along_axis(ids, np.maximum(back, 0), axis=1), 0)
        ids, rev = ids[:, :steps], rev[:, :steps]
        n = self._hidden
        # Gate columns grouped as [i_fw i_bw f_fw f_bw o_fw o_bw g_fw g_bw].
        x = np.concatenate([self._proj_fw[ids].reshape(batch, steps, 4, n),
                            self._proj_bw[rev].reshape(batch, steps, 4, n)],
                           axis=3).reshape(batch, steps, 8 * n)
        x = np.ascontiguousarray(x.transpose(1, 0, 2))
        m = 2 * n
        h = np.zeros((batch, m), dtype=np.float32)
        c = np.zeros_like(h)
        tmp = np.empty_like(h)
        g = np.empty((batch, 4 * m), dtype=np.float32)
        out = np.empty((steps, batch, m), dtype=np.float32)
        whh = self._whh
        for t in range(steps):
            np.matmul(h, whh, out=g)
            g += x[t]
            np.tanh(g, out=g)
            sig = g[:, : 3 * m]
            sig += 1.0
            sig *= 0.5
            c *= g[:, m : 2 * m]
            np.multiply(g[:, :m], g[:, 3 * m :], out=tmp)
            c += tmp
            h = out[t]
            np.tanh(c, out=h)
            h *= g[:, 2 * m : 3 * m]
        return out[:, :, :n].transpose(1, 0, 2), out[:, :, n:].transpose(1, 0, 2)

    @staticmethod
    def _window(s: int, text: str, group: list[tuple[int, int]]
                ) -> tuple[int, int, str, list[tuple[int, int]]]:
        start = max(0, group[0][1] - WINDOW)
        return (s, start, text[start : group[-1][1] + WINDOW + 1], group)

    def guess(self, sentences: list[tuple[str, list[int]]]) -> list[list[Guess | None]]:
        """For each (text, positions) the model's reading at each position (None: no choice)."""
        np = self._np
        results: list[list[Guess | None]] = [[None] * len(pos) for _, pos in sentences]
        jobs: list[tuple[int, int, str, list[tuple[int, int]]]] = []
        for s, (text, positions) in enumerate(sentences):
            wanted = [(k, p) for k, p in enumerate(positions)
                      if 0 <= p < len(text) and text[p] in self._candidates]
            if not wanted:
                continue
            # Windows of context around groups of nearby targets: the step loop runs as long as
            # the longest window, and context further away barely changes the answer.
            group: list[tuple[int, int]] = []
            for k, p in sorted(wanted, key=lambda kp: kp[1]):
                if group and p - group[0][1] > WINDOW:
                    jobs.append(self._window(s, text, group))
                    group = []
                group.append((k, p))
            jobs.append(self._window(s, text, group))
        jobs.sort(key=lambda j: len(j[2]))
        for b in range(0, len(jobs), BATCH):
            chunk = jobs[b : b + BATCH]
            lengths = [len(j[2]) + 2 for j in chunk]
            fw_ids = self._batch_ids([j[2] for j in chunk])
            rows, cols_fw, cols_bw, owners = [], [], [], []
            for r, (s, start, _, wanted) in enumerate(chunk):
                for k, p in wanted:
                    t = p - start + 1  # +1: the BOS token
                    rows.append(r)
                    cols_fw.append(t)
                    cols_bw.append(lengths[r] - 1 - t)
                    owners.append((s, k, p))
            fw, bw = self._run(fw_ids, lengths, max(max(cols_fw), max(cols_bw)) + 1)
            hidden = np.concatenate([fw[rows, cols_fw], bw[rows, cols_bw]], axis=1)
            logits = np.maximum(hidden @ self._w0 + self._b0, 0) @ self._w1 + self._b1
            # Softmax over each target's own candidates at once: gather them into a padded
            # [targets, candidates] array (padding at -inf gets probability 0).
            chars = [sentences[s][0][p] for s, _, p in owners]
            cands = [self._candidates[ch] for ch in chars]
            table = np.array([self._cand_row[ch] for ch in chars], dtype=np.int64)
            index, valid = self._cand_index[table], self._cand_valid[table]
            picked = np.where(valid, np.take_along_axis(logits, index, axis=1), -np.inf)
            picked = np.exp(picked - picked.max(axis=1, keepdims=True))
            probs = (picked / picked.sum(axis=1, keepdims=True)).tolist()
            for (s, k, _), (_, names), row in zip(owners, cands, probs, strict=True):
                scores: dict[str, float] = {}
                for name, prob in zip(names, row, strict=False):
                    scores[name] = scores.get(name, 0.0) + prob
                best = max(scores, key=scores.__getitem__)
                results[s][k] = Guess(best, scores[best], scores)
        return results


_model: PolyphoneModel | None = None
_lock = threading.Lock()


def model() -> PolyphoneModel:
    """The shared model, loaded on first use (numpy and ~2 MB of weights: ~0.1-0.2 s)."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = PolyphoneModel()
    return _model
