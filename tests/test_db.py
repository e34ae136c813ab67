"""The viewer database, on SQLite (the default) and on a real PostgreSQL server (pgserver runs
one from pip; the server is given a SQLAlchemy URL): the same behaviour on both."""

import json

import pytest

from dreamreel.store.db import Database


@pytest.fixture(scope="module")
def postgres_url(tmp_path_factory):
    pgserver = pytest.importorskip("pgserver", reason="the PostgreSQL tests need pgserver (pip install '.[test]')")
    server = pgserver.get_server(str(tmp_path_factory.mktemp("pg")), cleanup_mode="stop")
    server.psql("CREATE DATABASE dreamreel_test;")
    # pgserver listens on a unix socket in its data folder; psycopg reaches it by host=<folder>.
    yield f"postgresql+psycopg://postgres@/dreamreel_test?host={server.get_uri().split('host=')[1].split('&')[0]}"
    server.cleanup()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    url = f"sqlite:///{tmp_path / 'dreamreel.db'}" if request.param == "sqlite" else \
        request.getfixturevalue("postgres_url")
    database = Database(url)
    yield database
    if request.param == "postgresql":  # one server for the module: start each test from empty tables
        from dreamreel.store.db import Base

        Base.metadata.drop_all(database.engine)


def test_viewers_films_sessions_and_events_stay_each_viewers_own(db):
    alice, alice_token = db.new_viewer()
    bob, bob_token = db.new_viewer()
    assert db.viewer_by_token(alice_token).id == alice.id and db.viewer_by_token("forged") is None
    film = db.add_film(alice.id, "film noir", "The Long Night", json.dumps({"id": "s"}))
    assert db.film(film.id, alice.id).title == "The Long Night"
    assert db.film(film.id, bob.id) is None and db.films(bob.id) == []
    db.update_film(film.id, status="making")
    session = db.new_session(alice.id, film.id)
    db.add_events(session.id, alice.id, [("play", {"t": 0.0}), ("seek", {"t": 3.0, "to": 9.5})])
    assert [e.kind for e in db.events(session.id, alice.id)] == ["play", "seek"]
    assert db.events(session.id, bob.id) == [] and db.watch_session(session.id, bob.id) is None
    db.set_profile(alice.id, '{"pacing": "fast"}')
    assert json.loads(db.viewer_by_token(alice_token).profile) == {"pacing": "fast"}
    # a server that stops while a film is made: on the next start it is marked failed, not "making"
    assert db.interrupt_unfinished() == [film.id]
    assert db.film(film.id, alice.id).status == "failed"


def test_a_database_from_before_likeness_pronouns_gets_the_column_and_keeps_its_likenesses(tmp_path):
    import sqlite3

    path = tmp_path / "old.db"
    old = Database(f"sqlite:///{path}")
    viewer, _ = old.new_viewer()
    kept = old.add_likeness(viewer.id, "Ada", "{}", b"jpeg")
    old.engine.dispose()
    with sqlite3.connect(path) as conn:  # as the last release made it: no pronouns column
        conn.execute("ALTER TABLE likenesses DROP COLUMN pronouns")
    db = Database(f"sqlite:///{path}")
    again = db.likeness(kept.id, viewer.id)
    assert again is not None and again.name == "Ada" and again.pronouns == "they"
    assert db.add_likeness(viewer.id, "Bea", "{}", b"jpeg", pronouns="she").pronouns == "she"


