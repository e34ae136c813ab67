"""Casting real people: a photo becomes a character look; a likeness is cast only with its
person's recorded consent, every use is logged, and a revoked or expired consent stops every
later render. Bad uploads are refused with a clear message and leave nothing behind."""

import io
import time

import httpx
import matplotlib.cbook
import numpy as np
import pytest
from PIL import Image

from dreamreel.errors import BadInputError
from dreamreel.model import Look, Request
from dreamreel.synth.voice import backend
from dreamreel.trust.casting import cast_from_photo
from serving import running_server

PORTRAIT = matplotlib.cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)  # public domain


def jpeg(im: Image.Image, **kw) -> bytes:
    out = io.BytesIO()
    im.save(out, "JPEG", **kw)
    return out.getvalue()


def test_a_photo_becomes_a_look_and_nothing_else_of_it_is_kept():
    im = Image.open(PORTRAIT)
    exif = im.getexif()
    exif.get_ifd(0x8825).update({1: "N", 2: (52.0, 22.0, 0.0), 3: "E", 4: (4.0, 53.0, 0.0)})  # a location
    portrait = cast_from_photo(jpeg(im, exif=exif))
    look = portrait.look
    assert portrait.faces == 1 and portrait.had_location and any("location" in n for n in portrait.notes)
    r, g, b = (int(look.skin[i:i + 2], 16) for i in (1, 3, 5))
    assert r > g > b  # a skin tone, taken from her face
    assert look.face in ("round", "oval", "square", "long", "heart") and "glasses" not in look.accessories
    thumb = Image.open(io.BytesIO(portrait.thumbnail))
    assert max(thumb.size) <= 160 and not thumb.getexif()  # re-encoded: no EXIF, no location


