"""Sung numbers: a musical's lyrics are sung on the score's key and tempo, and the score plays
under the singers and doubles their tune. Pitch is measured here by autocorrelation (this
file's own), not by Praat, which does the singing."""

import numpy as np
import pytest

from dreamreel.camera import plan_shots
from dreamreel.director import choose_path
from dreamreel.edit.soundtrack import Soundtrack, beat_runs
from dreamreel.model import Request, VoiceSpec
from dreamreel.narrative.planner import plan
from dreamreel.synth.music.harmony import harmony
from dreamreel.synth.music.palettes import SCALES
from dreamreel.synth.music.score import Tune, tune_for
from dreamreel.synth.voice import voice_lines
from dreamreel.synth.voice.design import design
from dreamreel.synth.voice.piper_voice import PiperBackend
from dreamreel.synth.voice.sing import sing


@pytest.fixture(scope="module")
def piper() -> PiperBackend:
    return PiperBackend()


def f0_at(x: np.ndarray, sr: int, t: float, size_s: float = 0.05) -> float | None:
    a = int(t * sr)
    f = x[a:a + int(size_s * sr)].astype(np.float64)
    if len(f) < int(size_s * sr) or np.sqrt((f ** 2).mean()) < 1e-3:
        return None
    f = f - f.mean()
    ac = np.correlate(f, f, "full")[len(f) - 1:]
    lo, hi = int(sr / 600), int(sr / 60)
    lag = lo + int(np.argmax(ac[lo:hi]))
    return sr / lag if ac[lag] > 0.5 * ac[0] else None


def test_a_line_is_sung_on_its_notes_in_key_and_in_time(piper):
    voice = design(VoiceSpec(), pronouns="she", age="adult")
    spoken = piper.speak("There's a light I see whenever I close my eyes, and it leads me home.", voice, seed=3)
    tune = Tune(key=2, mode="major", bpm=100.0)
    sung, notes = sing(spoken, tune, voice.median_hz, seed=3)
    assert len(notes) >= 10  # about one a syllable
    assert all((m - tune.key) % 12 in SCALES["major"] for _, _, m in notes)
    eighth = 60 / tune.bpm / 2
    assert all(abs(d / eighth - round(d / eighth * 2) / 2) < 1e-6 for _, d, _ in notes)  # on the beat grid
    assert sung.duration > spoken.duration  # held notes take longer than speech
    on_pitch = []
    for start, length, midi in notes:
        hz = f0_at(sung.samples, sung.sample_rate, start + length / 2)
        if hz:
            want = 440 * 2 ** ((midi - 69) / 12)
            on_pitch.append(abs(12 * np.log2(hz / want)) < 0.6 or abs(12 * np.log2(hz / want / 2)) < 0.6)
    assert len(on_pitch) >= 0.7 * len(notes) and np.mean(on_pitch) >= 0.8
    # the words move with the music and stay in order
    starts = [w.start for w in sung.words]
    assert starts == sorted(starts) and starts[-1] < sung.duration
    # the tune sits in the singer's register: a woman sings around a woman's pitch
    assert 150 < 440 * 2 ** ((np.median([m for _, _, m in notes]) - 69) / 12) < 300


def make_musical(piper, seed: int, prompt: str = "a pirate musical on a stormy sea"):  # type: ignore[no-untyped-def]
    """A musical voiced, cut and scored: (story, speech, shots, soundtrack)."""
    story = plan(Request(prompt=prompt, episodes=1, target_seconds=40), seed=seed)
    path = choose_path(story, "first")
    timings, speech = voice_lines(story, path, piper, seed=0)
    shots = plan_shots(story, path, timings)[0].shots
    st = Soundtrack(story, 0, 24, speech)
    first = 0
    for g in beat_runs(shots):
        st.add(g, first)
        first += sum(s.frames for s in g)
    st.finish()
    return story, speech, shots, st


@pytest.fixture(scope="module")
def musical(piper):
    # (the quest named: pirates lead their own plots, a quest or a heist, by seed, and a heist
    # sings 4 lines, too few to say where they start; which one a seed gets moves whenever the
    # planner's draws do)
    return make_musical(piper, 2, "a pirate quest musical on a stormy sea")


