"""The embedded composer as a music backend (``music.procedural``): numpy synthesis on one core,
far faster than real time, deterministic per seed (see ``score``)."""

from ...model.bible import StyleGuide
from .score import ScoreStream


class ProceduralMusic:
    """The default :class:`~dreamreel.synth.music.base.MusicBackend`."""

    name = "procedural"
    #: Bump when the composer changes what it writes (cached mixes of an older score are not reused).
    version = "3"

    def requires(self) -> list[str]:
        return ["numpy", "scipy"]

    def stream(self, *, style: StyleGuide, genres: list[str], seed: int, sample_rate: int) -> ScoreStream:
        return ScoreStream(style=style, genres=genres, seed=seed, sample_rate=sample_rate)
