"""Language figures: dictionary index load, lookup speed, segmentation cost, pinyin accuracy."""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader.bench import Figure

MARK = "\u2581"
"""CPP wraps the labelled polyphone in this character on both sides."""


def cpp_sets() -> tuple[Path, Path]:
    """The CPP dev set: the full one beside the worktree when present, else the tests' slice."""
    root = Path(__file__).resolve().parents[2]
    full = root.parent / "shared" / "cpp"
    if (full / "dev.sent").is_file() and (full / "dev.lb").is_file():
        return full / "dev.sent", full / "dev.lb"
    data = root / "tests" / "language" / "data"
    return data / "cpp_dev_slice.sent", data / "cpp_dev_slice.lb"


def cpp_items(sent: Path, lb: Path) -> tuple[str, list[int], list[str]]:
    """CPP lines as one text (a sentence a line), the polyphones' offsets, their labels."""
    from reader.language.tones import normalize_numbers

    lines, offsets = [], []
    base = 0
    for line in sent.read_text(encoding="utf-8").splitlines():
        a = line.index(MARK)
        b = line.index(MARK, a + 1)
        clean = line[:a] + line[a + 1 : b] + line[b + 1 :]
        lines.append(clean)
        offsets.append(base + a)
        base += len(clean) + 1
    labels = [normalize_numbers(x.strip()) for x in lb.read_text(encoding="utf-8").splitlines()]
    if len(labels) != len(offsets):
        raise ValueError(f"{sent.name} and {lb.name} differ in length")
    return "\n".join(lines), offsets, labels


def cpp_score(rows: list[dict[str, object]], offsets: list[int], labels: list[str]) -> int:
    """How many labelled polyphones the `reader segment --json` rows read as CPP does."""
    from reader.language.tones import is_han, marks_to_numbers

    by_char: dict[int, str] = {}
    for row in rows:
        syllables = str(row["pinyin"]).split()
        start = int(row["start"])  # type: ignore[call-overload]
        han = [start + k for k, ch in enumerate(str(row["text"])) if is_han(ch)]
        if len(han) == len(syllables):
            by_char.update(zip(han, (marks_to_numbers(s) for s in syllables), strict=True))
    return sum(by_char.get(off) == label for off, label in zip(offsets, labels, strict=True))


def _chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """`text` cut at line ends into pieces of at most `limit` characters, with their offsets."""
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = len(text) if len(text) - start <= limit else text.rfind("\n", start, start + limit)
        if end <= start:  # a line longer than the limit: cut inside it
            end = min(len(text), start + limit)
        out.append((start, text[start:end]))
        start = end + 1 if end < len(text) and text[end] == "\n" else end
    return out


def _cpp_dev_accuracy() -> float:
    """Share of CPP dev polyphones read right through `reader segment --json` (fresh processes,
    the dev set cut at line ends under the command's input limit)."""
    from reader.commands.language import MAX_SEGMENT_CHARS

    text, offsets, labels = cpp_items(*cpp_sets())
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="dubao-bench-cpp-") as home:
        env = {**os.environ, "READER_HOME": home}
        for base, piece in _chunks(text, MAX_SEGMENT_CHARS):
            out = subprocess.run([sys.executable, "-m", "reader", "segment", "--json"],
                                 input=piece.encode("utf-8"), capture_output=True, check=True,
                                 env=env)
            for row in json.loads(out.stdout.decode("utf-8")):
                row["start"] = int(row["start"]) + base
                rows.append(row)
    return round(100 * cpp_score(rows, offsets, labels) / len(labels), 2)


def cpp_breakdown() -> dict[str, tuple[int, int]]:
    """CPP dev polyphones read right and in all, by where their reading came from (the sources
    of `reader segment --explain`; "model" when the context model changed or confirmed it)."""
    from bisect import bisect_right

    from reader.language.segmenter import segment

    text, offsets, labels = cpp_items(*cpp_sets())
    trace: dict[int, list[str]] = {}
    tokens = segment(text, trace)
    starts = [t.start for t in tokens]
    out: dict[str, tuple[int, int]] = {}
    for off, label in zip(offsets, labels, strict=True):
        i = bisect_right(starts, off) - 1
        k = off - tokens[i].start
        sources = trace.get(i, [])
        source = sources[k].split(" 0.")[0].split(" 1.")[0] if k < len(sources) else "none"
        right = k < len(tokens[i].syllables) and tokens[i].syllables[k].numbers == label
        hits, total = out.get(source, (0, 0))
        out[source] = (hits + right, total + 1)
    return out


