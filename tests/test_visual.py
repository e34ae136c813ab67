"""The procedural renderer draws real frames with skia: shape, determinism, places, mouths,
motion, genre looks, cards and the AI label."""

import hashlib
import itertools
import json
import re
from pathlib import Path

import numpy as np
import pytest

from dreamreel.errors import BadInputError
from dreamreel.model import CORNERS, Label, Request, Story, as_label
from dreamreel.model.bible import Bible
from dreamreel.model.label import MAX_LABEL_CHARS
from dreamreel.model.shot import Cue, Lighting, Shot
from dreamreel.narrative.planner import plan
from dreamreel.synth.visual import HeldFrame
from dreamreel.synth.visual import ProceduralBackend, VisualBackend
from dreamreel.synth.visual.settings import RECIPES

W, H, FPS = 320, 180, 24
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def noir() -> Bible:
    return Story.model_validate(json.loads((EXAMPLES / "noir-on-mars.story.json").read_text())).bible


@pytest.fixture(scope="module")
def western() -> Bible:
    return plan(Request(prompt="a western about a stolen gold shipment"), seed=3).bible


def lighting(bible: Bible, **kw) -> Lighting:
    s = bible.style
    args = {"key": 0.7, "contrast": s.contrast, "palette": s.palette, "monochrome": s.monochrome, "grain": s.grain}
    args.update(kw)
    return Lighting(**args)


def make_shot(bible: Bible, *, kind="dialogue", size="medium", move="static", place_kind="city_street",
              tod="night", weather="clear", on=None, focus=None, cues=(), frames=6, caption=None, seed=1,
              **light) -> Shot:
    ids = [c.id for c in bible.cast]
    on = ids[:2] if on is None else on
    return Shot(id="s1", beat="b1", episode=1, kind=kind, size=size, move=move, frames=frames, start_frame=0,
                place="somewhere", place_kind=place_kind, time_of_day=tod, weather=weather, on_screen=on,
                focus=focus, cues=list(cues), lighting=lighting(bible, **light), caption=caption, seed=seed)


def render(shot: Shot, bible: Bible, **kw) -> list[np.ndarray]:
    return [f.copy() for f in ProceduralBackend().render_shot(shot, bible, width=W, height=H, fps=FPS, **kw)]


def digest(frames: list[np.ndarray]) -> str:
    h = hashlib.sha256()
    for f in frames:
        h.update(f.tobytes())
    return h.hexdigest()


def test_backend_meets_the_protocol():
    be = ProceduralBackend()
    assert isinstance(be, VisualBackend)
    assert "skia-python" in be.requires()


@pytest.mark.parametrize("kind,size,move", [("dialogue", "medium", "static"), ("establishing", "wide", "pan"),
                                            ("dialogue", "close_up", "push_in"), ("scene", "wide", "handheld"),
                                            ("insert", "insert", "static"), ("title", "wide", "static"),
                                            ("end", "wide", "static")])
def test_frames_have_the_contracted_shape_and_count(noir, kind, size, move):
    shot = make_shot(noir, kind=kind, size=size, move=move, frames=5, caption="The Override",
                     focus=noir.cast[0].id, weather="rain")
    frames = list(ProceduralBackend().render_shot(shot, noir, width=W, height=H, fps=FPS))
    assert len(frames) == 5
    for f in frames:
        assert f.shape == (H, W, 4) and f.dtype == np.uint8 and f.flags["C_CONTIGUOUS"]
        assert (f[..., 3] == 255).all()  # opaque RGBA


def test_same_shot_and_seed_give_identical_frames_and_another_seed_does_not(western):
    shot = make_shot(western, weather="storm", move="handheld", tod="day", frames=8)
    assert digest(render(shot, western)) == digest(render(shot, western))
    other = shot.model_copy(update={"seed": 2})
    assert digest(render(other, western)) != digest(render(shot, western))


@pytest.mark.parametrize("kind,size,move", [("dialogue", "medium", "static"), ("establishing", "wide", "pan"),
                                            ("dialogue", "close_up", "push_in"), ("scene", "wide", "handheld"),
                                            ("insert", "insert", "static"), ("title", "wide", "static")])
def test_a_shot_drawn_from_a_later_frame_is_the_whole_shots_tail(western, kind, size, move):
    # A live director restyles the rest of a shot already half in the stream: the part drawn
    # alone must be exactly what the whole shot would have shown there.
    cue = Cue(beat="b1", index=0, speaker=western.cast[0].id, text="Draw.", emotion="angry", start=0.1, end=0.5)
    shot = make_shot(western, kind=kind, size=size, move=move, frames=13, caption="The Map", weather="storm",
                     focus=western.cast[0].id, cues=[cue])
    whole = render(shot, western)
    for first in (1, 6):
        assert digest(render(shot, western, first=first)) == digest(whole[first:])
    with pytest.raises(BadInputError, match="outside"):
        render(shot, western, first=13)


