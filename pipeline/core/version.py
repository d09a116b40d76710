"""The pipeline's version: part of every cache key, so bumping it re-processes every document.

Bump it when a change alters extraction output in a way the cache key cannot see on its own
(for example a dependency upgrade that changes tokenisation).
"""
PIPELINE_VERSION = "0.1.0"
