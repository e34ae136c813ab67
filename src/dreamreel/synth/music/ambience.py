"""Ambience beds for a place and its weather, and a few one-shot effects.

A bed is layers of shaped noise and simple tones: city hum (traffic rumble, mains hum, passing
cars), ship and station hum (low beating tones plus ventilation air), room tone, crowd murmur,
wind (two noise bands under slow random gusts), rain (filtered noise plus drops), storm
(heavy rain, wind, thunder), sea waves, fire crackle, forest birds, cave drips, train clatter.
Indoors the weather is heard through the walls: duller and quieter; in space it is not heard.

All beds are stereo (independent noise per side, so they are wide), deterministic per seed,
and scaled to a nominal -28 dBFS RMS; the mixer sets their final level.
"""

from collections.abc import Callable

import numpy as np
from scipy import signal

from ...errors import BadInputError, UnknownNameError
from ...model.shot import ShotList
from .dsp import by_sample, fade, pan, sos_filter
from .instruments import INSTRUMENTS

WEATHERS = ("clear", "rain", "snow", "fog", "dust", "storm", "embers", "flood")
INDOOR = {"interior", "office", "bar", "apartment", "ballroom", "warehouse", "lab", "saloon", "train",
          "castle", "cave", "mars_dome"}
SPACE = {"spaceship", "space_station"}
LEVEL_RMS = 10 ** (-28 / 20)


#: Uniform noise in [-ROOT3, ROOT3) has unit variance, as standard normal noise does.
ROOT3 = np.float32(np.sqrt(3.0))
#: The rate at which noise has unit variance (see ``_noise``).
REF_SR = 48000


def _density(sr: int) -> np.float32:
    """White noise's scale at ``sr`` for the same power per hertz as unit variance at REF_SR:
    a band of it filtered out is as loud at any rate (a layer made at a low rate keeps its
    noise's balance with its tones)."""
    return np.float32(np.sqrt(sr / REF_SR))


def _noise(n: int, rng: np.random.Generator, sr: int) -> np.ndarray:
    """White noise, (n, 2) float32 (unit variance at REF_SR: ``_density``). Uniform rather than
    Gaussian: a quarter of the cost, the same flat spectrum, and every bed filters it, which
    sums many samples into each one heard (so what is heard is as Gaussian either way)."""
    x = rng.random((n, 2), dtype=np.float32)
    x -= np.float32(0.5)
    x *= np.float32(2) * ROOT3 * _density(sr)
    return x


CONTROL = 48  # control signals run at sample_rate / 48 (1 kHz at 48 kHz) and are held between


