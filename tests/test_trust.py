"""Provenance: every film is signed with a real C2PA manifest (c2pa-python), verified as
trusted / valid / invalid / unsigned, and a changed byte is caught."""

import os
import shutil
import subprocess
import sys

import pytest

from dreamreel.model import Label, Request
from dreamreel.narrative.planner import plan
from dreamreel.production import make_film
from dreamreel.synth.voice import backend
from dreamreel.trust.provenance import (
    ANCHOR,
    CHAIN,
    KEY,
    TRAINED_ALGORITHMIC_MEDIA,
    film_manifest,
    init_keys,
    keys_dir,
    verify,
)


def dreamreel(*args, env=None):
    return subprocess.run([sys.executable, "-m", "dreamreel.cli", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)


@pytest.fixture(scope="module")
def film(tmp_path_factory):
    folder = tmp_path_factory.mktemp("signed")
    story = plan(Request(prompt="a western", episodes=1, target_seconds=20), seed=2)
    result = make_film(story, folder / "film.mp4", res="480p", voice=backend("espeak-ng"),
                       label=Label(text="Made with AI", corner="top-left"))
    return folder / "film.mp4", result


def test_every_film_is_signed_as_ai_generated_and_verifies_as_trusted_here(film):
    path, result = film
    verdict = verify(path, (keys_dir() / ANCHOR).read_bytes())
    assert verdict.state == "trusted" and verdict.ai_generated, verdict
    actions = next(a for a in verdict.manifest["assertions"] if a["label"].startswith("c2pa.actions"))
    created = actions["data"]["actions"][0]
    assert created["action"] == "c2pa.created" and created["digitalSourceType"] == TRAINED_ALGORITHMIC_MEDIA
    assert created["parameters"]["backends"]["visual"].startswith("procedural/")
    # the visible label: on, and what it says where
    generation = next(a for a in verdict.manifest["assertions"] if a["label"] == "dreamreel.generation")["data"]
    assert generation["visible_label"] is True
    assert (generation["label_text"], generation["label_corner"]) == ("Made with AI", "top-left")
    off = film_manifest("t", backends={}, visible_label=False)["assertions"][1]["data"]
    assert off["visible_label"] is False and off["label_text"] is None and off["label_corner"] is None
    on = film_manifest("t", backends={}, visible_label=True)["assertions"][1]["data"]
    assert (on["visible_label"], on["label_text"], on["label_corner"]) == (True, "AI-generated", "bottom-right")
    assert result.manifest is not None and result.stage_seconds["sign"] < 5
    proc = dreamreel("verify", str(path))
    assert proc.returncode == 0 and proc.stdout.startswith("trusted") and "AI-generated" in proc.stdout
    # elsewhere (no trust anchors for this machine's development CA) it is valid, not trusted
    assert verify(path, None).state == "valid"


def test_a_changed_byte_is_caught(film, tmp_path):
    path, _ = film
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit of the picture
    bad = tmp_path / "tampered.mp4"
    bad.write_bytes(bytes(data))
    verdict = verify(bad, (keys_dir() / ANCHOR).read_bytes())
    assert verdict.state == "invalid" and "mismatch" in verdict.reason, verdict
    proc = dreamreel("verify", str(bad))
    assert proc.returncode == 1 and proc.stdout.startswith("invalid") and "Traceback" not in proc.stderr


def test_an_unsigned_or_unreadable_file_says_so(tmp_path):
    from dreamreel.edit.encode import encode_chunk
    import numpy as np

    plain = tmp_path / "plain.mp4"
    encode_chunk([np.zeros((64, 64, 3), np.uint8)] * 3, plain, width=64, height=64, fps=24)
    assert verify(plain).state == "unsigned"
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"not a film at all" * 10)
    assert verify(junk).state in ("invalid", "unsigned")
    proc = dreamreel("verify", str(tmp_path / "missing.mp4"))
    assert proc.returncode == 2 and "no such file" in proc.stderr


def test_a_users_own_chain_signs_and_is_trusted_only_against_its_own_root(tmp_path):
    own = init_keys(tmp_path / "studio")
    env = {"DREAMREEL_SIGN_CERT": str(own / CHAIN), "DREAMREEL_SIGN_KEY": str(own / KEY)}
    story = plan(Request(prompt="a cozy mystery", episodes=1, target_seconds=15), seed=4)
    out = tmp_path / "studio.mp4"
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        result = make_film(story, out, res="480p", voice=backend("espeak-ng"))
    finally:
        for k, v in old.items():
            os.environ.pop(k, None) if v is None else os.environ.__setitem__(k, v)
    assert result.signed_by == str(own / CHAIN)
    assert verify(out, (own / ANCHOR).read_bytes()).state == "trusted"
    other = verify(out, (keys_dir() / ANCHOR).read_bytes())
    assert other.state == "valid" and "not trusted" in other.reason
    # keys that are not PEM: one clear line, before any work
    bad = tmp_path / "bad.key"
    bad.write_text("hello")
    proc = dreamreel("make", "a western", "-o", str(tmp_path / "x.mp4"),
                     env={"DREAMREEL_SIGN_CERT": str(own / CHAIN), "DREAMREEL_SIGN_KEY": str(bad)})
    assert proc.returncode == 2 and "PEM" in proc.stderr and not (tmp_path / "x.mp4").exists()


def test_keys_init_does_not_overwrite_a_chain_without_force(tmp_path):
    proc = dreamreel("keys", "init", "--dir", str(tmp_path / "k"))
    assert proc.returncode == 0 and (tmp_path / "k" / CHAIN).exists()
    assert oct((tmp_path / "k" / KEY).stat().st_mode & 0o777) == "0o600"
    again = dreamreel("keys", "init", "--dir", str(tmp_path / "k"))
    assert again.returncode == 2 and "--force" in again.stderr
    shutil.rmtree(tmp_path / "k")


def test_a_film_above_its_rating_is_not_released(tmp_path):
    from dreamreel.model import Profile, Story
    from dreamreel.trust.ratings import RatingError, release_problems

    story = plan(Request(prompt="a cozy mystery", episodes=1, target_seconds=15, rating="PG"), seed=2)
    data = story.model_dump(mode="json")
    beat = data["graph"]["beats"][0]  # the first beat always plays
    assert beat["variants"], "the test needs a beat told more than one way"
    beat["narration"] = beat["narration"] + " Then the butcher began the massacre."
    # One telling of the beat is above the rating: another telling of it is played instead.
    result = make_film(Story.model_validate(data), tmp_path / "told.mp4", res="480p", voice=backend("espeak-ng"))
    first = result.played.steps[0]
    assert first.beat == beat["id"] and first.variant is not None
    # Every telling of it is above: the film stops before that beat is made, and nothing is released.
    for variant in beat["variants"].values():
        variant["narration"] = (variant.get("narration") or "") + " Then the butcher began the massacre."
    loud = Story.model_validate(data)
    out = tmp_path / "loud.mp4"
    with pytest.raises(RatingError, match=f"stopped before beat {beat['id']}.*violence at level 3, above"):
        make_film(loud, out, res="480p", voice=backend("espeak-ng"))
    assert not out.exists()
    # a viewer's own limits and themes count too
    from dreamreel.director.path import Walk

    data["graph"]["beats"][0]["narration"] = "Spiders crawl over the ledger."
    spidery = Story.model_validate(data)
    steps = list(Walk(spidery, "first"))
    assert release_problems(spidery, steps) == []
    problems = release_problems(spidery, steps, Profile(avoid=["spiders"]))
    assert problems and "spiders" in problems[0] and "keeps out" in problems[0]
