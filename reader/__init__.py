"""Dubao (读报): read and annotate Chinese newspapers in the terminal."""

__version__ = "0.1.0"
