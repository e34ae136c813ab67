"""Signal building blocks for the score and ambience: envelopes, wavetables, plucked strings,
filters, panning and a Schroeder reverb.

Everything here is vectorised numpy/scipy: the score has to render at well over 50x real time
on one core, so no per-sample Python loops. Recursive filters whose delay is long (combs,
allpasses, Karplus-Strong strings) are computed a delay-length block at a time, which is exact
because a block only ever reads the block before it; the reverb's combs and allpasses are
unrolled first, so that block is thousands of samples long (see ``_Feedback``).
"""

from functools import lru_cache

import numpy as np
from scipy import signal

TABLE = 4096  # wavetable length: one period, band-limited by construction


def midi_hz(midi: float) -> float:
    return float(440.0 * 2.0 ** ((midi - 69.0) / 12.0))


def adsr(n: int, sr: int, a: float, d: float, s: float, r: float, gate: int | None = None) -> np.ndarray:
    """Attack/decay/sustain/release envelope of ``n`` samples; the release starts at ``gate``."""
    gate = n if gate is None else min(gate, n)
    t = np.arange(n, dtype=np.float32) / sr
    env = np.where(t < a, t / max(a, 1e-4), s + (1.0 - s) * np.exp(-(t - a) / max(d, 1e-4)))
    if gate < n:
        level = env[gate - 1] if gate > 0 else 0.0
        tr = t[gate:] - t[gate] if gate < n else t[:0]
        env[gate:] = level * np.exp(-tr / max(r / 4.0, 1e-4))  # r is the time to about -35 dB
    return env.astype(np.float32)


def fade(x: np.ndarray, sr: int, fade_in: float = 0.0, fade_out: float = 0.0) -> np.ndarray:
    """Raised-cosine fades in place (and returned), so cut edges never click."""
    n = x.shape[0]
    for length, at_end in ((fade_in, False), (fade_out, True)):
        k = min(n, int(length * sr))
        if k <= 1:
            continue
        ramp = (0.5 - 0.5 * np.cos(np.linspace(0, np.pi, k))).astype(np.float32)
        if at_end:
            ramp = ramp[::-1]
            x[n - k:] *= ramp if x.ndim == 1 else ramp[:, None]
        else:
            x[:k] *= ramp if x.ndim == 1 else ramp[:, None]
    return x


@lru_cache(maxsize=512)
def table(amps: tuple[float, ...]) -> np.ndarray:
    """One period of a sum of harmonics with the given amplitudes (index 0 = fundamental)."""
    ph = np.arange(TABLE) * (2 * np.pi / TABLE)
    out = np.zeros(TABLE)
    for k, a in enumerate(amps, start=1):
        if a:
            out += a * np.sin(k * ph)
    peak = np.abs(out).max() or 1.0
    return (out / peak).astype(np.float32)


def harmonics(f0: float, sr: int, shape: str, bright: float = 1.0, formants: tuple[tuple[float, float], ...] = ()) -> tuple[float, ...]:
    """Harmonic amplitudes for a classic waveform, cut below Nyquist (so tables never alias).

    ``bright`` tilts the spectrum (1 = the textbook waveform, lower is darker); ``formants`` are
    (centre Hz, width Hz) resonances in absolute frequency, as a mute or a vowel shapes a tone.
    """
    n = max(1, min(48, int(sr * 0.45 / f0)))
    amps = []
    for k in range(1, n + 1):
        if shape == "saw":
            a = 1.0 / k
        elif shape == "square":
            a = 1.0 / k if k % 2 else 0.0
        elif shape == "triangle":
            a = 1.0 / (k * k) if k % 2 else 0.0
        else:  # sine
            a = 1.0 if k == 1 else 0.0
        a *= k ** (-(1.0 - bright) * 1.5)
        if formants:
            f = k * f0
            a *= 0.25 + sum(np.exp(-(((f - c) / w) ** 2)) for c, w in formants)
        amps.append(round(float(a), 5))
    return tuple(amps)


