"""Pilot tests of the reading app."""
