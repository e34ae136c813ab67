"""A reader's check of stories against the requests that asked for them; prints JSON.

    python bench/requests_check.py                 # the public set (bench/requests/public.toml)
    python bench/requests_check.py --set heldout   # a set kept aside: report, never tune to it (also heldout2, heldout3)

The request sets were written by someone who had not seen the engine (bench/requests/README.md).
This check reads only the finished story, the way a reader would, and shares nothing with the
planner: no vocabulary, no premise, no shape. Per set it reports:

- element_coverage: the share of asked-for elements a reader finds in at least two beats (an
  element's accept words, whole words, in a beat's narration, action, lines, choices, the name of
  the place it happens in, or what its characters are); eras also count when the world's era
  names them.
- constraint_violations: validator errors, a rating above the one asked for, a wrong episode count.
- sentence reuse across requests, across requests that share no plot shape (what is left is the
  engine's voice, not a plot told twice) and across a series' episodes (character names normalised),
  distinct-2 (distinct word pairs over all pairs), choices whose state a later condition reads
  (what the options set, or what the beat each leads to sets on entry) and the mean number of
  conditions reading it per choice, and seconds per story.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
import tomllib
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent
RATINGS = ("G", "PG", "PG-13", "R")


def beat_texts(story) -> dict[str, str]:
    """What a reader sees of each beat: its words (a line's delivery as a screenplay marks it),
    its place's name, who its people are."""
    bible = story.bible
    places = {p.id: p.name for p in bible.world.places}
    people = {c.id: " ".join(filter(None, [c.archetype, getattr(c, "job", None)])) for c in bible.cast}
    out = {}
    for b in story.graph.beats:
        parts = [b.title, places.get(b.place, ""), b.narration, b.action]
        # A line's delivery reads as a screenplay's parenthetical: "(sings)", "(to camera)".
        for ln in b.lines:
            how = getattr(ln, "delivery", "spoken")
            parts.append(f"({how.replace('_', ' ')}) {ln.text}" if how != "spoken" else ln.text)
        parts += [people.get(c, "") for c in b.characters]
        if b.choice:
            parts += [b.choice.prompt, *(o.text for o in b.choice.options)]
        out[b.id] = " ".join(parts).lower()
    return out


def found(accept: list[str], text: str) -> bool:
    for a in accept:
        pattern = r"(?<![\w])" + re.escape(a.lower()) + r"(?:s|es)?(?![\w])"
        if re.search(pattern, text):
            return True
    return False


def sentences(story) -> list[tuple[int, str]]:
    """(episode, sentence) with the cast's names replaced, so "Ana hides" and "Bo hides" match."""
    names = sorted({w for c in story.bible.cast for w in c.name.split() if len(w) > 1}, key=len, reverse=True)
    pat = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b") if names else None
    out = []
    for b in story.graph.beats:
        for text in [b.narration, b.action, *(ln.text for ln in b.lines)]:
            for s in re.split(r"(?<=[.!?])\s+", text.strip()):
                if len(s.split()) >= 4:
                    s = pat.sub("NAME", s) if pat else s
                    out.append((b.episode, s.lower()))
    return out


def choice_reads(story) -> tuple[int, int, list[int]]:
    """Choices, those whose effects a later condition reads, and the reads per choice."""
    g = story.graph
    sites: list[set[str]] = []
    for b in g.beats:
        for e in b.next:
            if e.condition:
                sites.append(e.condition.reads())
        for o in b.choice.options if b.choice else []:
            if o.condition:
                sites.append(o.condition.reads())
    for grp in g.groups:
        for c in grp.candidates:
            if c.condition:
                sites.append(c.condition.reads())
    beats = {b.id: b for b in g.beats}
    groups = {x.id: x for x in g.groups}

    def entered(target: str) -> set[str]:
        if target in groups:
            return set().union(*(entered(c.target) for c in groups[target].candidates))
        return {e.var for e in beats[target].effects} if target in beats else set()

    total, read, counts = 0, 0, []
    for b in g.beats:
        if not b.choice:
            continue
        total += 1
        # What the options set, and what the beats they lead to set on entry (an ending records how
        # the episode ended, which the next episode's opening reads).
        writes = {e.var for o in b.choice.options for e in o.effects}
        writes |= set().union(*(entered(o.target) for o in b.choice.options))
        n = sum(1 for s in sites if s & writes)
        counts.append(n)
        read += n > 0
    return total, read, counts


def check(set_name: str, seed: int) -> dict:
    from dreamreel.errors import DreamreelError
    from dreamreel.model import Request
    from dreamreel.narrative.planner import plan
    from dreamreel.narrative.validate import validate

    reqs = tomllib.loads((HERE / "requests" / f"{set_name}.toml").read_text())["requests"]
    kept = total = 0
    by_kind: dict[str, list[int]] = {}
    violations: list[str] = []
    refused: list[str] = []
    times: list[float] = []
    all_sentences: list[set[str]] = []
    all_shapes: list[set[str]] = []
    series_reuse: list[float] = []
    pairs_total, pairs = 0, Counter()
    choices = read = 0
    reads: list[int] = []
    missed: dict[str, list[str]] = {}
    for r in reqs:
        t0 = time.perf_counter()
        try:
            story = plan(Request(prompt=r["prompt"]), seed=seed)
        except DreamreelError as e:
            refused.append(f"{r['id']}: {e}")
            continue
        times.append(time.perf_counter() - t0)
        texts = beat_texts(story)
        era_text = f"{story.bible.world.era} {story.bible.style.era}".lower()
        for el in r["elements"]:
            hits = sum(found(el["accept"], t) for t in texts.values())
            ok = hits >= 2 or (el["kind"] == "era" and found(el["accept"], era_text))
            kept += ok
            total += 1
            by_kind.setdefault(el["kind"], []).append(int(ok))
            if not ok:
                missed.setdefault(r["id"], []).append(el["name"])
        report = validate(story)
        if not report.ok:
            violations.append(f"{r['id']}: {report.summary()}")
        if "rating" in r and RATINGS.index(story.request.rating) > RATINGS.index(r["rating"]):
            violations.append(f"{r['id']}: rated {story.request.rating}, asked {r['rating']}")
        if "episodes" in r and len(story.graph.episodes) != min(12, r["episodes"]):
            violations.append(f"{r['id']}: {len(story.graph.episodes)} episodes, asked {r['episodes']}")
        sents = sentences(story)
        all_sentences.append({s for _, s in sents})
        all_shapes.append(set(str(story.generator.get("shapes", "")).split("+")))
        by_ep: dict[int, set[str]] = {}
        for ep, s in sents:
            by_ep.setdefault(ep, set()).add(s)
        if len(by_ep) > 1:
            seen: set[str] = set()
            later = repeated = 0
            for ep in sorted(by_ep):
                if ep > 1:
                    later += len(by_ep[ep])
                    repeated += len(by_ep[ep] & seen)
                seen |= by_ep[ep]
            series_reuse.append(repeated / max(1, later))
        words = " ".join(s for _, s in sents).split()
        for a, b in zip(words, words[1:]):
            pairs[(a, b)] += 1
            pairs_total += 1
        c, rd, counts = choice_reads(story)
        choices, read = choices + c, read + rd
        reads += counts
    shared, unrelated = [], []
    for i, mine in enumerate(all_sentences):
        others = set().union(*(s for j, s in enumerate(all_sentences) if j != i)) if len(all_sentences) > 1 else set()
        shared.append(len(mine & others) / max(1, len(mine)))
        # Stories that share no plot shape with this one: what is common there is the engine's
        # voice (genre lines, openings), not a plot told twice.
        apart = [s for j, s in enumerate(all_sentences) if j != i and not (all_shapes[j] & all_shapes[i])]
        if apart:
            unrelated.append(len(mine & set().union(*apart)) / max(1, len(mine)))
    return {
        "set": set_name, "requests": len(reqs), "stories": len(times), "refused": refused,
        "element_coverage": round(kept / max(1, total), 3), "elements": total,
        "coverage_by_kind": {k: round(sum(v) / len(v), 3) for k, v in sorted(by_kind.items())},
        "constraint_violations": len(violations), "violations": violations[:20],
        "sentence_reuse_across_requests": round(statistics.mean(shared), 3) if shared else None,
        "sentence_reuse_across_unrelated_requests": round(statistics.mean(unrelated), 3) if unrelated else None,
        "sentence_reuse_across_episodes": round(statistics.mean(series_reuse), 3) if series_reuse else None,
        "distinct_2": round(len(pairs) / max(1, pairs_total), 3),
        "choices": choices, "choices_read_later": round(read / max(1, choices), 3),
        "reads_per_choice": round(statistics.mean(reads), 2) if reads else 0,
        "seconds_per_story": round(statistics.median(times), 3) if times else None,
        "seconds_per_story_max": round(max(times), 3) if times else None,
        "missed": missed,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="public", choices=["public", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "public2", "public3"])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--missed", action="store_true", help="list the elements each request lost")
    a = ap.parse_args()
    result = check(a.set, a.seed)
    if not a.missed:
        result.pop("missed")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