def test_every_place_kind_draws_its_own_picture(western):
    means = {}
    for kind in RECIPES:
        shot = make_shot(western, kind="establishing", size="wide", place_kind=kind, tod="day", on=[], frames=1)
        means[kind] = render(shot, western)[0].astype(np.int16)
    kinds = list(means)
    assert len(kinds) == 24
    for i, a in enumerate(kinds):
        for b in kinds[i + 1:]:
            diff = float(np.abs(means[a] - means[b]).mean())
            assert diff > 6, f"{a} and {b} look alike (mean difference {diff:.1f})"


def test_a_speaking_mouth_follows_the_voice_track(western):
    speaker = western.cast[0].id
    cue = Cue(beat="b1", index=0, speaker=speaker, text="Draw.", emotion="neutral", start=0, end=1)
    shot = make_shot(western, size="close_up", on=[speaker], focus=speaker, cues=[cue], frames=3, tod="day",
                     place_kind="saloon")
    shut = render(shot, western, mouths={speaker: np.zeros(3)})
    wide = render(shot, western, mouths={speaker: np.ones(3)})
    diff = np.abs(shut[1].astype(np.int16) - wide[1].astype(np.int16)).max(axis=2) > 30
    ys, xs = np.nonzero(diff)
    assert ys.size > 20, "opening the mouth changed nothing"
    # only the mouth changed: a small patch in the lower half of the face
    assert (ys.max() - ys.min()) < H * 0.25 and (xs.max() - xs.min()) < W * 0.2
    # and a track that moves makes a mouth that moves (drawn on twos: frames 0 and 2 are drawings)
    moving = render(shot, western, mouths={speaker: np.array([0.0, 1.0, 1.0])})
    assert not np.array_equal(moving[0], moving[2])


def test_frames_move_over_time(noir, western):
    rain = render(make_shot(noir, weather="rain", frames=4), noir)
    # A still camera draws on twos: every other frame repeats the drawing before it, and says so.
    assert not np.array_equal(rain[0], rain[2]) and not np.array_equal(rain[1], rain[3])
    assert [isinstance(f, HeldFrame) for f in rain] == [False, True, False, True]
    assert np.array_equal(rain[0], rain[1])
    handheld = render(make_shot(noir, weather="rain", frames=4, move="handheld"), noir)
    assert all(not np.array_equal(a, b) for a, b in itertools.pairwise(handheld))
    pan = render(make_shot(western, kind="establishing", size="wide", move="pan", place_kind="desert", tod="day",
                           on=[], frames=24, grain=0.0), western)
    assert float(np.abs(pan[0].astype(np.int16) - pan[-1].astype(np.int16)).mean()) > 2
    assert all(f.mean() > 20 for f in rain + pan), "a black frame"


def test_noir_is_monochrome_and_colour_looks_are_not(noir, western):
    frames = render(make_shot(noir, weather="rain", place_kind="office", frames=2), noir)
    for f in frames:
        f = f.astype(np.int16)
        assert np.abs(f[..., 0] - f[..., 1]).max() <= 2 and np.abs(f[..., 1] - f[..., 2]).max() <= 2
    colour = render(make_shot(western, place_kind="desert", tod="dusk", frames=1), western)[0].astype(np.int16)
    assert np.abs(colour[..., 0] - colour[..., 2]).mean() > 20


def test_title_card_draws_its_words(noir):
    titled = render(make_shot(noir, kind="title", on=[], caption="The Override of Jezero Station", frames=12), noir)
    blank = render(make_shot(noir, kind="title", on=[], caption=None, frames=12), noir)
    last, empty = titled[-1].astype(np.int16), blank[-1].astype(np.int16)
    middle = (slice(int(H * 0.3), int(H * 0.7)), slice(int(W * 0.1), int(W * 0.9)))
    assert np.abs(last - empty)[middle].max() > 100  # bright letters over the dark card
    assert last[middle].std() > 10


