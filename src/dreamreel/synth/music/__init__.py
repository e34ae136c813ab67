"""Music and sound: the procedural score (score.py), ambience beds and effects (ambience.py).

Pure numpy/scipy synthesis, deterministic per seed, far faster than real time on one core.
"""

from .ambience import ambience, ambience_for_shots, effect
from .score import Arrangement, ScoreCue, arrange, cues_from_shots, render, score

__all__ = ["Arrangement", "ScoreCue", "ambience", "ambience_for_shots", "arrange", "cues_from_shots", "effect", "render",
           "score"]
