"""The library index: parsed pages, article metadata and full-text search in one SQLite file.

Derived data only: every row can be rebuilt from the page files, so a missing, damaged or
out-of-date index is rebuilt rather than trusted. No UI code here.
"""
