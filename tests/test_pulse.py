"""The heartbeat a live director lays under the sound as it streams (``synth.music.pulse``)."""

import numpy as np

from dreamreel.synth.music.pulse import KNEE, Heartbeat

SR = 48000


def run(pieces: list[int], turns: dict[int, bool], x: np.ndarray) -> tuple[np.ndarray, list[float]]:
    """Feed ``x`` to a heartbeat in pieces of these lengths, turning it at these piece numbers."""
    h, shown, out, at = Heartbeat(100, SR), [], [], 0
    for k, n in enumerate(pieces):
        if k in turns:
            h.turn(turns[k], shown.append)
        out.append(h(x[at:at + n], at))
        at += n
    return np.concatenate(out), shown


def test_off_it_leaves_the_sound_untouched_and_on_it_throbs_where_it_was_turned():
    rng = np.random.default_rng(0)
    x = (0.1 * rng.standard_normal((6 * SR, 2))).astype(np.float32)
    same, shown = run([SR] * 6, {}, x)
    assert np.array_equal(same, x) and not shown
    y, shown = run([SR] * 6, {2: True, 4: False}, x)
    assert shown == [2.0, 4.0]  # told the film second each turn is heard from
    assert np.array_equal(y[:2 * SR], x[:2 * SR])
    added = np.abs(y - x).max(axis=1)
    assert added[2 * SR + SR // 2:4 * SR].max() > 0.1          # a thump a beat, at full level
    assert added[4 * SR + SR // 2:].max() == 0                  # faded out half a second after
    assert np.abs(np.diff(y[:, 0])).max() < 0.1 + np.abs(np.diff(x[:, 0])).max()  # no click at a turn


def test_pieces_of_any_length_throb_as_one_sound():
    x = np.zeros((5 * SR, 2), np.float32)
    whole, _ = run([SR, 4 * SR], {1: True}, x)
    pieces, _ = run([SR] + [4801] * 9 + [4 * SR - 9 * 4801], {1: True}, x)
    assert np.allclose(whole, pieces, atol=1e-6)


def test_it_never_pushes_the_mix_past_full_scale():
    t = np.arange(3 * SR) / SR
    loud = np.repeat((0.97 * np.sin(2 * np.pi * 60 * t))[:, None], 2, axis=1).astype(np.float32)
    y, _ = run([SR, 2 * SR], {0: True}, loud)
    assert np.abs(y).max() <= 1.0
    quiet = loud * (KNEE / 2)
    y, _ = run([3 * SR], {0: True}, quiet)
    assert np.abs(y).max() < KNEE  # below the knee, the pulse is added as it is
