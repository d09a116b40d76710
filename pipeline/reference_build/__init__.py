"""Builders of reference files from licensed outside lists (run by hand to regenerate a file; never at run time)."""
