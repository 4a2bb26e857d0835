"""Tests of the language layer (a package, so its conftest does not shadow the root one)."""
