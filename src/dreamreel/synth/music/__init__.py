"""Music and sound: the music backend interface (base.py) and the procedural score (score.py, as
the backend procedural.py), ambience beds and effects (ambience.py).

Pure numpy/scipy synthesis, deterministic per seed, far faster than real time on one core.
"""

from .ambience import ambience, ambience_for_shots, effect
from .base import MusicBackend, ScoreWriter
from .procedural import ProceduralMusic
from .score import Arrangement, ScoreCue, arrange, cues_from_shots, render, score

__all__ = ["Arrangement", "MusicBackend", "ProceduralMusic", "ScoreCue", "ScoreWriter", "ambience", "ambience_for_shots",
           "arrange", "cues_from_shots", "effect", "render", "score"]