def phase_index(freq: float, n: int, sr: int, vib_hz: float = 0.0, vib_depth: float = 0.0,
                vib_delay: float = 0.0, phase: float = 0.0) -> np.ndarray:
    """Table indices for ``n`` samples at ``freq``, with optional delayed vibrato (in semitones).

    Indices rather than samples, so one phase run can read several tables (attack and sustain
    spectra) at once."""
    t = np.arange(n, dtype=np.float32) * np.float32(1.0 / sr)
    ph = t * np.float32(freq)
    if vib_depth and vib_hz:
        # phase of f * (1 + k ramp(t) sin(wt)) integrated in closed form (the ramp treated as
        # slow): no running sum, no per-sample powers, float32 throughout
        k = vib_depth * np.log(2.0) / 12.0
        ramp = np.clip((t - np.float32(vib_delay)) * np.float32(1 / 0.3), 0.0, 1.0)
        w = np.float32(2 * np.pi * vib_hz)
        ph += np.float32(freq * k / w) * ramp * (1.0 - np.cos(w * t))
    ph += np.float32(phase)
    ph *= np.float32(TABLE)
    return ph.astype(np.int32) & (TABLE - 1)


def wt_play(tab: np.ndarray, freq: float, n: int, sr: int, vib_hz: float = 0.0, vib_depth: float = 0.0,
            vib_delay: float = 0.0, phase: float = 0.0) -> np.ndarray:
    """Play one wavetable at ``freq`` for ``n`` samples."""
    return tab[phase_index(freq, n, sr, vib_hz, vib_depth, vib_delay, phase)]


def karplus(freq: float, n: int, sr: int, rng: np.random.Generator, decay: float = 0.996,
            bright: float = 0.6) -> np.ndarray:
    """A plucked string: Karplus-Strong with a fractional-delay loss filter for exact pitch.

    y[n] = x[n] + g * (w0 y[n-N] + w1 y[n-N-1] + w2 y[n-N-2]); the three weights are a lowpass
    whose delay is 0.5..1.5 samples, so N plus that delay equals sr/freq exactly.
    """
    period = sr / freq
    big_n = int(np.floor(period - 0.5))
    alpha = period - 0.5 - big_n
    w = np.array([0.5 * (1 - alpha), 0.5, 0.5 * alpha])
    burst = rng.uniform(-1, 1, big_n)
    # a brighter pluck keeps more of the noise's highs; a darker one is pre-smoothed (finger vs pick)
    if bright < 1.0:
        b, a = signal.butter(1, min(0.99, 0.05 + 0.9 * bright))
        burst = signal.lfilter(b, a, burst)
    x = np.zeros(n)
    x[:big_n] = burst[: min(big_n, n)]
    if big_n < 160:  # short delay: a direct IIR filter in C is cheapest
        den = np.zeros(big_n + 3)
        den[0] = 1.0
        den[big_n:big_n + 3] = -decay * w
        y = signal.lfilter([1.0], den, x)
    else:  # long delay: one block of N at a time reads only finished samples
        pad = big_n + 2
        y = np.zeros(n + pad)
        x2 = np.concatenate([np.zeros(pad), x])
        for s in range(pad, n + pad, big_n):
            m = min(big_n, n + pad - s)
            prev = y[s - big_n - 2: s - big_n + m]
            y[s:s + m] = x2[s:s + m] + decay * (w[0] * prev[2:2 + m] + w[1] * prev[1:1 + m] + w[2] * prev[0:m])
        y = y[pad:]
    y -= y.mean() if n > 0 else 0.0
    return y.astype(np.float32)


#: A tone at half the sample rate this loud (-300 dBFS: nothing hears or measures it) keeps a
#: recursive filter's state out of float denormals. Fed silence, an IIR filter's state decays
#: into denormal numbers (and can stay there), which the CPU handles 30-50x slower: a voice
#: track that is mostly pauses took half a second a 10 s chunk to K-weight, 11 ms with this.
DENORMAL_GUARD = 1e-15