@pytest.mark.parametrize("corner", [None, *CORNERS])
def test_label_burns_into_the_corner_only(western, corner):
    # The edit stage lays the label over whatever the backend drew (the backend draws none).
    from dreamreel.edit.label import label_seen, labelled as over

    def labelled_render(label):
        return [f.copy() for f in over(ProceduralBackend().render_shot(shot, western, width=W, height=H, fps=FPS),
                                       as_label(label), W, H)]

    shot = make_shot(western, tod="day", frames=1)
    plain = render(shot, western)[0].astype(np.int16)
    assert np.array_equal(plain, render(shot, western, label=True)[0])  # a backend never draws it
    label = True if corner is None else Label(text="Made by AI", corner=corner)  # True: the default one
    labelled = labelled_render(label)[0].astype(np.int16)
    luma = lambda f: f[..., :3].mean(axis=2).astype(np.uint8)  # noqa: E731
    assert label_seen(luma(labelled), as_label(label)) and not label_seen(luma(plain), as_label(label))
    diff = np.abs(plain - labelled).max(axis=2) > 0
    ys, xs = np.nonzero(diff)
    assert ys.size > 50
    corner = corner or "bottom-right"
    top, left = corner.startswith("top"), corner.endswith("left")
    assert (ys.max() < H * 0.2) if top else (ys.min() > H * 0.8)
    assert (xs.max() < W * 0.4) if left else (xs.min() > W * 0.6)
    if label is not True:  # its own words: the default words in the same corner look different
        assert not np.array_equal(labelled, labelled_render(Label(corner=corner))[0])


@pytest.mark.parametrize("width,height", [(W, H), (854, 480)])
def test_a_long_label_is_shrunk_to_fit_inside_the_frame(width, height):
    import skia

    from dreamreel.synth.visual import cards

    text = "W" * MAX_LABEL_CHARS  # the widest text a label may have
    for corner in CORNERS:
        a = np.zeros((height, width, 4), np.uint8)
        cards.draw_label(skia.Surface(a).getCanvas(), width, height, text, corner)
        ys, xs = np.nonzero(a[..., 3])
        # the whole pill is there, clear of every edge: nothing was cut off
        assert xs.min() > 0 and xs.max() < width - 1 and ys.min() > 0 and ys.max() < height - 1, corner
    size = pytest.approx(max(10.0, height * 0.024))
    assert cards.label_font("AI-generated", width, height).getSize() == size  # the default is never shrunk
    if height >= 480:  # the longest label keeps its readable size from 480p up
        assert cards.label_font(text, width, height).getSize() == size
    else:  # shrunk, just enough to fit
        assert cards.label_font(text, width, height).getSize() < 10 and xs.max() - xs.min() > width * 0.8


@pytest.mark.parametrize("fields,needle", [
    ({"text": ""}, "1 to 40 characters"),
    ({"text": "   "}, "1 to 40 characters"),
    ({"text": "x" * 41}, "1 to 40 characters"),
    ({"text": "AI\ngenerated"}, "control characters"),
    ({"text": "AI\x1b[8m"}, "control characters"),
    ({"corner": "middle"}, "'top-left', 'top-right', 'bottom-left' or 'bottom-right'"),
    ({"text": "Real footage"}, "the label must say the film is AI-generated"),  # a label that hides it is no label
    ({"text": "MAIN STREET"}, "the label must say the film is AI-generated"),
])
def test_a_bad_label_is_refused_with_a_clear_message(fields, needle):
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match=re.escape(needle)):
        Label(**fields)
    assert Label(text="  Synthetic media  ").text == "Synthetic media"
    assert [Label(text=t).text for t in ("KI-generiert", "Généré par IA", "AI生成")] == ["KI-generiert", "Généré par IA", "AI生成"]
    assert as_label(True) == Label() and as_label(False) is None and as_label(None) is None


def test_a_character_missing_from_the_bible_is_a_clear_error(western):
    shot = make_shot(western, on=["nobody_here"])
    with pytest.raises(BadInputError, match="nobody_here"):
        render(shot, western)


def test_an_empty_static_shot_in_still_air_is_not_frozen(western):
    shot = make_shot(western, kind="establishing", size="wide", place_kind="forest", tod="day", on=[], frames=5,
                     grain=0.0)
    frames = render(shot, western)  # on twos: the drawings are frames 0, 2 and 4
    assert not np.array_equal(frames[0], frames[2]) and not np.array_equal(frames[2], frames[4])


def test_cards_and_the_label_have_text_on_a_machine_without_fonts(monkeypatch):
    import skia

    from dreamreel.synth.visual import cards

    def drawn_label():
        a = np.zeros((180, 320, 4), np.uint8)
        cards.draw_label(skia.Surface(a).getCanvas(), 320, 180)
        return int((a[..., 3] > 200).sum())

    with_fonts = drawn_label()
    cards.typeface.cache_clear()
    monkeypatch.setattr(cards, "_system_typeface", lambda family, style: skia.Typeface.MakeEmpty())
    try:
        assert cards.font("DejaVu Sans", 20).getTypeface().getFamilyName() == "Roboto"
        # the pill and its words: more than the pill alone, about as much as with the system font
        assert drawn_label() > 0.7 * with_fonts
    finally:
        cards.typeface.cache_clear()