def _pinyin_article_ms(texts: list[str]) -> tuple[float, float]:
    """Reading the longest bundled article from scratch (no cache, no memo): median wall ms,
    and the polyphone model's share of it in CPU ms (with minus without, medians of one run)."""
    from reader.language import readings, segmenter

    longest = max(texts, key=len)
    wall, cpu = [], {True: [], False: []}
    for _ in range(5):
        for use_model in (True, False):
            segmenter.clear_memo()
            readings.clear_memo()
            t0, c0 = time.perf_counter(), time.process_time()
            segmenter.segment(longest, use_model=use_model)
            cpu[use_model].append((time.process_time() - c0) * 1000)
            if use_model:
                wall.append((time.perf_counter() - t0) * 1000)
    share = statistics.median(cpu[True]) - statistics.median(cpu[False])
    return round(statistics.median(wall), 1), round(share, 1)


def _corpus_texts() -> list[str]:
    """The article texts of the bundled seeds (the same text for both sides of the ratio)."""
    from reader.corpus.library import load_file
    from reader.paths import seeds_dir

    return [a.text for p in sorted(seeds_dir().glob("*.txt")) for a in load_file(p).articles]


def _dict_load_ms() -> float:
    """Median time to load the cached CC-CEDICT index file (built first if missing)."""
    from reader.language.cedict import cedict_path, index_file, load_index, read_index_file

    load_index()
    source, path = cedict_path(), index_file()
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        index = read_index_file(path, source)
        times.append((time.perf_counter() - t0) * 1000)
        assert index is not None
        del index
    return round(statistics.median(times), 1)


def _lookup_us(words: list[str]) -> float:
    """Median time of one `lookup` over the distinct Han words of the corpus, in µs."""
    from reader.language import lookup, readings

    readings.clear_memo()
    times = []
    for word in words:
        t0 = time.perf_counter()
        lookup(word)
        times.append((time.perf_counter() - t0) * 1e6)
    return round(statistics.median(times), 1)


def _pipeline_ratio(texts: list[str]) -> float:
    """CPU time of our tokenize (no disk cache, no memo) over bare `jieba.lcut`, median of 5.

    CPU time of this thread, not wall time: the ratio should not depend on what else the
    machine is running.
    """
    import jieba

    from reader.language import readings, segmenter, tokenize

    ratios = []
    for _ in range(5):
        segmenter.clear_memo()
        readings.clear_memo()
        t0 = time.thread_time()
        for text in texts:
            tokenize(text, use_cache=False)
        ours = time.thread_time() - t0
        t0 = time.thread_time()
        for text in texts:
            jieba.lcut(text)
        bare = time.thread_time() - t0
        ratios.append(ours / bare)
    return round(statistics.median(ratios), 2)


def _jieba_warmup_ms() -> float:
    """Wall time of `jieba.initialize()` in a fresh interpreter (its dictionary load)."""
    code = ("import time, logging, jieba; jieba.setLogLevel(logging.WARNING); "
            "t = time.perf_counter(); jieba.initialize(); "
            "print((time.perf_counter() - t) * 1000)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    return round(float(out.stdout.strip()), 1)


def figures() -> dict[str, Figure]:
    """Measure the language layer's figures."""
    from reader.language import tokenize, warm_up

    dict_load = _dict_load_ms()
    jieba_ms = _jieba_warmup_ms()
    warm_up()
    gc.collect()
    texts = _corpus_texts()
    words = sorted({t.text for text in texts for t in tokenize(text) if t.is_han})
    article_ms, model_ms = _pinyin_article_ms(texts)
    return {
        "dict_load_ms": Figure(dict_load, "ms", goal=200),
        "lookup_us": Figure(_lookup_us(words), "µs", goal=50),
        "pipeline_vs_jieba_ratio": Figure(_pipeline_ratio(texts), "×", goal=2),
        "jieba_warmup_ms": Figure(jieba_ms, "ms"),
        "pinyin_article_ms": Figure(article_ms, "ms"),
        "pinyin_model_ms": Figure(model_ms, "ms", goal=60),
        "cpp_dev_accuracy": Figure(_cpp_dev_accuracy(), "%", goal=97.5, better="higher"),
    }


if __name__ == "__main__":  # python -m reader.benchmarks.language: the CPP dev breakdown
    for name, (hits, total) in sorted(cpp_breakdown().items(), key=lambda kv: -kv[1][1]):
        print(f"{name}\t{hits}/{total}")