def guarded(x: np.ndarray) -> np.ndarray:
    """``x`` (float32, samples along axis 0) plus the :data:`DENORMAL_GUARD` tone: for the input
    of a recursive filter. A new array; ``x`` is untouched."""
    x = np.asarray(x, dtype=np.float32)
    y = np.empty_like(x)
    even = x.shape[0] - x.shape[0] % 2
    tone = np.array([DENORMAL_GUARD, -DENORMAL_GUARD], np.float32).reshape((2,) + (1,) * (x.ndim - 1))
    # sample pairs as one axis: a contiguous broadcast add (a strided one is several times slower)
    np.add(x[:even].reshape((-1, 2) + x.shape[1:]), tone, out=y[:even].reshape((-1, 2) + x.shape[1:]))
    y[even:] = x[even:] + tone[0]
    return y


def sos_filter(x: np.ndarray, kind: str, freq: float | tuple[float, float], sr: int, order: int = 2) -> np.ndarray:
    """Butterworth low/high/band-pass along axis 0, in float32 (noise beds and tones need no more,
    and in float64 a bed's filters cost two to three times as much)."""
    sos = _sos(kind, freq, sr, order)
    return signal.sosfilt(sos, np.asarray(x, np.float32), axis=0).astype(np.float32, copy=False)


@lru_cache(maxsize=256)
def _sos(kind: str, freq: float | tuple[float, float], sr: int, order: int) -> np.ndarray:
    nyq = sr / 2
    if isinstance(freq, tuple):
        wn: float | list[float] = [max(1.0, freq[0]) / nyq, min(nyq * 0.98, freq[1]) / nyq]
    else:
        wn = min(nyq * 0.98, max(1.0, freq)) / nyq
    return signal.butter(order, wn, btype=kind, output="sos").astype(np.float32)