def chorus_against_band(story, speech, shots, st):  # type: ignore[no-untyped-def]
    """For every note a chorus sings together: (the tune's note, the harmony's note, the pitch
    classes the band's chord plays under it: its pads, else its comping, else its bass)."""
    sections = [sec for sec in st._score.sections if sec.cue.melody]
    out = []
    for s in shots:
        for c in s.cues:
            voice = speech[(c.beat, c.index)]
            if not voice.harmony:
                continue
            at = s.start_frame / 24 + c.start
            sec = next(x for x in sections if x.cue.start_s - 1e-6 <= at + voice.notes[0][0] < x.cue.end_s)
            for (t, d, m), (t2, _, h) in zip(voice.notes, voice.harmony):
                assert t2 == t
                when = at + t + min(d / 2, 0.05)
                sounding = [n for n in sec.notes if n.time <= when < n.time + n.dur]
                band = next(pcs for role in ("pad", "comp", "bass")
                            if (pcs := {round(n.midi) % 12 for n in sounding if n.role == role}))
                out.append((m, h, band))
    return out


def test_a_musical_is_sung_and_the_score_plays_under_the_singers(musical):
    story, speech, shots, st = musical
    lines = {(b.id, i): ln for b in story.graph.beats for i, ln in enumerate(b.lines)}
    sung = [k for k, s in speech.items() if s.notes]
    assert sung and all(lines[k].delivery == "sung" for k in sung)
    assert all(not speech[k].notes for k in speech if k in lines and lines[k].delivery != "sung")
    tune = tune_for(story.bible.style, story.bible.genres, 0)
    songs = [sec for sec in st._score.sections if sec.cue.melody]
    assert songs and all(sec.bpm == tune.bpm for sec in songs)
    for sec in songs:  # the lead doubles the tune: same pitch classes at the same moments
        lead = {(round(n.time, 1), round(n.midi) % 12) for n in sec.notes if n.role == "lead"}
        tune_notes = {(round(t, 1), m % 12) for t, _, m in sec.cue.melody}
        assert len(lead & tune_notes) >= 0.6 * len(tune_notes)


def test_a_numbers_last_line_is_sung_by_all_its_singers_together(piper):
    from dreamreel.synth.voice.sing import chorus, sung_line

    tune = Tune(key=7, mode="major", bpm=110.0)
    text = "So sing it out, so everyone can hear!"
    her, him = design(VoiceSpec(), pronouns="she"), design(VoiceSpec(), pronouns="he")
    lead = sung_line(piper.speak(text, her, seed=1), tune, her.median_hz, answer=True, seed=1)
    together = chorus(lead, [(piper.speak(text, him, seed=2), him.median_hz)], tune, seed=1)
    assert together.notes == lead.notes and together.words == lead.words
    assert abs(together.duration - lead.duration) < 1e-6
    # his voice is in it, an octave or so below hers: energy where he sings that she does not
    sr = lead.sample_rate

    def low_energy(x):
        spec = np.abs(np.fft.rfft(x.astype(np.float64)))
        f = np.fft.rfftfreq(len(x), 1 / sr)
        return spec[(f > 80) & (f < 150)].sum() / spec[(f > 80) & (f < 4000)].sum()
    assert low_energy(together.samples) > 1.5 * low_energy(lead.samples)
    # he sings a harmony, not the tune an octave down: at each note, his part's pitch is
    # heard, and where the tune's octave below would be is quieter
    assert len(together.harmony) == len(lead.notes)
    assert all((m - h) % 12 in (3, 4, 5, 7, 8, 9) for (_, _, m), (_, _, h) in zip(lead.notes, together.harmony))
    x = together.samples.astype(np.float64)

    def band(t, d, hz):
        n = int(max(0.06, 0.6 * d) * sr)
        a = int((t + d / 2) * sr) - n // 2
        seg = x[a:a + n] * np.hanning(n)
        spec = np.abs(np.fft.rfft(seg, 8 * n))
        f = np.fft.rfftfreq(8 * n, 1 / sr)
        return spec[(f > hz * 0.97) & (f < hz * 1.03)].max()
    hz = lambda m: 440 * 2 ** ((m - 69) / 12)  # noqa: E731
    heard = [band(t, d, hz(h)) > band(t, d, hz(m - 12)) for (t, d, m), (_, _, h) in zip(lead.notes, together.harmony)]
    assert np.mean(heard) >= 0.7


