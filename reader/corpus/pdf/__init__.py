"""Newspaper PDFs: characters with their boxes and sizes -> columns, reading order -> Issue."""
