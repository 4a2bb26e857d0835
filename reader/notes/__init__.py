"""Durable store of highlights, notes, saved words and progress; no UI code here."""
