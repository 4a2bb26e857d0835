"""Writer process for the crash test: random changes, one `ack` line after each durable one.

Run as `python crash_writer.py HOME SEED`. Prints `ready`, then for every change a `begin`
line (what is about to change) and, once the store call has returned (so the change is on
disk), an `ack` line with the record as it must be found after a crash.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import asdict
from pathlib import Path

from reader.notes.model import COLORS
from reader.notes.store import NotesStore

TEXT = ("在文化传承发展座谈会召开一周年之际，为深入学习贯彻习近平文化思想，记者走访了多个"
        "博物馆、图书馆和非遗工坊。明天可能会下雨，记得带伞。"
        "公园里人很多，孩子们在草地上放风筝。") * 4
WORDS = ["文化", "传承", "发展", "座谈会", "博物馆", "图书馆", "风筝", "草地", "孩子"]


def emit(kind: str, payload: dict) -> None:
    sys.stdout.write(f"{kind} {json.dumps(payload, ensure_ascii=False)}\n")
    sys.stdout.flush()


def main() -> None:
    home, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    store = NotesStore.open(home)
    # Both ways a change is saved: odd seeds rewrite the whole file on every change (or,
    # for a few, every few changes); even seeds append to the journal.
    if seed % 2:
        store._storage.journal_limit = 0 if seed % 4 == 1 else 8000
    ids = [h.id for h in store.highlights()]
    print("ready", flush=True)
    for n in range(10_000):
        roll = rng.random()
        if roll < 0.45 or not ids:
            emit("begin", {"table": "h", "id": None})
            start = rng.randrange(len(TEXT) - 40)
            h = store.add_highlight("i1", f"i1-{n % 7}", TEXT, start, start + rng.randint(2, 30),
                                    color=rng.choice(COLORS),
                                    note=f"笔记 {seed}/{n}" if rng.random() < 0.5 else None)
            ids.append(h.id)
            emit("ack", {"table": "h", "id": h.id, "rec": asdict(h)})
        elif roll < 0.65:
            target = rng.choice(ids)
            emit("begin", {"table": "h", "id": target})
            if rng.random() < 0.5:
                h = store.update_note(target, f"改 {seed}/{n}")
            else:
                h = store.set_color(target, rng.choice(COLORS))
            emit("ack", {"table": "h", "id": h.id, "rec": asdict(h)})
        elif roll < 0.80:
            target = ids.pop(rng.randrange(len(ids)))
            emit("begin", {"table": "h", "id": target})
            store.delete_highlight(target)
            emit("ack", {"table": "h", "id": target, "rec": None})
        elif roll < 0.90:
            word = rng.choice(WORDS)
            existing = {w.word: w.id for w in store.words()}
            emit("begin", {"table": "w", "id": existing.get(word)})
            w = store.save_word(word, "pīn yīn", f"gloss {n}", TEXT[:20], "i1-0", "i1",
                                replace=True)
            emit("ack", {"table": "w", "id": w.id, "rec": asdict(w)})
        else:
            article = f"i1-{rng.randrange(7)}"
            emit("begin", {"table": "p", "id": article})
            p = store.set_progress(article, rng.randrange(1000), read=rng.random() < 0.2)
            emit("ack", {"table": "p", "id": article, "rec": asdict(p)})


if __name__ == "__main__":
    main()
