"""dreamreel: personalized, adaptive generative film.

The pipeline (see docs/ and ../shared/DESIGN.md):
request + profile -> narrative -> director -> camera -> synth -> edit -> trust -> serve
"""

from .fontconfig import quiet as _quiet_fontconfig

__version__ = "0.1.0"

_quiet_fontconfig()  # (before anything draws text: see fontconfig.py)
