"""Language figures: dictionary index load, lookup speed, segmentation cost, jieba warm-up."""

from __future__ import annotations

import gc
import statistics
import subprocess
import sys
import time

from reader.bench import Figure


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
    return {
        "dict_load_ms": Figure(dict_load, "ms", goal=200),
        "lookup_us": Figure(_lookup_us(words), "µs", goal=50),
        "pipeline_vs_jieba_ratio": Figure(_pipeline_ratio(texts), "×", goal=2),
        "jieba_warmup_ms": Figure(jieba_ms, "ms"),
    }
