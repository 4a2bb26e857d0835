"""Raw newspaper text to clean issues and articles; no UI code here."""

from reader.corpus.model import Article, Issue

__all__ = ["Article", "Issue"]
