"""The LLM writes a whole story: seconds, calls and tokens per stage, and how many parts the
model made against how many fell back to the planner. Prints JSON.

The model is the small GGUF model from the package registries (gemma3 270M, Q4_K_M) run in
process by llama-cpp-python under a grammar from each stage's JSON Schema, or any backend spec
(``--llm openai:http://127.0.0.1:8080/v1``). One request, one episode by default; the machine's
other work counts against the seconds.

    python bench/llm_story.py ["a request"] [--llm gguf] [--episodes 1] [--threads 1] [--seed 1] [--beats N]
"""

import argparse
import json
import sys
import time

from dreamreel.model import Request
from dreamreel.narrative.llm.gguf import GGUFBackend
from dreamreel.narrative.llm.registry import get_backend
from dreamreel.narrative.llm_graph import write_with
from dreamreel.narrative.llm_plan import Budget
from dreamreel.narrative.validate import validate


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("request", nargs="?", default="a ghost who haunts a lighthouse keeper")
    ap.add_argument("--llm", default="gguf")
    ap.add_argument("--episodes", type=int, default=1)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rating", default="PG")
    ap.add_argument("--max-tokens", type=int, default=None)
    ap.add_argument("--show", type=int, default=3, help="beats whose text to print as the model wrote it")
    ap.add_argument("--beats", type=int, default=None, help="write only the first N beats (the rest: the planner's)")
    ap.add_argument("--progress", action="store_true", help="say each part as it is begun, on stderr")
    args = ap.parse_args()

    backend = GGUFBackend(n_threads=args.threads) if args.llm == "gguf" else get_backend(args.llm)
    started = time.perf_counter()
    if isinstance(backend, GGUFBackend):
        backend._load()
    load = time.perf_counter() - started
    request = Request(prompt=args.request, rating=args.rating, episodes=args.episodes)
    started = time.perf_counter()
    def progress(what: str) -> None:
        if args.progress:
            print(f"{time.perf_counter() - started:7.1f} s  {what}", file=sys.stderr, flush=True)
    story, report = write_with(backend, request, seed=args.seed, budget=Budget(backend, tokens=args.max_tokens),
                               beats=args.beats, progress=progress)
    wall = time.perf_counter() - started
    stages = {name: {k: round(v, 2) if isinstance(v, float) else v for k, v in d.items()}
              for name, d in report.per_stage().items()}
    fell_back: dict[str, list[str]] = {}
    for s in report.stages:
        if s.outcome == "planner" and s.problems:
            fell_back.setdefault(s.name, []).append(f"{getattr(s, 'part', '')}: {s.problems[-1][:140]}")
    by_model = {getattr(s, "part", "") for s in report.stages if s.name == "beats" and s.outcome != "planner"}
    written = [b for b in story.graph.beats if b.id in by_model]
    print(json.dumps({
        "request": args.request, "backend": f"{backend.name}: {backend.version}", "load_s": round(load, 1),
        "wall_s": round(wall, 1), "valid": validate(story).ok, "written_by": story.generator["written_by"],
        "parts_by_model": sum(d["by_model"] for d in stages.values()),
        "parts_by_planner": sum(d["parts"] - d["by_model"] for d in stages.values()),
        "stages": stages, "why_planner": {k: v[:4] for k, v in fell_back.items()},
        "title": story.bible.title, "episodes": [f"{e.title}: {e.synopsis}" for e in story.graph.episodes],
        "sample": [{"beat": b.id, "title": b.title, "narration": b.narration, "action": b.action,
                    "lines": [f"{ln.speaker}: {ln.text}" for ln in b.lines]} for b in written[:args.show]],
    }, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