def test_a_chain_of_revisions_is_kept_and_leads_back_to_its_original(db):
    alice, _ = db.new_viewer()
    bob, _ = db.new_viewer()
    original = db.add_film(alice.id, "a courtroom drama", "The Ledger", json.dumps({"id": "s"}))
    record = {"of": original.id, "note": "make her angrier", "beats": ["e1_charge"], "summary": "1 of 1"}
    first = db.add_film(alice.id, "revised", "The Ledger", json.dumps({"id": "s"}), revision=record)
    second = db.add_film(alice.id, "revised again", "The Ledger", json.dumps({"id": "s"}),
                         revision={**record, "of": first.id})
    again = db.film(first.id, alice.id)
    assert again.revises == original.id and json.loads(again.revision) == record
    assert db.film(original.id, alice.id).revision == ""
    assert db.original_of(db.film(second.id, alice.id)).id == original.id
    assert db.original_of(db.film(original.id, alice.id)).id == original.id
    # another viewer's film is never part of the chain
    stray = db.add_film(bob.id, "not alice's", "", "{}", revision={**record, "of": second.id})
    assert db.original_of(stray).id == stray.id
    # a film deleted from the middle: the chain joins around it, still to the original
    assert db.delete_film(first.id, alice.id)
    assert db.original_of(db.film(second.id, alice.id)).id == original.id
    assert json.loads(db.film(second.id, alice.id).revision) == {**record, "of": first.id, "of_deleted": True}


def test_revisions_outlive_their_original_and_are_still_cut_as_it(db):
    alice, _ = db.new_viewer()
    story = json.dumps({"id": "s", "told": "as first written"})
    original = db.add_film(alice.id, "a courtroom drama", "The Ledger", story)
    record = {"of": original.id, "note": "make her angrier", "beats": ["e1_charge"], "summary": "1 of 1"}
    first = db.add_film(alice.id, "revised", "The Ledger", json.dumps({"id": "s", "told": "angrier"}),
                        revision=record)
    other = db.add_film(alice.id, "revised otherwise", "The Ledger", json.dumps({"id": "s", "told": "calmer"}),
                        revision=record)
    second = db.add_film(alice.id, "revised again", "The Ledger", json.dumps({"id": "s", "told": "angrier yet"}),
                         revision={**record, "of": first.id})
    assert db.revisions_of(original.id, alice.id) == [first.id, other.id]
    assert db.cut_story(db.film(second.id, alice.id)) == story
    assert db.delete_film(original.id, alice.id)
    # each revision stands on its own, says its original is gone, and is still cut as it was
    for kept in (first, other, second):
        film = db.film(kept.id, alice.id)
        assert film is not None and db.cut_story(film) == story
    assert json.loads(db.film(first.id, alice.id).revision) == {**record, "of_deleted": True}
    assert db.film(first.id, alice.id).revises == ""
    # and so is a revision made after it, and one made after the next film of the chain goes too
    third = db.add_film(alice.id, "revised a third time", "The Ledger", "{}", revision={**record, "of": second.id})
    assert db.cut_story(third) == story
    assert db.delete_film(first.id, alice.id) and db.delete_film(second.id, alice.id)
    assert db.cut_story(db.film(third.id, alice.id)) == story
    # a sibling revision too; a film nothing revises is cut as itself
    assert db.cut_story(db.film(other.id, alice.id)) == story
    alone = db.add_film(alice.id, "another", "", json.dumps({"id": "t"}))
    assert db.cut_story(alone) == alone.story and db.revisions_of(alone.id, alice.id) == []


def test_a_database_from_before_revisions_gets_their_columns_and_keeps_its_films(tmp_path):
    import sqlite3

    path = tmp_path / "old.db"
    old = Database(f"sqlite:///{path}")
    viewer, _ = old.new_viewer()
    kept = old.add_film(viewer.id, "film noir", "The Long Night", "{}")
    old.engine.dispose()
    with sqlite3.connect(path) as conn:  # as the last release made it: no revision columns
        conn.execute("ALTER TABLE films DROP COLUMN revises")
        conn.execute("ALTER TABLE films DROP COLUMN revision")
    db = Database(f"sqlite:///{path}")
    film = db.film(kept.id, viewer.id)
    assert film.title == "The Long Night" and (film.revises, film.revision) == ("", "")
    assert db.original_of(film).id == kept.id
    revised = db.add_film(viewer.id, "revised", "", "{}", revision={"of": kept.id, "note": "n", "beats": [],
                                                                    "summary": ""})
    assert db.original_of(db.film(revised.id, viewer.id)).id == kept.id
