"""The score's instruments: each turns (pitch, length, velocity) into a mono note.

Tones are made by the classic methods: wavetable additive synthesis with a bright attack
table crossfading into a darker sustain table (a cheap filter envelope, as subtractive synths
do), formant-shaped spectra (a harmon-muted trumpet, a choir "ah"), FM for bells and the
electric piano, and Karplus-Strong for anything plucked. Drums are shaped noise and swept
sines. Every render is deterministic given the rng it is handed.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .dsp import (
    adsr,
    harmonics,
    karplus,
    midi_hz,
    phase_index,
    sos_filter,
    table,
    wt_play,
)

#: render(midi, gate_samples, sample_rate, rng, velocity) -> mono note including its release
Render = Callable[[float, int, int, np.random.Generator, float], np.ndarray]


@dataclass(frozen=True)
class Instrument:
    name: str
    render: Render
    release: float   # seconds the note rings after its gate closes
    pan: float       # -1 left .. 1 right
    send: float      # reverb send 0..1
    gain: float      # level in the arrangement


def _tone(midi: float, gate: int, sr: int, *, shape: str, bright: float, dark: float, env: tuple[float, float, float, float],
          bite: float = 0.08, formants: tuple[tuple[float, float], ...] = (), vib: tuple[float, float, float] = (0.0, 0.0, 0.0),
          detune: float = 0.0, breath: float = 0.0, rng: np.random.Generator | None = None) -> np.ndarray:
    """Additive tone: bright table for the attack, fading (over ``bite`` s) to a darker one."""
    f0 = midi_hz(midi)
    a, d, s, r = env
    n = gate + int(r * sr)
    hi = table(harmonics(f0, sr, shape, bright, formants))
    lo = table(harmonics(f0, sr, shape, dark, formants))
    vib_hz, vib_depth, vib_delay = vib
    phase = float(rng.random()) if rng is not None else 0.0
    idx = phase_index(f0, n, sr, vib_hz, vib_depth, vib_delay, phase)
    w_hi, w_lo = hi[idx], lo[idx]
    if detune:  # a second voice a few cents away: ensemble width, like a section or a detuned synth
        idx = phase_index(f0 * 2 ** (detune / 1200), n, sr, vib_hz, vib_depth, vib_delay, phase + 0.3)
        w_hi = 0.6 * w_hi + 0.4 * hi[idx]
        w_lo = 0.6 * w_lo + 0.4 * lo[idx]
    t = np.arange(n, dtype=np.float32) / sr
    mix = np.exp(-t / max(bite, 1e-3))
    out = w_lo + (w_hi - w_lo) * mix
    if breath and rng is not None:
        noise = sos_filter(rng.standard_normal(n).astype(np.float32), "bandpass", (f0 * 1.5, min(f0 * 8, sr * 0.45)), sr)
        out = out + breath * noise
    return out * adsr(n, sr, a, d, s, r, gate)


def _fm(midi: float, gate: int, sr: int, ratio: float, index: float, decay: float, release: float,
        sustain: float = 0.0) -> np.ndarray:
    """Two-operator FM: the modulation index decays, so the attack is bright and the tail pure."""
    f0 = midi_hz(midi)
    n = gate + int(release * sr)
    t = np.arange(n, dtype=np.float32) * np.float32(1.0 / sr)
    idx = np.float32(index) * np.exp(-t / np.float32(decay * 0.5))
    w = np.float32(2 * np.pi * f0)
    y = np.sin(w * t + idx * np.sin(np.float32(ratio) * w * t))
    env = np.exp(-t / np.float32(decay)) * np.float32(1 - sustain) + np.float32(sustain)
    env *= np.minimum(np.float32(1.0), t / np.float32(0.003))
    if gate < n:
        env[gate:] *= np.exp(-(t[gate:] - t[gate]) / np.float32(max(release / 4, 1e-3)))
    return (y * env).astype(np.float32)


@lru_cache(maxsize=1024)
def _string(midi: float, n: int, sr: int, decay: float, bright: float) -> np.ndarray:
    """The raw plucked string, cached: every note on one pitch shares its first seconds."""
    return karplus(midi_hz(midi), n, sr, np.random.default_rng(int(midi * 100)), decay, bright)


def _pluck(decay: float, bright: float, release: float, body_hz: float = 0.0) -> Render:
    def render(midi: float, gate: int, sr: int, rng: np.random.Generator, vel: float) -> np.ndarray:
        n = gate + int(release * sr)
        full = max(n, 4 * sr)  # one long string a pitch; shorter notes are damped copies of it
        y = _string(midi, full, sr, decay, round(bright * (0.6 + 0.4 * vel), 3))[:n].copy()
        if body_hz:  # a wooden body resonance under the string
            y = y + 0.3 * sos_filter(y, "bandpass", (body_hz * 0.7, body_hz * 1.4), sr)
        if gate < n:
            y[gate:] *= np.exp(-np.arange(n - gate) / (0.04 * sr)).astype(np.float32)
        return y
    return render


def _muted_trumpet(m: float, g: int, sr: int, rng: np.random.Generator, v: float) -> np.ndarray:
    # a harmon mute: thin fundamental, a nasal resonance near 1.5-2 kHz, slow vibrato that blooms late
    return _tone(m, g, sr, shape="saw", bright=0.9, dark=0.6, env=(0.04, 0.3, 0.7, 0.18), bite=0.12,
                 formants=((1600.0, 500.0), (3200.0, 700.0)), vib=(5.2, 0.18, 0.25), breath=0.03, rng=rng)


def _brass(m: float, g: int, sr: int, rng: np.random.Generator, v: float) -> np.ndarray:
    return _tone(m, g, sr, shape="saw", bright=0.7 + 0.25 * v, dark=0.35, env=(0.05, 0.4, 0.75, 0.25), bite=0.2,
                 formants=((900.0, 600.0),), vib=(4.8, 0.1, 0.4), detune=5.0, rng=rng)


def _horn(m: float, g: int, sr: int, rng: np.random.Generator, v: float) -> np.ndarray:
    return _tone(m, g, sr, shape="saw", bright=0.45, dark=0.2, env=(0.09, 0.4, 0.8, 0.35), bite=0.25,
                 formants=((500.0, 350.0),), vib=(4.5, 0.08, 0.5), rng=rng)


def _reed(m: float, g: int, sr: int, rng: np.random.Generator, v: float) -> np.ndarray:
    # clarinet: odd harmonics (a closed pipe), a little breath
    return _tone(m, g, sr, shape="square", bright=0.55, dark=0.35, env=(0.03, 0.2, 0.8, 0.12), bite=0.1,
                 vib=(5.0, 0.05, 0.3), breath=0.02, rng=rng)


def _harmonica(m: float, g: int, sr: int, rng: np.random.Generator, v: float) -> np.ndarray:
    return _tone(m, g, sr, shape="square", bright=0.9, dark=0.7, env=(0.05, 0.2, 0.75, 0.15), bite=0.15,
                 formants=((1200.0, 800.0),), vib=(6.0, 0.25, 0.15), breath=0.06, rng=rng)


def _whistle(m: float, g: int, sr: int, rng: np.random.Generator, v: float) -> np.ndarray:
    return _tone(m, g, sr, shape="sine", bright=1.0, dark=1.0, env=(0.06, 0.2, 0.85, 0.12),
                 vib=(5.5, 0.2, 0.2), breath=0.08, rng=rng)


def _strings(m: float, g: int, sr: int, rng: np.random.Generator, v: float) -> np.ndarray:
    return _tone(m, g, sr, shape="saw", bright=0.55, dark=0.4, env=(0.35, 0.5, 0.85, 0.6), bite=0.3,
                 vib=(5.0, 0.08, 0.3), detune=9.0, rng=rng)


def _fiddle(m: float, g: int, sr: int, rng: np.random.Generator, v: float) -> np.ndarray:
    return _tone(m, g, sr, shape="saw", bright=0.8, dark=0.6, env=(0.06, 0.3, 0.8, 0.2), bite=0.1,
                 formants=((2800.0, 900.0), (500.0, 300.0)), vib=(5.8, 0.15, 0.15), rng=rng)


def _choir(m: float, g: int, sr: int, rng: np.random.Generator, v: float) -> np.ndarray:
    # an "ah" vowel: formants near 700, 1200, 2600 Hz
    return _tone(m, g, sr, shape="saw", bright=0.6, dark=0.6, env=(0.5, 0.5, 0.9, 0.8),
                 formants=((700.0, 200.0), (1200.0, 250.0), (2600.0, 350.0)), vib=(4.5, 0.1, 0.4), detune=12.0, rng=rng)


def _analog_pad(m: float, g: int, sr: int, rng: np.random.Generator, v: float) -> np.ndarray:
    return _tone(m, g, sr, shape="saw", bright=0.35, dark=0.25, env=(0.8, 1.0, 0.85, 1.2), bite=1.5,
                 vib=(0.3, 0.05, 0.0), detune=14.0, rng=rng)


def _synth_lead(m: float, g: int, sr: int, rng: np.random.Generator, v: float) -> np.ndarray:
    return _tone(m, g, sr, shape="square", bright=0.6, dark=0.35, env=(0.02, 0.3, 0.6, 0.25), bite=0.08,
                 vib=(5.5, 0.12, 0.3), detune=7.0, rng=rng)


def _synth_bass(m: float, g: int, sr: int, rng: np.random.Generator, v: float) -> np.ndarray:
    return _tone(m, g, sr, shape="saw", bright=0.6, dark=0.2, env=(0.005, 0.25, 0.6, 0.08), bite=0.06, rng=rng)


def _pulse(m: float, g: int, sr: int, rng: np.random.Generator, v: float) -> np.ndarray:
    return _tone(m, g, sr, shape="square", bright=0.5, dark=0.2, env=(0.003, 0.08, 0.15, 0.05), bite=0.03, rng=rng)


def _organ(m: float, g: int, sr: int, rng: np.random.Generator, v: float) -> np.ndarray:
    f0 = midi_hz(m)
    amps = tuple(a if (k + 1) * f0 < sr * 0.45 else 0.0 for k, a in enumerate((1.0, 0.6, 0.3, 0.25, 0.0, 0.15, 0.0, 0.1)))
    n = g + int(0.4 * sr)
    y = wt_play(table(amps), f0, n, sr, 6.0, 0.03, 0.0, float(rng.random()))
    return y * adsr(n, sr, 0.08, 0.1, 1.0, 0.4, g)


def _drone(m: float, g: int, sr: int, rng: np.random.Generator, v: float) -> np.ndarray:
    # slow swell, beating against a second voice a fraction of a hertz away: unease
    return _tone(m, g, sr, shape="triangle", bright=0.9, dark=0.7, env=(1.5, 1.0, 0.9, 1.5),
                 vib=(0.17, 0.06, 0.0), detune=18.0, rng=rng)


def _piano(m: float, g: int, sr: int, rng: np.random.Generator, v: float) -> np.ndarray:
    # hammered: bright on impact, darkening and decaying faster the higher the note
    f0 = midi_hz(m)
    dec = float(np.clip(2.2 - (m - 48) * 0.04, 0.5, 3.0))
    y = _tone(m, g, sr, shape="saw", bright=0.55 + 0.3 * v, dark=0.05, env=(0.002, dec, 0.0, 0.3), bite=0.12, rng=rng)
    return y + 0.15 * _fm(m, g, sr, 1.0, 0.0, dec, 0.3) * (f0 < 1500)


def _epiano(m: float, g: int, sr: int, rng: np.random.Generator, v: float) -> np.ndarray:
    return _fm(m, g, sr, 1.0, 1.2 + v, 1.4, 0.25, 0.1) + 0.2 * _fm(m, g, sr, 14.0, 0.6, 0.05, 0.25)


def _bell(m: float, g: int, sr: int, rng: np.random.Generator, v: float) -> np.ndarray:
    return _fm(m, g, sr, 3.5, 3.0, 1.6, 1.2)


def _music_box(m: float, g: int, sr: int, rng: np.random.Generator, v: float) -> np.ndarray:
    return _fm(m, g, sr, 5.0, 1.5, 0.7, 0.6)


INSTRUMENTS: dict[str, Instrument] = {i.name: i for i in (
    Instrument("muted_trumpet", _muted_trumpet, 0.18, 0.25, 0.35, 0.55),
    Instrument("brass", _brass, 0.25, 0.15, 0.35, 0.5),
    Instrument("horn", _horn, 0.35, -0.2, 0.45, 0.55),
    Instrument("clarinet", _reed, 0.12, 0.2, 0.3, 0.5),
    Instrument("harmonica", _harmonica, 0.15, 0.2, 0.3, 0.45),
    Instrument("whistle", _whistle, 0.12, 0.3, 0.4, 0.4),
    Instrument("strings", _strings, 0.6, -0.1, 0.5, 0.35),
    Instrument("fiddle", _fiddle, 0.2, 0.3, 0.35, 0.45),
    Instrument("choir", _choir, 0.8, 0.0, 0.6, 0.3),
    Instrument("analog_pad", _analog_pad, 1.2, 0.0, 0.5, 0.35),
    Instrument("synth_lead", _synth_lead, 0.25, 0.2, 0.4, 0.4),
    Instrument("synth_bass", _synth_bass, 0.08, 0.0, 0.05, 0.55),
    Instrument("pulse", _pulse, 0.05, -0.3, 0.3, 0.25),
    Instrument("organ", _organ, 0.4, -0.1, 0.5, 0.3),
    Instrument("drone", _drone, 1.5, 0.0, 0.6, 0.35),
    Instrument("piano", _piano, 0.3, -0.15, 0.35, 0.5),
    Instrument("epiano", _epiano, 0.25, -0.2, 0.3, 0.4),
    Instrument("bell", _bell, 1.2, 0.35, 0.5, 0.3),
    Instrument("music_box", _music_box, 0.6, 0.3, 0.55, 0.4),
    Instrument("guitar", _pluck(0.995, 0.7, 0.15, 220.0), 0.15, -0.3, 0.3, 0.5),
    Instrument("twang_guitar", _pluck(0.997, 0.95, 0.2, 180.0), 0.2, 0.25, 0.35, 0.5),
    Instrument("harp", _pluck(0.998, 0.5, 0.8), 0.8, -0.35, 0.5, 0.45),
    Instrument("pizzicato", _pluck(0.985, 0.45, 0.05, 400.0), 0.05, -0.25, 0.35, 0.5),
    Instrument("harpsichord", _pluck(0.997, 1.0, 0.1), 0.1, 0.2, 0.3, 0.4),
    Instrument("cimbalom", _pluck(0.996, 0.9, 0.5), 0.5, 0.3, 0.4, 0.45),
    Instrument("upright_bass", _pluck(0.993, 0.08, 0.08, 120.0), 0.08, 0.05, 0.1, 0.9),
    Instrument("cello", _strings, 0.5, -0.05, 0.3, 0.45),
    Instrument("tuba", _horn, 0.2, 0.0, 0.2, 0.6),
)}


# ---- drums: one hit each; length is fixed by the sound, not the score ----

def _noise(n: int, rng: np.random.Generator) -> np.ndarray:
    return rng.standard_normal(n).astype(np.float32)


def _decay(n: int, sr: int, tau: float, attack: float = 0.001) -> np.ndarray:
    t = np.arange(n, dtype=np.float32) / sr
    return np.exp(-t / tau) * np.minimum(1.0, t / attack)


def drum(name: str, sr: int, rng: np.random.Generator) -> np.ndarray:
    """A single percussion hit, mono."""
    if name == "kick":
        n = int(0.45 * sr)
        t = np.arange(n) / sr
        f = 45 + 80 * np.exp(-t / 0.04)
        y = np.sin(2 * np.pi * np.cumsum(f) / sr) * _decay(n, sr, 0.18)
        return (y + 0.1 * sos_filter(_noise(n, rng), "highpass", 3000.0, sr) * _decay(n, sr, 0.004)).astype(np.float32)
    if name == "snare":
        n = int(0.3 * sr)
        t = np.arange(n) / sr
        body = np.sin(2 * np.pi * 190 * t) * _decay(n, sr, 0.05)
        return (0.5 * body + sos_filter(_noise(n, rng), "bandpass", (1500.0, 9000.0), sr) * _decay(n, sr, 0.07)).astype(np.float32)
    if name == "brush":  # a soft swish that rises then falls: brushes on a snare
        n = int(0.25 * sr)
        return (sos_filter(_noise(n, rng), "bandpass", (2000.0, 10000.0), sr) * _decay(n, sr, 0.06, 0.03) * 0.5).astype(np.float32)
    if name == "hat":
        n = int(0.08 * sr)
        return (sos_filter(_noise(n, rng), "highpass", 7000.0, sr) * _decay(n, sr, 0.015) * 0.5).astype(np.float32)
    if name == "ride":
        n = int(0.6 * sr)
        t = np.arange(n) / sr
        ping = sum(np.sin(2 * np.pi * f * t) for f in (3120.0, 4370.0, 5210.0)) / 3
        return ((0.3 * ping + 0.5 * sos_filter(_noise(n, rng), "highpass", 5000.0, sr)) * _decay(n, sr, 0.25) * 0.4).astype(np.float32)
    if name == "woodblock":
        n = int(0.12 * sr)
        t = np.arange(n) / sr
        return (np.sin(2 * np.pi * 1100 * t) * _decay(n, sr, 0.02)).astype(np.float32)
    if name == "shaker":
        n = int(0.1 * sr)
        return (sos_filter(_noise(n, rng), "bandpass", (4000.0, 12000.0), sr) * _decay(n, sr, 0.025, 0.015) * 0.5).astype(np.float32)
    if name == "frame_drum":
        n = int(0.5 * sr)
        t = np.arange(n) / sr
        y = np.sin(2 * np.pi * (90 + 30 * np.exp(-t / 0.03)) * t) * _decay(n, sr, 0.15)
        return (y + 0.2 * sos_filter(_noise(n, rng), "lowpass", 900.0, sr) * _decay(n, sr, 0.03)).astype(np.float32)
    if name == "timpani":
        n = int(1.6 * sr)
        t = np.arange(n) / sr
        f = 70 * (1 + 0.03 * np.exp(-t / 0.1))
        y = np.sin(2 * np.pi * np.cumsum(f) / sr) + 0.4 * np.sin(2 * np.pi * np.cumsum(f * 1.5) / sr)
        return ((y * _decay(n, sr, 0.6)) + 0.2 * sos_filter(_noise(n, rng), "lowpass", 400.0, sr) * _decay(n, sr, 0.05)).astype(np.float32)
    if name == "boom":  # a sub hit for horror and thriller stings
        n = int(2.5 * sr)
        t = np.arange(n) / sr
        f = 32 + 40 * np.exp(-t / 0.15)
        y = np.sin(2 * np.pi * np.cumsum(f) / sr) * _decay(n, sr, 0.8)
        return (y + 0.3 * sos_filter(_noise(n, rng), "lowpass", 200.0, sr) * _decay(n, sr, 0.4)).astype(np.float32)
    raise KeyError(name)


DRUMS = ("kick", "snare", "brush", "hat", "ride", "woodblock", "shaker", "frame_drum", "timpani", "boom")
