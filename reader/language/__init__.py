"""Segmentation, pinyin, dictionary and glossaries; no UI code here."""
