"""Benchmarks of each area, collected by `reader bench`."""
