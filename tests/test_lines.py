"""Lines as writers hand them in (an ink import, an LLM, a revision): empty, very long, or in
another language written in Latin letters. Each loads, is voiced and is captioned."""

import json

import numpy as np
import pytest

from dreamreel.edit.captions import shot_captions
from dreamreel.model import Request, VoiceSpec
from dreamreel.model.shot import Cue, Lighting, Shot
from dreamreel.model.story import LINE_CHARS, Beat, Story
from dreamreel.narrative.planner import plan
from dreamreel.synth.voice.base import text_words
from dreamreel.synth.voice.espeak_voice import EspeakBackend
from dreamreel.synth.voice.language import language_of
from dreamreel.synth.voice.piper_voice import PiperBackend
from dreamreel.synth.voice.reading import read

SPEECH = " ".join(f"Line {i} of the speech, and it goes on: the jury must hear all of it before dawn." for i in range(26))


@pytest.fixture(scope="module")
def story() -> Story:
    return plan(Request(prompt="film noir, one short episode", episodes=1, target_seconds=20), seed=3)


def beat_with(lines: list[dict]) -> Beat:
    return Beat.model_validate({"id": "b", "episode": 1, "title": "The speech", "role": "climax", "place": "court",
                                "lines": lines, "variants": {"calm": {"lines": lines}}})


def test_a_story_with_an_empty_line_loads_and_the_line_is_a_held_beat(story):
    data = json.loads(story.model_dump_json())
    beat = next(b for b in data["graph"]["beats"] if b["lines"])
    beat["lines"].insert(1, dict(beat["lines"][0], text=""))
    loaded = Story.model_validate_json(json.dumps(data))  # was refused: "at least 1 character"
    held = loaded.graph.beat(beat["id"]).lines[1]
    assert held.text == "" and read(held.text).silent
    for backend in (PiperBackend(), EspeakBackend()):
        speech = backend.speak(held.text, VoiceSpec())
        assert 0 < speech.duration < 1 and not speech.samples.any() and speech.words == []


def test_a_long_line_becomes_lines_of_the_same_speaker_cut_at_sentences():
    assert len(SPEECH) > 2000
    line = {"speaker": "jules", "text": SPEECH, "emotion": "angry", "direction": "to the jury", "delivery": "to_camera"}
    beat = beat_with([line, {"speaker": "mara", "text": "Sit down."}])
    for lines in (beat.lines, beat.variants["calm"].lines):
        said = lines[:-1]
        assert len(said) == 4 and lines[-1].text == "Sit down."
        assert all(len(ln.text) <= LINE_CHARS and ln.text.endswith(".") for ln in said)  # whole sentences
        assert {(ln.speaker, ln.emotion, ln.direction, ln.delivery) for ln in said} == \
            {("jules", "angry", "to the jury", "to_camera")}
        assert " ".join(ln.text for ln in said) == SPEECH  # nothing dropped


def test_a_sentence_too_long_for_one_line_is_cut_at_clauses_then_words_and_loses_nothing():
    clauses = ", ".join(["and then the rain came down on the city"] * 40) + "."
    words = "word " * 500
    han = "我不知道你在说什么。" * 150  # no spaces: cut after its own full stops
    for text in (clauses, words.strip(), han):
        lines = beat_with([{"speaker": "jules", "text": text}]).lines
        assert len(lines) > 1 and all(len(ln.text) <= LINE_CHARS for ln in lines)
        joined = ("" if text is han else " ").join(ln.text for ln in lines)
        assert joined == text
    assert all(ln.text.endswith("。") for ln in beat_with([{"speaker": "jules", "text": han}]).lines)


def test_an_empty_line_has_no_caption_and_a_long_one_is_captioned_whole():
    cues = [Cue(beat="b", index=0, speaker="jules", text="", start=0.0, end=0.4),
            Cue(beat="b", index=1, speaker="jules", text=SPEECH[:LINE_CHARS], start=0.5, end=30.0)]
    shot = Shot(id="s", beat="b", episode=1, kind="dialogue", size="medium", move="static", frames=24 * 31,
                start_frame=0, place="court", place_kind="office", time_of_day="night", weather="rain",
                on_screen=["jules"], focus="jules", cues=cues, lighting=Lighting(palette=["#101010", "#e0e0e0"]))
    caps = shot_captions(shot, 24)
    assert caps and caps[0].start >= 0.5  # nothing shown for the held beat
    assert text_words(" ".join(c.text for c in caps)) == text_words(SPEECH[:LINE_CHARS])


FOREIGN = [("Je ne sais pas, mon ami.", "fr"), ("¡Vámonos, ahora!", "es"), ("Ich weiß es nicht.", "de"),
           ("Wo ist der Schlüssel?", "de"), ("¿Dónde está la llave?", "es"), ("Nous sommes perdus, capitaine.", "fr"),
           ("Non lo so, amico mio.", "it"), ("Eu não sei, meu amigo.", "pt"), ("Ik weet het niet.", "nl")]
#: English that names places and people or borrows a word: read as English.
ENGLISH = ["Paris, 1920s.", "Rio de Janeiro, 1980s.", "Buenos Aires, 1970s.", "Sure thing, señor.",
           "Déjà vu again, Inspector?", "Chiara and Giovanni went to the piazza.", "Hasta la vista, baby.",
           "No.", "Amen.", "Hm.", "Where is the key?", "Not Esperanza.", "Ludwig van Beethoven wrote it."]


def test_a_line_in_french_spanish_or_german_is_spoken_in_its_language_and_named():
    for text, lang in FOREIGN:
        r = read(text)
        assert r.runs == ((text, lang),), text
        assert len(r.notes) == 1 and "detected" in r.notes[0]
    assert read("Je ne sais pas, mon ami.").notes == ("French detected: spoken with French pronunciation",)
    # a sentence too short to judge takes its neighbour's language; English in the line stays English
    assert read("Bonjour, Marie. Je ne sais pas, mon ami.").runs == (("Bonjour, Marie. Je ne sais pas, mon ami.", "fr"),)
    assert read("Ich weiß es nicht. Let's go home.").runs == (("Ich weiß es nicht.", "de"), ("Let's go home.", None))


def test_english_lines_are_never_read_as_another_language(story):
    for text in ENGLISH:
        assert language_of(text) is None and read(text).runs == ((text, None),) and not read(text).notes, text
    for prompt, seed in (("film noir, one short episode", 3), ("a heist comedy in Marseille", 1),
                         ("a telenovela in 1980s Rio de Janeiro, two episodes", 2)):
        written = story if seed == 3 else plan(Request(prompt=prompt), seed=seed)
        for beat in written.graph.beats:
            for text in [beat.narration, *(ln.text for ln in beat.lines)]:
                assert all(lang is None for _, lang in read(text).runs), text


def test_a_foreign_line_keeps_the_characters_voice():
    import parselmouth

    woman = VoiceSpec(median_hz=210.0, tract=1.17)
    for backend in (PiperBackend(), EspeakBackend()):
        for text, _ in FOREIGN[:3]:
            speech = backend.speak(text, woman, seed=1)
            pitch = parselmouth.Sound(speech.samples.astype(np.float64), speech.sample_rate).to_pitch(
                pitch_floor=60, pitch_ceiling=500).selected_array["frequency"]
            median = float(np.median(pitch[pitch > 0]))
            assert abs(median / 210.0 - 1) < 0.12, (backend.name, text, median)  # her pitch, not the voice's own
            assert [w.word for w in speech.words] == text_words(text)
            assert 0.5 < speech.duration < 3.5
