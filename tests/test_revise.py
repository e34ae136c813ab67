"""Revising a story with the model: one beat or an episode rewritten on a note, checked,
repaired or left alone, the rest untouched, and only the revised beats drawn again. Against a
real HTTP endpoint whose answers each test scripts, and through the command line."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dreamreel.errors import BadInputError
from dreamreel.model import Request
from dreamreel.narrative.llm.openai_compat import OpenAICompatBackend
from dreamreel.narrative.planner import plan
from dreamreel.narrative.revise import revise
from dreamreel.narrative.validate import validate
from dreamreel.store.files import save_model

from test_writer import _chat_answer, faulty_server  # noqa: F401  (fixture)


@pytest.fixture(scope="module")
def story():
    return plan(Request(prompt="a courtroom drama about a stolen ledger", episodes=1, rating="PG"), seed=4)


def angrier(beat, *, text="You lied to this court, and I can prove it!"):
    speaker = beat.lines[0].speaker if beat.lines else beat.characters[0]
    return {"narration": beat.narration + " Her voice rises until the room goes still.",
            "lines": [{"speaker": speaker, "text": text, "emotion": "angry"}]}


def answering(*answers):
    queue = list(answers)

    def answer(body: str):
        if not body:  # GET /v1/models
            return 200, json.dumps({"data": [{"id": "tiny-model"}]})
        content = queue.pop(0) if len(queue) > 1 else queue[0]
        return 200, _chat_answer(content if isinstance(content, str) else json.dumps(content))
    return answer


def backend(url: str) -> OpenAICompatBackend:
    return OpenAICompatBackend(url + "/v1", model="m", timeout=10)


def talky(story):
    return next(b for b in story.graph.beats if b.lines and not b.variants)


def test_a_beat_is_revised_and_nothing_else_changes(faulty_server, story):  # noqa: F811
    url, behaviour = faulty_server
    beat = talky(story)
    behaviour["body"] = answering(angrier(beat))
    revised, report = revise(story, backend(url), "make her angrier", beats=[beat.id])
    new = revised.graph.beat(beat.id)
    assert new.lines[0].text == "You lied to this court, and I can prove it!" and new.lines[0].emotion == "angry"
    assert "room goes still" in new.narration
    assert report.changed == [beat.id] and report.tokens > 0
    # structure and every other beat untouched; the story still holds
    assert (new.choice, new.next, new.effects, new.place, new.characters) == (beat.choice, beat.next, beat.effects,
                                                                              beat.place, beat.characters)
    assert all(b == story.graph.beat(b.id) for b in revised.graph.beats if b.id != beat.id)
    assert validate(revised).ok
    # the note went to the model as data, with the beat's own people as the only speakers allowed
    sent = json.loads(behaviour["seen"][-1][1])
    assert "make her angrier" in sent["messages"][-1]["content"]


def test_an_answer_that_breaks_the_rules_is_repaired_or_the_beat_kept(faulty_server, story):  # noqa: F811
    url, behaviour = faulty_server
    beat = talky(story)
    stranger = angrier(beat)
    stranger["lines"][0]["speaker"] = "somebody_else"          # not in the scene
    gory = angrier(beat, text="He was disembowelled, blood and gore all over the gallery.")  # over PG
    behaviour["body"] = answering(stranger, angrier(beat))
    revised, report = revise(story, backend(url), "make her angrier", beats=[beat.id])
    assert report.revisions[0].outcome == "repaired" and revised.graph.beat(beat.id).lines[0].emotion == "angry"
    behaviour["body"] = answering(gory)
    kept, report = revise(story, backend(url), "make it gorier", beats=[beat.id])
    assert report.revisions[0].outcome == "kept" and kept.graph.beat(beat.id) == beat
    assert any("rating PG" in p for p in report.revisions[0].problems)
    unchanged = {"narration": beat.narration, "lines": [{"speaker": ln.speaker, "text": ln.text,
                                                         "emotion": ln.emotion} for ln in beat.lines]}
    behaviour["body"] = answering(unchanged)
    _, report = revise(story, backend(url), "make her angrier", beats=[beat.id])
    assert report.revisions[0].outcome == "kept" and "nothing was changed" in report.revisions[0].problems[0]


def test_an_episode_is_revised_within_a_token_budget(faulty_server, story):  # noqa: F811
    url, behaviour = faulty_server
    beats = [b for b in story.graph.beats if b.episode == 1][:4]

    def answer(body: str):
        prompt = json.loads(body)["messages"][-1]["content"]
        beat = next(b for b in beats if b.narration[:40] in prompt)
        return 200, _chat_answer(json.dumps(angrier(beat)))
    behaviour["body"] = answer
    tellings = sum(1 + len(b.variants) for b in beats[:2])
    revised, report = revise(story, backend(url), "make it tenser", beats=[b.id for b in beats],
                             token_budget=17 * tellings)  # the scripted server counts 17 tokens a call
    done = [r for r in report.revisions if r.outcome in ("model", "repaired")]
    skipped = [r for r in report.revisions if r.outcome == "skipped"]
    assert len(done) == tellings and skipped and "not reached" in report.summary()
    for r in skipped:
        assert revised.graph.beat(r.beat) == story.graph.beat(r.beat)


def test_bad_requests_are_refused_before_any_call(faulty_server, story):  # noqa: F811
    url, behaviour = faulty_server
    seen = len(behaviour["seen"])
    with pytest.raises(BadInputError, match="no beat 'nope'"):
        revise(story, backend(url), "angrier", beats=["nope"])
    with pytest.raises(BadInputError, match="note is empty"):
        revise(story, backend(url), "   ", beats=[talky(story).id])
    assert len(behaviour["seen"]) == seen


def test_revise_from_the_command_line_redraws_only_that_beat(faulty_server, story, tmp_path):  # noqa: F811
    url, behaviour = faulty_server
    beat = talky(story)
    behaviour["body"] = answering(angrier(beat))
    path = tmp_path / "story.json"
    save_model(path, story)
    run = subprocess.run([sys.executable, "-m", "dreamreel.cli", "revise", str(path), "make her angrier",
                          "--beat", beat.id, "--llm", f"openai:{url}/v1"], capture_output=True, text=True,
                         timeout=300, cwd=Path(__file__).parents[1])
    assert run.returncode == 0, run.stderr
    assert "1 of" in run.stderr and "saved to" in run.stderr and "--revises" in run.stderr
    saved = json.loads(path.read_text())
    assert any(ln["text"].startswith("You lied") for b in saved["graph"]["beats"] if b["id"] == beat.id
               for ln in b["lines"])
    bad = subprocess.run([sys.executable, "-m", "dreamreel.cli", "revise", str(path), "angrier",
                          "--llm", f"openai:{url}/v1"], capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and "--beat ID" in bad.stderr and "Traceback" not in bad.stderr
    down = subprocess.run([sys.executable, "-m", "dreamreel.cli", "revise", str(path), "angrier", "--beat", beat.id,
                           "--llm", "openai:http://127.0.0.1:9/v1"], capture_output=True, text=True, timeout=300)
    assert down.returncode == 2 and "Traceback" not in down.stderr and len(down.stderr.strip().splitlines()) == 1
    # rendered as a revision of another story: one line, before any work
    other = tmp_path / "other.json"
    save_model(other, plan(Request(prompt="a western", episodes=1), seed=1))
    wrong = subprocess.run([sys.executable, "-m", "dreamreel.cli", "render", str(path), "-o", str(tmp_path / "x.mp4"),
                            "--revises", str(other)], capture_output=True, text=True, timeout=300)
    assert wrong.returncode == 2 and "is not a revision of" in wrong.stderr, wrong.stderr
    assert len(wrong.stderr.strip().splitlines()) == 1 and not (tmp_path / "x.mp4").exists()


def test_the_critic_notes_what_is_missing_and_the_writer_revises_those_beats(faulty_server, story):  # noqa: F811
    from dreamreel.narrative.critic import critique

    url, behaviour = faulty_server
    beat = talky(story)
    wrong = {"notes": [{"beat": "no_such_beat", "problem": "x", "fix": "y"}]}       # refused by the schema
    notes = {"notes": [{"beat": beat.id, "problem": "the ledger never appears",
                        "fix": "have her slam the stolen ledger on the table"}]}
    critic_answers = [wrong, notes]

    def answer(body: str):
        prompt = json.loads(body)["messages"][-1]["content"]
        if "story editor" in prompt:
            return 200, _chat_answer(json.dumps(critic_answers.pop(0) if len(critic_answers) > 1 else critic_answers[0]))
        assert "slam the stolen ledger" in prompt  # the critic's fix is the writer's note
        return 200, _chat_answer(json.dumps(angrier(beat, text="This ledger says you lied!")))
    behaviour["body"] = answer
    revised, report = critique(story, backend(url))
    assert report.stage.outcome == "repaired" and report.notes[0]["beat"] == beat.id
    assert report.revisions.changed == [beat.id]
    assert revised.graph.beat(beat.id).lines[0].text == "This ledger says you lied!"
    assert "revised 1 beat" in report.summary()
    # a critic with nothing to say changes nothing
    critic_answers[:] = [{"notes": []}]
    same, report = critique(story, backend(url))
    assert same == story and report.summary() == "critic: nothing to fix"
