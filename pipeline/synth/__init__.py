"""A synthetic corpus in the project's genre, with gold, for benchmarking at scale (see pipeline/synth/corpus.py)."""