def by_sample(x: np.ndarray, g: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """``x * g[:, None]`` for ``x`` (n, channels) and a gain a sample ``g`` (n,), the same
    numbers a column at a time: numpy's broadcast over a two-long axis is about three times
    slower (5.5 against 1.9 ms for 20 s of stereo)."""
    out = np.empty(x.shape, np.result_type(x, g)) if out is None else out
    for c in range(x.shape[1]):
        np.multiply(x[:, c], g, out=out[:, c])
    return out


def pan_gains(position: float) -> tuple[float, float]:
    """Constant-power pan law: -1 left .. 1 right -> (left gain, right gain)."""
    angle = (min(1.0, max(-1.0, position)) + 1) * np.pi / 4
    return float(np.cos(angle)), float(np.sin(angle))


def pan(mono: np.ndarray, position: float) -> np.ndarray:
    """A mono signal placed in the stereo field; returns (n, 2) float32."""
    gl, gr = pan_gains(position)
    out = np.empty((mono.shape[0], 2), dtype=np.float32)
    out[:, 0] = mono * gl
    out[:, 1] = mono * gr
    return out


#: A feedback delay line's recursion runs this many samples a step or more (see ``_Feedback``).
STEP = 4096


class _Feedback:
    """y[n] = z[n] + g y[n-D], fed a block at a time (its state carried from block to block).

    The recursion is unrolled k times first (y[n] = sum of g^i z[n-iD] for i < 2^k, plus
    g^(2^k) y[n - 2^k D]: k vector passes over the block), so that the loop left over steps
    2^k D >= STEP samples at a time, a few dozen numpy steps a second of sound rather than the
    hundreds a step of D would take."""

    def __init__(self, delay: int, g: float):
        self.k = max(0, int(np.ceil(np.log2(STEP / delay)))) if delay < STEP else 0
        self.delay, self.g = delay, g
        self.big = delay << self.k
        self.g_big = np.float32(g ** (1 << self.k))
        self._z = np.zeros(self.big - delay, np.float32)  # the inputs the unrolled sum reads back
        self._y = np.zeros(self.big, np.float32)          # the outputs the recursion reads back

    def __call__(self, z: np.ndarray) -> np.ndarray:
        m = z.shape[0]
        v = np.concatenate([self._z, z])
        if self._z.size:
            self._z = v[-self._z.size:].copy()
        d, g = self.delay, np.float32(self.g)
        for _ in range(self.k):  # v[n] += g v[n-d], then the same with 2d and g^2 ...
            v[d:] += g * v[:-d]
            d, g = d * 2, g * g
        y = np.concatenate([self._y, v[v.shape[0] - m:]])
        big = self.big
        for s in range(big, big + m, big):
            e = min(s + big, big + m)
            y[s:e] += self.g_big * y[s - big:e - big]
        self._y = y[-big:].copy()
        return y[big:]


class _Allpass:
    """y[n] = -g x[n] + x[n-D] + g y[n-D], fed a block at a time: a feedback line fed
    x[n-D] - g x[n]."""

    def __init__(self, delay: int, g: float):
        self.delay, self.g = delay, np.float32(g)
        self._x = np.zeros(delay, np.float32)
        self._line = _Feedback(delay, g)

    def __call__(self, x: np.ndarray) -> np.ndarray:
        u = np.concatenate([self._x, x])
        self._x = u[-self.delay:].copy()
        return self._line(u[: x.shape[0]] - self.g * x)


class Reverb:
    """Schroeder reverb: four parallel combs, then a different allpass chain per side for width.

    ``seconds`` is the RT60. The send is darkened first (rooms absorb highs faster than lows),
    which also lets the tank run at half the sample rate: a tail has nothing up there anyway.
    Fed a block at a time (``__call__``: as many wet samples back as send samples given), it
    carries its state across blocks, so a score played in pieces reverberates each piece once,
    its tail ringing on into the next block rather than being worked out in silence after it:
    the wet sound does not depend on where the blocks fall (within float rounding). It lags the
    send by two samples (the way back up from half rate interpolates between tank samples).
    """

    def __init__(self, sr: int, seconds: float = 1.8, damp_hz: float = 5000.0):
        self.sr = sr
        self._sos = _sos("lowpass", damp_hz, sr, 2)
        self._zi = np.zeros((self._sos.shape[0], 2), np.float32)
        rate = sr / 2
        scale = rate / 44100.0
        self._combs = [_Feedback(int(d * scale), 10.0 ** (-3.0 * int(d * scale) / rate / seconds))
                       for d in (1116, 1188, 1277, 1356)]
        self._chains = [[_Allpass(int(d * scale), 0.5) for d in ds] for ds in ((556, 441, 341), (579, 464, 225))]
        self._odd = np.zeros(0, np.float32)       # a sample waiting for its pair
        self._last = np.zeros(2, np.float32)      # each side's last tank sample (to interpolate from)
        self._owed = np.zeros((1, 2), np.float32)  # made, not yet handed back (starts as the lag)

    def __call__(self, send: np.ndarray) -> np.ndarray:
        """Wet stereo (n, 2) float32 for the next ``n`` samples of ``send`` ((n,) or (n, 2))."""
        n = send.shape[0]
        if n == 0:
            return np.zeros((0, 2), np.float32)
        x = np.asarray(send, np.float32)
        mono = 0.5 * (x[:, 0] + x[:, 1]) if x.ndim == 2 else x
        wet, self._zi = signal.sosfilt(self._sos, mono, zi=self._zi)
        wet = np.concatenate([self._odd, wet.astype(np.float32, copy=False)])
        pairs = wet.shape[0] // 2
        self._odd = wet[2 * pairs:].copy()
        half = np.float32(0.5) * (wet[0:2 * pairs:2] + wet[1:2 * pairs:2])
        tank = np.zeros(pairs, np.float32)
        for comb in self._combs:
            tank += comb(half)
        made = np.empty((2 * pairs, 2), np.float32)
        for ch, chain in enumerate(self._chains):
            acc = tank
            for allpass in chain:
                acc = allpass(acc)
            acc = acc * np.float32(0.25)
            if pairs:  # back to the full rate: each tank sample, and halfway from the one before
                made[1::2, ch] = acc
                made[0:1, ch] = 0.5 * (self._last[ch] + acc[0])
                made[2::2, ch] = 0.5 * (acc[:-1] + acc[1:])
                self._last[ch] = acc[-1]
        out = np.concatenate([self._owed, made])
        self._owed = out[n:].copy()
        return out[:n]


def reverb(send: np.ndarray, sr: int, seconds: float = 1.8, damp_hz: float = 5000.0) -> np.ndarray:
    """The :class:`Reverb` of ``send`` alone (its tail cut at the send's end): (n, 2) float32."""
    return Reverb(sr, seconds, damp_hz)(send)
