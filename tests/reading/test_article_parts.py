"""The headline parts and captions get offsets around the body's, which never move."""

from __future__ import annotations

from reader.corpus.model import Article
from reader.language import tokenize
from reader.reading.article_parts import (
    article_parts,
    in_body,
    part_at,
    part_tokens,
    sentence_source,
)

ARTICLE = Article(
    id="a-1", issue_id="a", kind="article", title="我省经贸团启程赴香港", kicker="稳经济",
    subtitle="拓商机", paragraphs=("会议指出，发展迅速。", "今年以来持续增长。"),
    captions=("图为香港街景。",),
)


def test_parts_sit_before_and_after_the_body_in_reading_order() -> None:
    parts = article_parts(ARTICLE)
    assert [p.kind for p in parts] == ["kicker", "title", "subtitle", "caption"]
    assert parts[2].end == -1  # one separator before the body's offset 0
    assert parts[3].start == len(ARTICLE.text) + 1
    assert all(a.end < b.start for a, b in zip(parts, parts[1:], strict=False))
    assert part_at(parts, parts[1].start + 3) is parts[1]
    assert part_at(parts, 0) is None and in_body(ARTICLE, 0)
    assert not in_body(ARTICLE, -1) and not in_body(ARTICLE, parts[3].start)


def test_part_tokens_carry_the_parts_text_at_their_offsets() -> None:
    tokens = part_tokens(ARTICLE, tokenize)
    parts = article_parts(ARTICLE)
    assert tokens == sorted(tokens, key=lambda t: t.start)
    for tok in tokens:
        part = part_at(parts, tok.start)
        assert part is not None
        assert part.text[tok.start - part.start : tok.end - part.start] == tok.text
    xianggang = next(t for t in tokens if t.text == "香港" and t.start < 0)
    assert xianggang.pinyin == "xiāng gǎng"
    assert sentence_source(ARTICLE, xianggang.start) == (ARTICLE.title, 8)
    assert sentence_source(ARTICLE, 3) == (ARTICLE.text, 3)


def test_a_photo_item_has_only_its_caption_after_an_empty_body() -> None:
    photo = Article(id="p-1", issue_id="p", kind="photo", title="香港街景", title_derived=True,
                    captions=("图为香港街景。",))
    kinds = [(p.kind, p.start) for p in article_parts(photo)]
    assert kinds == [("title", -5), ("caption", 1)]


def test_a_line_break_in_a_caption_reads_as_a_space() -> None:
    photo = Article(id="p-2", issue_id="p", kind="photo", title="香港", title_derived=True,
                    captions=("图为香港\n街景。",))
    caption = article_parts(photo)[-1]
    assert caption.text == "图为香港 街景。"
    assert all("\n" not in t.text for t in part_tokens(photo, tokenize))


def test_a_word_saved_from_the_headline_is_found_there_again() -> None:
    from reader.notes.model import SavedWord
    from reader.reading.words import source_offset

    word = SavedWord(id="w", word="香港", pinyin="Xiānggǎng", definition="Hong Kong",
                     sentence=ARTICLE.title, article_id=ARTICLE.id, issue_id="a")
    parts = article_parts(ARTICLE)
    at = source_offset(ARTICLE.text, word, parts)
    assert at == parts[1].start + 8 and at < 0
    assert source_offset(ARTICLE.text, word) is None  # the body alone does not hold it
