"""Synthesis: pictures (visual/), voices (voice/) and score (music/) for a planned film.

Each kind of synthesis sits behind a ``typing.Protocol`` in its own subpackage, one file a
backend, with an embedded default that runs on a laptop CPU with no download.
"""
