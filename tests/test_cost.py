"""The cost of every film: measured CPU time by stage and episode, priced by a configurable
table, reported per film, episode, viewer and hour of film."""

import json
import os
import subprocess
import sys

import pytest

from dreamreel.cost.ledger import load, save
from dreamreel.cost.prices import DEFAULT, PriceTable, priced
from dreamreel.model import Request
from dreamreel.narrative.planner import plan
from dreamreel.production import make_film
from dreamreel.synth.voice import backend


def dreamreel(*args):
    return subprocess.run([sys.executable, "-m", "dreamreel.cli", *args], capture_output=True, text=True,
                          env=os.environ.copy(), timeout=300)


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cost")
    story = plan(Request(prompt="a cozy mystery", episodes=2, target_seconds=15), seed=6)
    from dreamreel.store.cache import Cache

    result = make_film(story, folder / "film.mp4", res="480p", voice=backend("espeak-ng"), cache=Cache(folder / "c"))
    return folder, result


def test_a_film_knows_what_it_cost_by_stage_and_episode(made):
    _, result = made
    report = result.cost
    assert set(report.film_seconds) == {"1", "2"} and abs(report.seconds - result.seconds) < 0.1
    spent = {(e.stage, e.episode) for e in report.entries if e.resource == "cpu_seconds"}
    assert {("pictures", 1), ("pictures", 2), ("production", 1), ("production", 2)} <= spent
    p = priced([report])
    assert 0 < p["total"] and p["films"][report.film]["episodes"].keys() == {"1", "2"}
    # the embedded default on a CPU: well under a cent per hour of film at the default prices
    assert p["per_hour_of_film"] < 0.05, p
    double = priced([report], PriceTable(cpu_hour=DEFAULT.cpu_hour * 2))
    assert abs(double["total"] - 2 * p["total"]) <= 2e-6  # (rounded to a millionth)


def test_dreamreel_cost_reports_per_film_viewer_and_hour(made, tmp_path):
    folder, result = made
    a = save(result.cost.model_copy(update={"viewer": "alice", "film": "one"}), tmp_path / "a.cost.json")
    (tmp_path / "sub").mkdir()
    save(result.cost.model_copy(update={"viewer": "bob", "film": "two"}), tmp_path / "sub" / "cost.json")
    assert load(a).viewer == "alice"
    proc = dreamreel("cost", str(tmp_path), "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert set(report["films"]) == {"one", "two"} and set(report["viewers"]) == {"alice", "bob"}
    assert report["per_hour_of_film"] > 0
    text = dreamreel("cost", str(a))
    assert text.returncode == 0 and "per hour of film" in text.stdout and "episode 2" in text.stdout
    prices = tmp_path / "prices.json"
    prices.write_text(json.dumps({"cpu_hour": -1}))
    bad = dreamreel("cost", str(a), "--prices", str(prices))
    assert bad.returncode == 2 and "cpu_hour" in bad.stderr
    none = dreamreel("cost", str(tmp_path / "nothing-here"))
    assert none.returncode == 2 and "no such file" in none.stderr


def test_a_storys_writing_is_charged_once_to_the_first_film_made_from_it():
    from dreamreel.model.cost import CostEntry, CostReport

    wrote = [CostEntry(stage="writing", resource="llm_prompt_tokens", amount=1000)]
    story = CostReport(film="s1", entries=wrote)  # story.cost.json, beside the story
    films = [CostReport(film=f"s1/{n}.mp4", film_seconds={"1": 10}, entries=[
        *wrote, CostEntry(stage="pictures", resource="cpu_seconds", amount=3600, episode=1)]) for n in "ab"]
    other = CostReport(film="s2", entries=wrote)  # another story, the same tokens: its own writing
    p = priced([story, *films, other], PriceTable(cpu_hour=1, llm_prompt_mtok=1000))
    assert p["stages"] == {"writing": 2.0, "pictures": 2.0} and p["total"] == 4.0
    assert set(p["films"]) == {"s1/a.mp4", "s1/b.mp4", "s2"}  # the story's own report: paid by film a
    assert p["films"]["s1/a.mp4"]["cost"] == 2.0 and p["films"]["s1/b.mp4"]["cost"] == 1.0
    assert p["resources"] == {"llm_prompt_tokens": 2000, "cpu_seconds": 7200}


def test_a_budget_makes_a_film_cheaper_before_it_refuses():
    from dreamreel.cost.budget import OverBudgetError, estimate, fit

    seconds = 60.0
    e1080, e720, e480 = (estimate(seconds, r) for r in ("1080p", "720p", "480p"))
    assert e1080 > e720 > e480 > 0
    assert fit(seconds, "720p", None).res == "720p"
    live = fit(seconds, "720p", e720 * 1.05, live=True)  # enough for 720p, not for drawing branches ahead
    assert live.res == "720p" and not live.prefetch and any("ahead" in n for n in live.notes)
    lower = fit(seconds, "1080p", (e720 + e480) / 2)
    assert lower.res == "480p" and any("480p instead of 1080p" in n for n in lower.notes)
    with pytest.raises(OverBudgetError, match="even at 480p"):
        fit(seconds, "720p", e480 / 2)
    with pytest.raises(OverBudgetError, match="left"):
        fit(seconds, "480p", e480 * 2, spent=e480 * 1.5)


def test_dreamreel_make_keeps_within_its_budget(tmp_path):
    from dreamreel.cost.budget import estimate

    proc = dreamreel("make", "a western", "-o", str(tmp_path / "no.mp4"), "--budget", "0.0000001")
    assert proc.returncode == 2 and "would cost about" in proc.stderr and not (tmp_path / "no.mp4").exists()
    between = (estimate(60, "720p") + estimate(60, "480p")) / 2
    ok = subprocess.run([sys.executable, "-m", "dreamreel.cli", "make", "a western, one episode of about a minute",
                         "-o", str(tmp_path / "yes.mp4"), "--budget", f"{between:.8f}"],
                        capture_output=True, text=True, env=os.environ.copy(), timeout=300)
    assert ok.returncode == 0, ok.stderr
    assert "480p instead of 720p" in ok.stderr
    # its cost report names the film it belongs to: the title, and the signed file's SHA-256
    import hashlib

    report = json.loads((tmp_path / "yes.cost.json").read_text())
    assert report["film"].endswith("/yes.mp4") and report["title"]
    assert report["sha256"] == hashlib.sha256((tmp_path / "yes.mp4").read_bytes()).hexdigest()
    import av

    with av.open(str(tmp_path / "yes.mp4")) as c:
        assert c.streams.video[0].codec_context.height == 480


def test_a_server_keeps_each_viewer_within_their_budget(tmp_path):
    import httpx

    from serving import running_server

    with running_server(tmp_path, make_kw={"voice": backend("espeak-ng")}, live_kw={"lead_s": None},
                        viewer_budget=0.0000001) as (base, _):
        client = httpx.Client(base_url=base, timeout=30)
        client.get("/")
        r = client.post("/api/films", json={"prompt": "a western", "seconds": 20})
        assert r.status_code == 402 and "would cost about" in r.json()["detail"]
        assert client.get("/api/films").json() == []  # refused before anything was made