def test_glasses_are_seen():
    import cv2

    rgb = np.asarray(Image.open(PORTRAIT).convert("RGB")).copy()
    grey = cv2.equalizeHist(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY))
    x, y, w, h = max(cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")
                     .detectMultiScale(grey, 1.1, 5, minSize=(80, 80)), key=lambda f: f[2] * f[3])
    eye_y, rx, ry = y + int(0.43 * h), int(0.16 * w), int(0.09 * h)
    for cx in (x + int(0.32 * w), x + int(0.68 * w)):  # a pair of dark frames over her eyes
        cv2.ellipse(rgb, (cx, eye_y), (rx, ry), 0, 0, 360, (20, 20, 20), max(2, w // 40))
    cv2.line(rgb, (x + int(0.32 * w) + rx, eye_y), (x + int(0.68 * w) - rx, eye_y), (20, 20, 20), max(2, w // 40))
    assert "glasses" in cast_from_photo(jpeg(Image.fromarray(rgb))).look.accessories


@pytest.mark.parametrize("data,why", [
    (b"", "empty"),
    (b"GIF89a" + bytes(2000), "not a photo"),
    (b"\xff\xd8\xff\xe0" + bytes(3000), "damaged|not a photo"),
])
def test_bad_uploads_are_refused(data, why):
    with pytest.raises(BadInputError, match=why):
        cast_from_photo(data)


def test_an_image_bomb_is_refused_before_it_is_unpacked():
    out = io.BytesIO()
    Image.new("L", (9000, 9000)).save(out, "PNG")  # 81 megapixels in a small file
    assert len(out.getvalue()) < 1_000_000
    with pytest.raises(BadInputError, match="megapixels"):
        cast_from_photo(out.getvalue())


def test_a_photo_without_a_face_is_refused():
    with pytest.raises(BadInputError, match="no face"):
        cast_from_photo(jpeg(Image.new("RGB", (400, 300), (90, 120, 160))))


def viewer(base):
    c = httpx.Client(base_url=base, timeout=60)
    c.get("/")
    return c


def test_consent_is_recorded_checked_logged_and_revocable(tmp_path):
    with running_server(tmp_path, make_kw={"voice": backend("espeak-ng")}, live_kw={"lead_s": None}) as (base, app):
        alice, bob = viewer(base), viewer(base)
        photo = jpeg(Image.open(PORTRAIT))
        refused = alice.post("/api/likenesses", params={"name": "Grace Hopper"}, content=photo)
        assert refused.status_code == 400 and "agree" in refused.json()["detail"]
        assert alice.post("/api/likenesses", params={"name": "G", "agree": True},
                          content=b"not a photo").status_code == 400
        huge = alice.post("/api/likenesses", params={"name": "G", "agree": True}, content=bytes(9_000_000))
        assert huge.status_code == 413
        assert alice.post("/api/likenesses", params={"name": "G", "agree": True, "voice": "squeaky"},
                          content=photo).status_code == 422
        made = alice.post("/api/likenesses", params={"name": "Grace Hopper", "agree": True, "voice": "low",
                                                     "pronouns": "she"}, content=photo)
        assert made.status_code == 200, made.text
        grace = made.json()
        assert grace["voice"]["median_hz"] < 120  # the low voice she chose, kept whatever her pronouns
        assert [c["to"] for c in grace["consents"]] == [alice.get("/api/me").json()["id"]]

        # Alice is cast as the protagonist of her own film, and the use is logged.
        film = alice.post("/api/films", json={"prompt": "a western", "seconds": 15,
                                              "cast": [{"likeness": grace["id"], "role": "protagonist"}]})
        assert film.status_code == 200, film.text
        story = app.state.server.live[film.json()["id"]].story
        hero = next(c for c in story.bible.cast if c.role == "protagonist")
        assert hero.name == "Grace Hopper" and hero.look.skin == grace["look"]["skin"] and hero.pronouns == "she"
        assert hero.voice.descriptor == grace["voice"]["descriptor"]  # she speaks in the voice she chose
        assert any("Grace" in b.narration for b in story.graph.beats)
        uses = alice.get(f"/api/likenesses/{grace['id']}/uses").json()
        assert [u["film"] for u in uses] == [film.json()["id"]]

        # Bob may not see or cast her, until she grants him consent.
        assert bob.get("/api/likenesses").json() == []
        assert bob.get(f"/api/likenesses/{grace['id']}/uses").status_code == 404
        assert bob.get(f"/api/likenesses/{grace['id']}/thumbnail").status_code == 404
        cast_bob = {"prompt": "film noir", "seconds": 15, "cast": [{"likeness": grace["id"], "role": "antagonist"}]}
        no = bob.post("/api/films", json=cast_bob)
        assert no.status_code == 403 and "no likeness" in no.json()["detail"]
        bob_id = bob.get("/api/me").json()["id"]
        nobody = alice.post(f"/api/likenesses/{grace['id']}/consents", json={"to": "f" * 32})
        assert nobody.status_code == 404 and "no viewer" in nobody.json()["detail"]
        assert bob.post(f"/api/likenesses/{grace['id']}/consents", json={"to": bob_id}).status_code == 404
        only_lead = alice.post(f"/api/likenesses/{grace['id']}/consents",
                               json={"to": bob_id, "uses": ["protagonist"], "days": 30})
        assert only_lead.status_code == 200
        wrong_role = bob.post("/api/films", json=cast_bob)
        assert wrong_role.status_code == 403 and "protagonist only" in wrong_role.json()["detail"]
        grant = alice.post(f"/api/likenesses/{grace['id']}/consents",
                           json={"to": bob_id, "uses": ["any_role"], "days": 30}).json()
        ok = bob.post("/api/films", json=cast_bob)
        assert ok.status_code == 200, ok.text
        assert bob.get(f"/api/likenesses/{grace['id']}/thumbnail").headers["content-type"] == "image/jpeg"

        # She revokes; every later render that would use her is refused, nothing is made.
        for c in (grant["id"], only_lead.json()["id"]):
            assert alice.post(f"/api/consents/{c}/revoke").status_code == 200
        assert bob.post(f"/api/consents/{grant['id']}/revoke").status_code == 404
        before = len(bob.get("/api/films").json())
        again = bob.post("/api/films", json=cast_bob)
        assert again.status_code == 403 and "revoked" in again.json()["detail"]
        rewatch = bob.post(f"/api/films/{ok.json()['id']}/again")
        assert rewatch.status_code == 403 and "revoked" in rewatch.json()["detail"]
        assert len(bob.get("/api/films").json()) == before
        assert {u["by"] for u in alice.get(f"/api/likenesses/{grace['id']}/uses").json()} == \
            {alice.get("/api/me").json()["id"], bob_id}


def test_an_expired_consent_is_refused(tmp_path):
    from dreamreel.store.db import Database
    from dreamreel.trust.likeness import ConsentError, require_consent

    db = Database(f"sqlite:///{tmp_path / 'd.db'}")
    person, _ = db.new_viewer()
    friend, _ = db.new_viewer()
    lk = db.add_likeness(person.id, "Sam Lee", "{}", b"")
    db.grant(lk.id, person.id, friend.id, ["any_role"], time.time() + 60, "I agree")
    assert require_consent(db, lk.id, friend.id, "ally")
    with pytest.raises(ConsentError, match="expired"):
        require_consent(db, lk.id, friend.id, "ally", now=time.time() + 3600)


def test_casting_renames_the_character_everywhere_it_is_written():
    from dreamreel.model import Request
    from dreamreel.model.bible import Look
    from dreamreel.narrative.planner import plan
    from dreamreel.narrative.validate import validate
    from dreamreel.trust.likeness import cast_into

    story = plan(Request(prompt="a cozy mystery", episodes=1, target_seconds=20), seed=3)
    hero = next(c for c in story.bible.cast if c.role == "protagonist")
    cast, cid = cast_into(story, "protagonist", "Ada Lovelace", Look(skin="#d9a07c", face="heart"))
    assert cid == hero.id and validate(cast).ok
    text = cast.model_dump_json(exclude={"bible": {"cast"}})
    assert hero.name.split()[0] not in text.replace(hero.id, "")  # not in the title, lines or narration
    assert "Ada" in cast.bible.title + cast.graph.beats[0].narration + "".join(
        ln.text for b in cast.graph.beats for ln in b.lines)
    with pytest.raises(BadInputError, match="no character plays"):
        cast_into(story, "dragon", "X", Look())


def test_a_likeness_in_the_lead_is_written_in_with_their_pronouns():
    """Cast before the story is written, a person's name and pronouns are in every line; the rest
    of the story is the one the same request and seed give without them."""
    import re

    from dreamreel.model import Performer
    from dreamreel.narrative.planner import plan
    from dreamreel.narrative.validate import validate

    def count(story, words):  # in everything the story says: tellings, lines, choices, summaries
        text = story.graph.model_dump_json()
        return sum(len(re.findall(rf"\b{w}\b", text, re.I)) for w in words)

    request = Request(prompt="a fantasy revenge tale", episodes=3)  # a plot that says "his" of its hero
    written = plan(request, seed=0)
    hero = next(c for c in written.bible.cast if c.role == "protagonist")
    assert hero.pronouns == "he"
    grace = Performer(name="Grace Hopper", pronouns="she", look=Look(hair_color="#e8e4dc"))
    cast = plan(request, seed=0, cast={"protagonist": grace})
    lead = next(c for c in cast.bible.cast if c.role == "protagonist")
    assert (lead.name, lead.pronouns, lead.look.hair_color) == ("Grace Hopper", "she", "#e8e4dc")
    assert validate(cast).ok and not any(hero.name.split()[0] in b.narration for b in cast.graph.beats)
    assert count(cast, ["he", "him", "his", "himself"]) < count(written, ["he", "him", "his", "himself"])
    assert count(cast, ["she", "her", "herself"]) > count(written, ["she", "her", "herself"])
    # the same world and the same other people
    assert [c.name for c in cast.bible.cast if c.role != "protagonist"] == \
        [c.name for c in written.bible.cast if c.role != "protagonist"]
    assert cast.bible.world == written.bible.world
    with pytest.raises(BadInputError, match="can be cast before a story is written"):
        plan(request, seed=0, cast={"mentor": grace})
