"""Sentence bounds around an offset."""


from reader.language import sentence_at

TEXT = "他说：“好。”下一句！\n　　新段落。没有结尾"


def span(offset: int) -> str:
    start, end = sentence_at(TEXT, offset)
    return TEXT[start:end]


def test_sentences():
    assert span(0) == "他说：“好。”"
    assert span(6) == "他说：“好。”"  # the closing quote belongs to its sentence
    assert span(8) == "下一句！"
    assert span(TEXT.index("新")) == "新段落。"
    assert span(len(TEXT) - 1) == "没有结尾"
    assert span(10_000) == "没有结尾"
    assert sentence_at("", 3) == (0, 0)
