"""dreamreel: personalized, adaptive generative film.

The pipeline (see docs/ and ../shared/DESIGN.md):
request + profile -> narrative -> director -> camera -> synth -> edit -> trust -> serve
"""

__version__ = "0.1.0"