def test_sung_lines_start_on_the_songs_bar_lines_and_the_chorus_sings_in_harmony(musical):
    story, speech, shots, st = musical
    tune = tune_for(story.bible.style, story.bible.genres, 0)
    bar = 60 / tune.bpm * tune.meter
    sections = [sec for sec in st._score.sections if sec.cue.melody]
    placed = 0
    for s in shots:
        for c in s.cues:
            voice = speech[(c.beat, c.index)]
            if not voice.notes:
                continue
            first = s.start_frame / 24 + c.start + voice.notes[0][0]
            sec = next(x for x in sections if x.cue.start_s - 1e-6 <= first < x.cue.end_s)
            bars = (first - sec.origin) / bar
            assert abs(bars - round(bars)) * bar < 0.002, (c.beat, c.index, bars)  # on a bar line, to 2 ms
            placed += 1
    assert placed >= 6
    together = chorus_against_band(story, speech, shots, st)
    assert together, "a number's last line is sung by its singers together"
    intervals = [(m - h) % 12 for m, h, _ in together]
    # a third or a sixth (else a fourth or a fifth), never the tune's own note or its octave, no seconds
    assert all(iv in (3, 4, 5, 7, 8, 9) for iv in intervals)
    # and mostly thirds and sixths: read over every sung line of the song, since the one or two
    # lines sung together are too few notes to say it (19 here, where one note is 5 points)
    beat = 60 / tune.bpm
    sweet = [(m - h) % 12 in (3, 4, 8, 9)
             for v in speech.values() if v.notes
             for (_, _, m), (_, _, h) in zip(v.notes, harmony(v.notes, tune.key, tune.mode, centre=50, beat_s=beat,
                                                              meter=tune.meter))]
    assert len(sweet) >= 40 and np.mean(sweet) >= 0.7
    # tones of the chord the band plays under them at that bar, every one
    assert all(h % 12 in band for _, h, band in together)


@pytest.mark.parametrize("seed", [0, 1])
def test_a_chorus_sings_only_tones_of_the_chord_the_band_plays_under_it(piper, seed):
    """Other stories, other songs: at seed 0 the quest's chorus sang a tune's leading tone over
    the band's subdominant, where no chord tone is a third to a sixth from it, and its harmony
    left the chord; the song's chords are now chosen so that every note has one."""
    together = chorus_against_band(*make_musical(piper, seed))
    assert len(together) >= 8
    assert all(h % 12 in band and (m - h) % 12 in (3, 4, 5, 7, 8, 9) for m, h, band in together)


@pytest.mark.parametrize("mode", ["major", "minor"])
@pytest.mark.parametrize("answer", [False, True])
def test_a_harmony_part_is_mostly_thirds_and_sixths_on_the_bars_chord(mode, answer):
    """Over a hundred of the melodies dreamreel writes (calls climb, answers step home), in
    every key: the harmony singer's notes are chord tones of their bar, every one, mostly a third
    or a sixth from the tune, else a fourth or a fifth."""
    from dreamreel.synth.music.harmony import bar_of, chord_pcs, song_chords
    from dreamreel.synth.voice.sing import melody

    sweet, on_chord = [], []
    for seed in range(100):
        tune = Tune(key=seed % 12, mode=mode, bpm=100.0 + seed % 40)
        beat = 60 / tune.bpm
        notes, t = [], 0.0
        for beats, m in melody(5 + seed % 11, tune, 220.0, answer=answer, seed=seed):
            notes.append((t, beats * beat, m))
            t += beats * beat
        part = harmony(notes, tune.key, mode, centre=52, beat_s=beat, meter=tune.meter)
        chords = song_chords(notes, tune.key, mode, origin=0.0, bar_s=beat * tune.meter, beat_s=beat)
        for (t, _, m), (_, _, h) in zip(notes, part):
            assert (m - h) % 12 in (3, 4, 5, 7, 8, 9) and h != m
            sweet.append((m - h) % 12 in (3, 4, 8, 9))
            on_chord.append(h % 12 in chord_pcs(tune.key, chords[bar_of(t, 0.0, beat * tune.meter)]))
    assert np.mean(sweet) >= 0.7
    assert all(on_chord)  # a bar's chord has a tone that sings against each of its notes
