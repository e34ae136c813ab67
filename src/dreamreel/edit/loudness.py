"""BS.1770-4 integrated loudness, vectorised: what the mix sets and QC checks.

pyloudnorm's meter gates block by block in Python and filters in float64; the mix measures
many times a chunk and QC measures the whole film, so this uses the same K-weighting filters
(taken from pyloudnorm's meter, as one second-order-section cascade) and the same gating,
vectorised and in float32: it reads within 1e-4 LU of pyloudnorm (tests/test_mix.py and
tests/test_qc.py hold it to pyloudnorm) at about a fifth of its cost.
"""

from functools import lru_cache

import numpy as np
import pyloudnorm
from scipy import signal

from ..synth.music.dsp import DENORMAL_GUARD, guarded


class Loudness:
    """The meter for one sample rate. Samples along axis 0, (n,) or (n, channels); or, with
    ``channels_first``, (channels, n) (no transposing copy for audio held that way)."""

    def __init__(self, sr: int):
        self.sr = sr
        meter = pyloudnorm.Meter(sr)
        stages = [meter._filters[k] for k in ("high_shelf", "high_pass")]
        self.sos = np.concatenate([signal.tf2sos(f.b, f.a) for f in stages])
        self.sos[0, :3] *= float(np.prod([f.passband_gain for f in stages]))
        self.sos32 = self.sos.astype(np.float32)

    def weighted(self, x: np.ndarray, *, channels_first: bool = False) -> np.ndarray:
        """The K-weighted signal (float32, the shape of ``x``). The filter is linear: the
        weighted sum of signals is the sum of their weighted signals."""
        if channels_first:
            return signal.sosfilt(self.sos32, _guarded_rows(x), axis=-1).astype(np.float32, copy=False)
        return signal.sosfilt(self.sos32, guarded(x), axis=0).astype(np.float32, copy=False)

    def energy(self, x: np.ndarray, *, channels_first: bool = False) -> np.ndarray:
        """K-weighted power per sample, summed over channels (BS.1770 gains are 1.0 for L and R)."""
        return power(self.weighted(x, channels_first=channels_first), channels_first=channels_first)

    def _looped(self, x: np.ndarray) -> np.ndarray:
        need = int(0.4 * self.sr) + 1  # a clip shorter than one gating block is measured looped
        if x.shape[0] < need:
            x = np.tile(x, (-(-need // x.shape[0]),) + (1,) * (x.ndim - 1))
        return x

    @property
    def hop(self) -> int:
        """Samples a gating block moves (100 ms); 0 where that is not a whole number of samples."""
        h = 0.1 * self.sr
        return int(h) if h == int(h) else 0

    def hops(self, energy: np.ndarray) -> np.ndarray:
        """Per-sample energy summed over each 100 ms (float64; the last hop zero-padded): a
        gating block is four of them, so the gate reads these, not every sample again."""
        h = self.hop
        n = energy.shape[0]
        out = np.zeros(-(-n // h), np.float64)
        whole = n - n % h
        if whole:
            np.add.reduce(energy[:whole].reshape(-1, h), axis=1, dtype=np.float64, out=out[: whole // h])
        if whole < n:
            out[-1] = float(np.sum(energy[whole:], dtype=np.float64))
        return out

    def gated(self, energy: np.ndarray) -> float:
        """Integrated loudness from per-sample energy: 400 ms blocks, 75 % overlap, both gates."""
        e = self._looped(energy)
        if self.hop:
            return self.gated_hops(self.hops(e), e.shape[0])
        csum = np.concatenate([[0.0], np.cumsum(e, dtype=np.float64)])
        blocks = int(np.round((e.shape[0] / self.sr - 0.4) / 0.1)) + 1
        lo = (0.4 * 0.25 * np.arange(blocks) * self.sr).astype(np.int64)
        hi = (0.4 * (0.25 * np.arange(blocks) + 1) * self.sr).astype(np.int64)
        z = (csum[np.minimum(hi, e.shape[0])] - csum[np.minimum(lo, e.shape[0])]) / (0.4 * self.sr)
        return _gate(z)

    def gated_hops(self, hops: np.ndarray, n: int) -> float:
        """``gated`` from ``hops`` of ``n`` samples (at least a gating block's: see ``_looped``)."""
        blocks = int(np.round((n / self.sr - 0.4) / 0.1)) + 1
        h = np.zeros(blocks + 3, np.float64)
        m = min(hops.shape[0], h.shape[0])
        h[:m] = hops[:m]
        z = (h[:blocks] + h[1:blocks + 1] + h[2:blocks + 2] + h[3:blocks + 3]) / (0.4 * self.sr)
        return _gate(z)

    def fast(self, x: np.ndarray, *, channels_first: bool = False) -> float:
        """Integrated loudness (LUFS) of ``x``; -inf for silence."""
        return self.gated(self.energy(x, channels_first=channels_first)) if np.any(x) else float("-inf")

    def sparse(self, x: np.ndarray, spans: list[tuple[int, int]]) -> float:
        """``fast(x)`` for (n, channels) ``x`` that is zero outside ``spans`` ([start, end)
        sample ranges, in order): the weighting of silence is silence, so only the spans are
        weighted, each with the filter's ring after it (K_TAIL_S)."""
        n = x.shape[0]
        if not self.hop or n <= int(0.4 * self.sr):
            return self.fast(x)
        tail = int(K_TAIL_S * self.sr)
        h = np.zeros(-(-n // self.hop), np.float64)
        heard = False
        for a, e in merged([(a - a % self.hop, min(n, -(-(b + tail) // self.hop) * self.hop)) for a, b in spans]):
            seg = x[a:e]
            if np.any(seg):
                part = self.hops(power(signal.sosfilt(self.sos32, seg, axis=0)))
                h[a // self.hop: a // self.hop + part.shape[0]] = part
                heard = True
        return self.gated_hops(h, n) if heard else float("-inf")


#: Seconds the K-weighting rings on after a change (its slowest poles, the 38 Hz high-pass's
#: double pole, have died to under 1e-9 of it by then).
K_TAIL_S = 0.1


def merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted [start, end) ranges with those that overlap or touch joined."""
    out: list[tuple[int, int]] = []
    for a, e in sorted(ranges):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((a, e))
    return out


def _gate(z: np.ndarray) -> float:
    """BS.1770's absolute (-70 LUFS) and relative (-10 LU) gates over block mean powers."""
    with np.errstate(divide="ignore"):
        lk = -0.691 + 10 * np.log10(z)
        gated = z[lk >= -70.0]
        if gated.size == 0:
            return float("-inf")
        rel = -0.691 + 10 * np.log10(gated.mean()) - 10.0
        final = z[(lk > rel) & (lk > -70.0)]
        return float(-0.691 + 10 * np.log10(final.mean())) if final.size else float("-inf")


@lru_cache(maxsize=8)
def meter(sr: int) -> Loudness:
    """The meter for a sample rate (made once: its filters are designed in Python)."""
    return Loudness(sr)


def _guarded_rows(x: np.ndarray) -> np.ndarray:
    """``dsp.guarded`` for (channels, n) samples: the guard tone along each row."""
    x = np.asarray(x, dtype=np.float32)
    y = np.empty(x.shape, np.float32)
    even = x.shape[-1] - x.shape[-1] % 2
    tone = np.array([DENORMAL_GUARD, -DENORMAL_GUARD], np.float32)
    np.add(x[..., :even].reshape(x.shape[:-1] + (-1, 2)), tone, out=y[..., :even].reshape(x.shape[:-1] + (-1, 2)))
    y[..., even:] = x[..., even:] + tone[0]
    return y


def power(y: np.ndarray, *, channels_first: bool = False) -> np.ndarray:
    """Per-sample power of a K-weighted signal, summed over its channels."""
    if y.ndim == 1:
        return np.square(y)
    if channels_first:
        return np.einsum("cn,cn->n", y, y)
    if y.shape[1] == 2:  # two column products: numpy's reduction over a length-2 axis is slower
        return np.square(y[:, 0]) + np.square(y[:, 1])
    return np.einsum("nc,nc->n", y, y)