def _lfo(n: int, sr: int, rng: np.random.Generator, rate_hz: float, channels: int = 1) -> np.ndarray:
    """Smooth random control signal in 0..1 (noise interpolated from a few points a second)."""
    pts = max(4, int(n / sr * rate_hz) + 3)
    ctrl = rng.random((pts, channels))
    m = -(-n // CONTROL)
    x = np.linspace(0, pts - 3, m)
    out = np.stack([np.interp(x, np.arange(pts), ctrl[:, c]) for c in range(channels)], axis=1)
    out = out * out * (3 - 2 * out)  # smoothstep between points: no corners in the gusts
    return np.repeat(out.astype(np.float32), CONTROL, axis=0)[:n]


def _scatter(n: int, at: np.ndarray, amps: np.ndarray, shape: np.ndarray) -> np.ndarray:
    """Many copies of one short sound at positions ``at`` with gains ``amps``, summed (mono)."""
    k = shape.shape[0]
    idx = (at[:, None] + np.arange(k)[None, :]).ravel()
    w = (amps[:, None] * shape[None, :]).ravel()
    keep = idx < n
    return np.bincount(idx[keep], weights=w[keep], minlength=n)[:n].astype(np.float32)


def _events(n: int, sr: int, rng: np.random.Generator, per_s: float) -> np.ndarray:
    """Sample positions of Poisson-distributed events."""
    count = rng.poisson(per_s * n / sr)
    return np.sort(rng.integers(0, max(1, n), count))


def _place(out: np.ndarray, at: int, sound: np.ndarray) -> None:
    end = min(out.shape[0], at + sound.shape[0])
    if end > at:
        out[at:end] += sound[: end - at]


def _wind(n: int, sr: int, rng: np.random.Generator, strength: float = 1.0) -> np.ndarray:
    low = sos_filter(_noise(n, rng, sr), "bandpass", (150.0, 600.0), sr)
    high = sos_filter(_noise(n, rng, sr), "bandpass", (700.0, 1800.0), sr)
    gust = _lfo(n, sr, rng, 0.25, 2)
    whistle = _lfo(n, sr, rng, 0.4, 2)
    # strength * (low * (0.3 + gust) + 0.5 * high * gust * whistle), in place
    high *= gust
    high *= whistle
    high *= np.float32(0.5)
    gust += np.float32(0.3)
    low *= gust
    low += high
    if strength != 1.0:
        low *= np.float32(strength)
    return low


def _rain(n: int, sr: int, rng: np.random.Generator, heavy: float = 1.0) -> np.ndarray:
    hiss = sos_filter(_noise(n, rng, sr), "bandpass", (800.0, 9000.0), sr) * 0.6
    drops = np.zeros((n, 2), dtype=np.float32)
    k = int(0.012 * sr)
    t = np.arange(k) / sr
    for f in (1900.0, 2600.0, 3400.0, 4300.0, 5100.0):  # a few drop pitches, each scattered widely
        shape = np.sin(2 * np.pi * f * t * (1 + 3 * t)) * np.exp(-t / 0.003)
        at = _events(n, sr, rng, 12.0 * heavy)
        amps = rng.uniform(0.5, 2.0, at.shape[0])
        side = rng.uniform(0, np.pi / 2, at.shape[0])  # constant-power pan per drop
        drops[:, 0] += _scatter(n, at, amps * np.cos(side), shape)
        drops[:, 1] += _scatter(n, at, amps * np.sin(side), shape)
    return heavy * hiss + drops


def _thunder(n: int, sr: int, rng: np.random.Generator) -> np.ndarray:
    out = np.zeros((n, 2), dtype=np.float32)
    for at in _events(n, sr, rng, 1 / 12):
        length = int(rng.uniform(3.0, 6.0) * sr)
        t = np.arange(length) / sr
        env = np.minimum(1.0, t / 0.05) * np.exp(-t / rng.uniform(0.8, 1.8))
        env *= 0.6 + 0.4 * _lfo(length, sr, rng, 6.0)[:, 0]  # rolling: the rumble comes in waves
        rumble = sos_filter(_noise(length, rng, sr), "lowpass", 180.0, sr, 4) * env[:, None] * 6.0
        crack = sos_filter(_noise(length, rng, sr), "bandpass", (400.0, 3000.0), sr) * (np.exp(-t / 0.15) * 0.8)[:, None]
        _place(out, int(at), rumble + crack)
    return out


def _city(n: int, sr: int, rng: np.random.Generator) -> np.ndarray:
    rumble = sos_filter(_noise(n, rng, sr), "lowpass", 250.0, sr, 2) * 1.5
    t = np.arange(n, dtype=np.float32) / sr
    hum = 0.05 * np.sin(2 * np.pi * 60 * t) + 0.03 * np.sin(2 * np.pi * 120 * t)
    cars = np.zeros((n, 2), dtype=np.float32)
    for at in _events(n, sr, rng, 1 / 6):
        length = int(rng.uniform(3.0, 5.0) * sr)
        tt = np.linspace(0, 1, length)
        swell = np.sin(np.pi * tt) ** 2
        car = sos_filter(rng.standard_normal(length).astype(np.float32) * _density(sr), "bandpass", (120.0, 900.0), sr) * swell
        side = float(rng.choice([-1.0, 1.0]))
        # a car passes across the field: pan sweeps from one side to the other
        l_gain = np.cos((side * (tt * 2 - 1) + 1) * np.pi / 4)
        r_gain = np.sin((side * (tt * 2 - 1) + 1) * np.pi / 4)
        _place(cars, int(at), np.stack([car * l_gain, car * r_gain], axis=1).astype(np.float32) * 1.5)
    for c in range(2):  # (the hum in both: a column at a time, see dsp.by_sample)
        rumble[:, c] += hum
    return rumble + cars


def _ship(n: int, sr: int, rng: np.random.Generator) -> np.ndarray:
    t = np.arange(n, dtype=np.float32) / sr
    tones = np.zeros(n, dtype=np.float32)
    for f, a in ((48.0, 0.5), (48.35, 0.4), (96.0, 0.2), (144.7, 0.1), (310.0, 0.03)):  # 48 vs 48.35 Hz beat slowly
        tones += a * np.sin(2 * np.pi * f * t)
    air = sos_filter(_noise(n, rng, sr), "bandpass", (300.0, 4000.0), sr) * 0.25
    swell = 0.8 + 0.2 * _lfo(n, sr, rng, 0.1)
    tones *= np.float32(0.6)
    for c in range(2):
        air[:, c] += tones
    return by_sample(air, swell[:, 0])


def _room(n: int, sr: int, rng: np.random.Generator) -> np.ndarray:
    return sos_filter(_noise(n, rng, sr), "lowpass", 700.0, sr, 2) + sos_filter(_noise(n, rng, sr), "highpass", 3000.0, sr) * 0.05


def _murmur(n: int, sr: int, rng: np.random.Generator) -> np.ndarray:
    """Crowd babble: voice-band noise chopped by many independent syllable-rate envelopes."""
    out = np.zeros((n, 2), dtype=np.float32)
    for _ in range(4):
        voice = sos_filter(_noise(n, rng, sr), "bandpass", (250.0 * rng.uniform(0.8, 1.3), 2500.0), sr)
        syll = _lfo(n, sr, rng, rng.uniform(3.0, 6.0), 2) ** 2
        out += voice * syll
    clinks = np.zeros((n, 2), dtype=np.float32)
    k = int(0.15 * sr)
    tt = np.arange(k) / sr
    for at in _events(n, sr, rng, 0.4):
        ring = (np.sin(2 * np.pi * rng.uniform(2500, 4200) * tt) * np.exp(-tt / 0.04)).astype(np.float32) * 0.6
        _place(clinks, int(at), pan(ring, float(rng.uniform(-0.8, 0.8))))
    return _room(n, sr, rng) * 0.5 + out * 0.6 + clinks


def _sea(n: int, sr: int, rng: np.random.Generator) -> np.ndarray:
    env = np.zeros(n, dtype=np.float32)
    at = 0
    while at < n:  # waves every 6-11 s: slow rise, a crash, a long wash back
        length = int(rng.uniform(6.0, 11.0) * sr)
        tt = np.linspace(0, 1, length)
        wave = np.where(tt < 0.4, (tt / 0.4) ** 2, np.exp(-(tt - 0.4) / 0.25)).astype(np.float32)
        end = min(n, at + length)
        env[at:end] = np.maximum(env[at:end], wave[: end - at])
        at += int(length * rng.uniform(0.6, 0.9))
    low = by_sample(sos_filter(_noise(n, rng, sr), "lowpass", 500.0, sr), 0.3 + env)
    foam = by_sample(sos_filter(_noise(n, rng, sr), "bandpass", (1500.0, 8000.0), sr), env ** 3) * 0.8
    return low + foam


def _fire(n: int, sr: int, rng: np.random.Generator) -> np.ndarray:
    roar = sos_filter(_noise(n, rng, sr), "lowpass", 300.0, sr) * (0.6 + 0.4 * _lfo(n, sr, rng, 2.0))
    pops = np.zeros((n, 2), dtype=np.float32)
    for k_ms in (2, 4, 7, 10):  # pops of a few lengths, scattered
        k = int(k_ms / 1000 * sr)
        shape = rng.standard_normal(k) * np.exp(-np.arange(k) / (k / 4))
        at = _events(n, sr, rng, 3.0)
        amps = rng.uniform(0.5, 3.0, at.shape[0])
        side = rng.uniform(0.3, np.pi / 2 - 0.3, at.shape[0])
        pops[:, 0] += _scatter(n, at, amps * np.cos(side), shape)
        pops[:, 1] += _scatter(n, at, amps * np.sin(side), shape)
    return roar + sos_filter(pops, "highpass", 800.0, sr)


def _birds(n: int, sr: int, rng: np.random.Generator) -> np.ndarray:
    out = np.zeros((n, 2), dtype=np.float32)
    for at in _events(n, sr, rng, 0.6):
        notes = int(rng.integers(1, 6))
        f0 = rng.uniform(2500, 5000)
        k = int(rng.uniform(0.05, 0.12) * sr)
        tt = np.arange(k) / sr
        env = np.sin(np.pi * np.arange(k) / k) ** 2
        chirp = np.zeros(k * notes, dtype=np.float32)
        for j in range(notes):  # a trill: each note a quick up-sweep
            f = f0 * (1 + 0.3 * tt / tt[-1]) * rng.uniform(0.9, 1.1)
            chirp[j * k:(j + 1) * k] = np.sin(2 * np.pi * np.cumsum(f) / sr) * env
        _place(out, int(at), pan(chirp * 0.4, float(rng.uniform(-0.9, 0.9))))
    return out + _wind(n, sr, rng, 0.25)


def _drips(n: int, sr: int, rng: np.random.Generator) -> np.ndarray:
    out = np.zeros((n, 2), dtype=np.float32)
    k = int(0.06 * sr)
    tt = np.arange(k) / sr
    for at in _events(n, sr, rng, 0.7):
        f = rng.uniform(700, 1400) * (1 + 4 * tt)  # a drop's plop rises in pitch
        plop = (np.sin(2 * np.pi * np.cumsum(f) / sr) * np.exp(-tt / 0.015)).astype(np.float32)
        _place(out, int(at), pan(plop, float(rng.uniform(-0.8, 0.8))))
    echo = int(0.23 * sr)
    out[echo:] += 0.4 * out[:-echo, ::-1]  # a cave answers from the other side
    return out + sos_filter(_noise(n, rng, sr), "lowpass", 120.0, sr) * 0.8


def _train(n: int, sr: int, rng: np.random.Generator) -> np.ndarray:
    out = sos_filter(_noise(n, rng, sr), "lowpass", 200.0, sr, 2) * 1.5
    k = int(0.08 * sr)
    tt = np.arange(k) / sr
    clack = (sos_filter(rng.standard_normal(k).astype(np.float32) * _density(sr), "bandpass", (200.0, 2000.0), sr)
             * np.exp(-tt / 0.02))
    at = int(rng.uniform(0, 0.5) * sr)
    while at < n:  # wheels over rail joints: a pair of clacks every 1.2 s
        for off in (0, int(0.14 * sr)):
            _place(out, at + off, pan(clack.astype(np.float32) * 2.0, 0.0))
        at += int(1.2 * sr)
    return out


def _snow(n: int, sr: int, rng: np.random.Generator) -> np.ndarray:
    return sos_filter(_wind(n, sr, rng, 0.5), "lowpass", 500.0, sr)


BEDS: dict[str, Callable[[int, int, np.random.Generator], np.ndarray]] = {
    "city": _city, "ship": _ship, "room": _room, "murmur": _murmur, "sea": _sea, "fire": _fire,
    "birds": _birds, "drips": _drips, "train": _train, "wind": lambda n, sr, rng: _wind(n, sr, rng),
}
PLACE_BEDS: dict[str, tuple[str, ...]] = {
    "city_street": ("city",), "rooftop": ("city", "wind"), "alley": ("city",), "interior": ("room",),
    "office": ("room",), "bar": ("murmur",), "apartment": ("room",), "ballroom": ("murmur",),
    "warehouse": ("room", "drips"), "lab": ("ship",), "spaceship": ("ship",), "space_station": ("ship",),
    "mars_dome": ("ship", "wind"), "desert": ("wind",), "forest": ("birds",), "mountain": ("wind",),
    "sea": ("sea", "wind"), "beach": ("sea",), "cave": ("drips",), "castle": ("room", "wind"),
    "village": ("birds",), "ruins": ("wind",), "train": ("train",), "saloon": ("murmur",),
}


#: Layers whose sound lies under about 4 kHz (wind, traffic, rails, drips; wind and snow
#: among the weathers): made at half the rate, summed, and brought up to the bed's rate once
#: (polyphase): half the noise, filters and envelopes. What they had above 8 kHz, their
#: filters' skirts, was 40 dB under them; a desert's wind loses 2 dB in 4-8 kHz (30 dB under
#: its band) and 11 dB in 8-16 kHz (43 dB under); every band under 4 kHz is as it was.
LOW = frozenset({"city", "train", "drips", "wind"})
LOW_DIV = 2


def _level(*parts: np.ndarray) -> float:
    """The gain that brings the sum of independent ``parts`` (at any rates) to the nominal RMS,
    unless that would push a peak (a drip, a crack) past 0.9."""
    ms = sum(float(np.dot(v, v)) / v.size for v in (x.ravel(order="K") for x in parts) if v.size)  # (no squared copy)
    peak = max(max(float(x.max()), -float(x.min())) if x.size else 0.0 for x in parts)
    if ms <= 0 or peak <= 0:
        return 1.0
    return min(LEVEL_RMS / float(np.sqrt(ms)), 0.9 / peak)


def _normalise(x: np.ndarray) -> np.ndarray:
    """To the nominal RMS, unless that would push a peak (a drip, a crack) past 0.9."""
    x = np.asarray(x, np.float32)
    x *= np.float32(_level(x))
    return x


def ambience(weather: str, place_kind: str, seconds: float, *, seed: int, sample_rate: int = 48000) -> np.ndarray:
    """A stereo float32 bed (n, 2), n = round(seconds * sample_rate), for a place in some weather."""
    if weather not in WEATHERS:
        raise UnknownNameError(f"unknown weather {weather!r}; known: {', '.join(WEATHERS)}", where="weather")
    if place_kind not in PLACE_BEDS:
        raise UnknownNameError(f"unknown place kind {place_kind!r}; known: {', '.join(PLACE_BEDS)}", where="place_kind")
    if not np.isfinite(seconds) or seconds <= 0:
        raise BadInputError(f"ambience length {seconds} s must be positive", where="seconds")
    sr = sample_rate
    n = round(seconds * sr)
    rng = np.random.default_rng([seed, 11])
    div = LOW_DIV if sr % LOW_DIV == 0 and sr >= 32000 else 1  # (low rate: 24 kHz at 48 kHz)
    lsr, ln = sr // div, -(-n // div)
    bed = np.zeros((n, 2), dtype=np.float32)
    low = np.zeros((ln, 2), dtype=np.float32)  # the layers made at the low rate
    for name in PLACE_BEDS[place_kind]:
        if name in LOW:
            low += _normalise(BEDS[name](ln, lsr, rng))
        else:
            bed += _normalise(BEDS[name](n, sr, rng))
    if place_kind not in SPACE and weather != "clear":
        w: np.ndarray = np.zeros((n, 2), dtype=np.float32)
        w_low: np.ndarray = np.zeros((ln, 2), dtype=np.float32)
        if weather in ("rain", "storm", "flood"):  # (rain falls on a flood)
            w += _normalise(_rain(n, sr, rng, 1.6 if weather == "storm" else 1.0)) * 1.5
        if weather in ("storm", "dust", "fog", "snow"):
            wind = _snow(ln, lsr, rng) if weather == "snow" else _wind(ln, lsr, rng, 1.0)
            grit = np.zeros((0, 2), np.float32)
            if weather == "dust":  # grit on the gusts (above 4 kHz: at the full rate)
                grit = sos_filter(_noise(n, rng, sr), "highpass", 4000.0, sr) * _lfo(n, sr, rng, 0.3) * np.float32(0.3)
            gain = _level(wind, grit) * (1.2 if weather == "storm" else 0.8)
            w_low += wind * np.float32(gain)
            if grit.size:
                w += grit * np.float32(gain)
        if weather == "storm":  # (its crack reaches past 3 kHz: at the full rate)
            w += _normalise(_thunder(n, sr, rng)) * np.float32(2.0)
        if weather == "embers":
            w += _normalise(_fire(n, sr, rng))
        if place_kind in INDOOR and weather != "embers":  # heard through walls and windows
            if weather in ("storm", "dust", "fog", "snow"):
                w_low = sos_filter(w_low, "lowpass", 900.0, lsr, 2) * np.float32(0.6)
            if weather in ("rain", "storm", "dust", "flood"):
                w = sos_filter(w, "lowpass", 900.0, sr, 2) * np.float32(0.6)
        bed += w
        low += w_low
    if div > 1 and (any(name in LOW for name in PLACE_BEDS[place_kind])
                    or place_kind not in SPACE and weather in ("storm", "dust", "fog", "snow")):
        bed += signal.resample_poly(low, div, 1, axis=0)[:n].astype(np.float32, copy=False)
    elif div == 1:
        bed += low
    return fade(_normalise(bed), sr, 0.05, 0.05)


def ambience_for_shots(shots: ShotList, *, seed: int, sample_rate: int = 48000, crossfade_s: float = 0.5) -> np.ndarray:
    """The episode's whole bed, (n, 2) with n = frames * sample_rate / fps: one bed a run of
    shots in the same place and weather, crossfaded where the place changes; title and end
    cards are silent (the score carries them)."""
    sr = sample_rate
    n = round(shots.frames * sr / shots.fps)
    out = np.zeros((n, 2), dtype=np.float32)
    runs: list[tuple[int, int, str, str]] = []  # (first frame, end frame, weather, place kind)
    for shot in shots.shots:
        if shot.kind in ("title", "end"):
            continue
        key = (shot.weather, shot.place_kind)
        if runs and runs[-1][1] == shot.start_frame and runs[-1][2:] == key:
            runs[-1] = (runs[-1][0], shot.start_frame + shot.frames, *key)
        else:
            runs.append((shot.start_frame, shot.start_frame + shot.frames, *key))
    pad = int(crossfade_s * sr / 2)
    for i, (f0, f1, weather, place) in enumerate(runs):
        # each run overlaps its neighbours by half a crossfade on each side, faded in and out
        a = max(0, round(f0 * sr / shots.fps) - pad)
        b = min(n, round(f1 * sr / shots.fps) + pad)
        bed = ambience(weather, place, (b - a) / sr, seed=seed + i, sample_rate=sr)[: b - a]
        fade(bed, sr, crossfade_s, crossfade_s)
        out[a:a + bed.shape[0]] += bed
    return out


# ---- one-shot effects ----

EFFECTS = ("door", "footsteps", "whoosh", "sting", "sting_dark", "thunder")


def effect(name: str, *, seed: int = 0, sample_rate: int = 48000, seconds: float | None = None) -> np.ndarray:
    """A stereo float32 sound effect: door, footsteps, whoosh (for cuts), sting, sting_dark, thunder.

    ``seconds`` sets the length of footsteps and whooshes; the others have their natural length.
    """
    if name not in EFFECTS:
        raise UnknownNameError(f"unknown effect {name!r}; known: {', '.join(EFFECTS)}", where="effect")
    sr = sample_rate
    rng = np.random.default_rng([seed, 13, EFFECTS.index(name)])
    if name == "whoosh":
        n = int((seconds or 0.7) * sr)
        noise = _noise(n, rng, sr)
        out = np.zeros((n, 2), dtype=np.float32)
        # a swept band: four fixed bands peaking one after another read as one rising sweep
        for j, (lo, hi) in enumerate(((200.0, 600.0), (500.0, 1500.0), (1200.0, 3500.0), (3000.0, 8000.0))):
            centre = 0.25 + 0.15 * j
            env = np.exp(-(((np.linspace(0, 1, n) - centre) / 0.16) ** 2)).astype(np.float32)
            out += sos_filter(noise, "bandpass", (lo, hi), sr) * env[:, None]
        tt = np.linspace(-1, 1, n)
        out[:, 0] *= (1 - tt) / 2 + 0.3  # and it travels left to right
        out[:, 1] *= (1 + tt) / 2 + 0.3
        return _peak(out, 0.7)
    if name == "footsteps":
        n = int((seconds or 2.0) * sr)
        out = np.zeros((n, 2), dtype=np.float32)
        k = int(0.12 * sr)
        tt = np.arange(k) / sr
        at, side = int(0.05 * sr), -1.0
        while at < n:
            thump = sos_filter(rng.standard_normal(k).astype(np.float32), "lowpass", 300.0, sr) * np.exp(-tt / 0.02) * 3
            scuff = sos_filter(rng.standard_normal(k).astype(np.float32), "bandpass", (1500.0, 5000.0), sr) * np.exp(-tt / 0.03)
            _place(out, at, pan((thump + 0.4 * scuff).astype(np.float32), 0.15 * side))
            at += int(rng.uniform(0.48, 0.56) * sr)
            side = -side
        return _peak(out, 0.7)
    if name == "door":
        n = int(1.4 * sr)
        mono = np.zeros(n, dtype=np.float32)
        creak_n = int(0.9 * sr)
        # a creak: a hinge sticking and slipping, a jittery pulse train through wooden resonances
        rate = 35 + 25 * _lfo(creak_n, sr, rng, 4.0)[:, 0]
        ph = np.cumsum(rate / sr)
        pulses = (np.diff(np.floor(ph), prepend=0) > 0).astype(np.float32) * rng.uniform(0.5, 1.0, creak_n).astype(np.float32)
        creak = sos_filter(pulses, "bandpass", (500.0, 1600.0), sr) + 0.5 * sos_filter(pulses, "bandpass", (1800.0, 2600.0), sr)
        mono[:creak_n] += creak * np.sin(np.pi * np.linspace(0, 1, creak_n)).astype(np.float32) * 4
        k = int(0.4 * sr)
        tt = np.arange(k) / sr
        thud = (np.sin(2 * np.pi * 70 * tt) * np.exp(-tt / 0.08)
                + sos_filter(rng.standard_normal(k).astype(np.float32), "lowpass", 500.0, sr) * np.exp(-tt / 0.03))
        click = sos_filter(rng.standard_normal(k).astype(np.float32), "highpass", 2500.0, sr) * np.exp(-tt / 0.005)
        _place(mono, int(0.95 * sr), (thud + 0.5 * click).astype(np.float32))
        return _peak(pan(mono, 0.0), 0.7)
    if name in ("sting", "sting_dark"):
        n = int(2.5 * sr)
        mono = np.zeros(n, dtype=np.float32)
        brass = INSTRUMENTS["strings" if name == "sting_dark" else "brass"]
        notes = (57, 58, 63, 68) if name == "sting_dark" else (48, 55, 64, 72)
        for m in notes:
            tone = brass.render(float(m), int(0.6 * sr), sr, rng, 1.0)
            mono[: tone.shape[0]] += tone[:n]
        hit_n = int(1.5 * sr)
        tt = np.arange(hit_n) / sr
        hit = np.sin(2 * np.pi * np.cumsum(45 + 60 * np.exp(-tt / 0.05)) / sr) * np.exp(-tt / 0.5)
        mono[:hit_n] += hit.astype(np.float32) * 1.5
        return _peak(pan(mono, 0.0), 0.8)
    if name == "thunder":
        n = int((seconds or 6.0) * sr)
        for attempt in range(50):  # the Poisson placement may draw no clap; draw again (deterministic)
            out = _thunder(int(n * 3), sr, np.random.default_rng([seed, 17, attempt]))
            loud = np.flatnonzero(np.abs(out[:, 0]) > 1e-3)
            if loud.size:
                seg = out[loud[0]:loud[0] + n]
                padded = np.zeros((n, 2), dtype=np.float32)
                padded[: seg.shape[0]] = seg
                return _peak(fade(padded, sr, 0.0, 0.3), 0.8)
    raise RuntimeError("thunder: no clap drawn in 50 tries")  # one a 12 s on average: never in practice


def _peak(x: np.ndarray, level: float) -> np.ndarray:
    p = float(np.abs(x).max())
    return (x * (level / p)).astype(np.float32) if p > 0 else x.astype(np.float32)


__all__ = ["EFFECTS", "PLACE_BEDS", "WEATHERS", "ambience", "ambience_for_shots", "effect"]
