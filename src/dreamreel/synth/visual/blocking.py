"""Blocking: where each actor is, frame by frame, for a shot's staged action.

The camera says *what* happens (``Shot.action``: run, fight, embrace ...) and who leads it (the
first of ``on_screen``); this says how it moves on screen: an offset from the actor's mark in
pixels, a lean in degrees and a step bob, as a pure function of the shot's progress ``t`` (0..1)
so any frame can be drawn on its own (the renderer and its cache rely on that).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Move:
    dx: float = 0.0      # pixels from the actor's mark
    dy: float = 0.0      # pixels (down is positive)
    lean: float = 0.0    # degrees, about the feet
    facing: int = 0      # 0 keeps the actor's facing; +1/-1 turns them
    holds: bool = False  # the actor holds the shot's prop now


def _ease(t: float) -> float:
    t = min(1.0, max(0.0, t))
    return t * t * (3 - 2 * t)


def _span(t: float, a: float, b: float) -> float:
    """Progress through [a, b] of the shot, eased."""
    return _ease((t - a) / max(1e-6, b - a))


def _bob(t: float, seconds: float, rate: float, amp: float) -> float:
    return -abs(math.sin(t * seconds * rate * math.pi)) * amp


def move(action: str | None, k: int, n: int, t: float, *, x: float, width: float, scale: float,
         seconds: float, others: list[float]) -> Move:
    """Actor ``k`` of ``n`` (0 leads) at progress ``t`` of a ``seconds``-long shot; ``x`` is their
    mark, ``others`` the marks of everyone on screen (for moving toward a partner); ``scale`` is
    pixels per puppet unit (a person is ~100 units tall)."""
    if action is None or n == 0:
        return Move()
    lead = k == 0
    partner = others[1] if lead and n > 1 else others[0] if n > 1 else x
    toward = 1 if partner >= x else -1
    step = 14 * scale  # a stride, in pixels
    if action == "enter" and lead:
        side = -1 if x < width / 2 else 1
        off = (x - (-0.15 * width if side < 0 else 1.15 * width))
        p = _span(t, 0.0, 0.5)
        return Move(dx=-off * (1 - p), dy=_bob(t, seconds, 2.2, 2 * scale) if p < 1 else 0.0,
                    facing=-side if p < 1 else 0)
    if action == "exit" and lead:
        side = -1 if x < width / 2 else 1
        off = (-0.15 * width if side < 0 else 1.15 * width) - x
        p = _span(t, 0.5, 1.0)
        return Move(dx=off * p, dy=_bob(t, seconds, 2.2, 2 * scale) if 0 < p < 1 else 0.0,
                    facing=side if p > 0 else 0)
    if action == "walk":  # everyone walks together, the way the leader was facing
        d = 1 if others[0] <= width / 2 else -1
        # walking pace: about a tenth of the frame every two seconds, whatever the shot's length
        reach = min(0.3, 0.05 * seconds) * width
        return Move(dx=d * reach * (t - 0.5), dy=_bob(t, seconds, 2.0, 1.5 * scale), facing=d)
    if action in ("run", "chase"):
        runner = lead or action == "chase" and k == 1
        if not runner:
            return Move(facing=1 if x < width / 2 else -1)
        lag = 0.12 if k == 1 else 0.0
        p = min(1.0, max(0.0, t - lag) / (1 - lag))
        return Move(dx=(p - 0.5) * 0.7 * width - (x - width / 2) * p, dy=_bob(t, seconds, 3.2, 4 * scale),
                    lean=8, facing=1)
    if action == "fight" and k < 2 and n > 1:
        gap = abs(partner - x)
        close = max(0.0, gap - 30 * scale) * 0.5 * _span(t, 0.0, 0.25)
        jab = math.sin(t * seconds * 2.6 * math.pi)
        return Move(dx=toward * (close + max(0.0, jab) * step * 0.6), lean=toward * (10 * max(0.0, jab)),
                    dy=_bob(t, seconds, 1.3, 1.5 * scale), facing=toward)
    if action == "fall" and lead:
        p = _span(t, 0.35, 0.55)
        return Move(lean=-82 * p, dy=-4 * scale * math.sin(p * math.pi))
    if action == "embrace" and k < 2 and n > 1:
        gap = abs(partner - x)
        return Move(dx=toward * max(0.0, gap / 2 - 12 * scale) * _span(t, 0.0, 0.6), facing=toward,
                    lean=toward * 6 * _span(t, 0.4, 0.7))
    if action == "dance":
        ph = t * seconds * 1.1 * math.pi + k * 1.3
        return Move(dx=math.sin(ph) * step * 0.8, dy=-abs(math.sin(ph * 2)) * 3 * scale, lean=math.sin(ph) * 8,
                    facing=1 if math.cos(ph) > 0 else -1)
    if action == "hide" and lead:
        side = -1 if x < width / 2 else 1
        p = _span(t, 0.1, 0.5)
        return Move(dx=side * 0.12 * width * p, dy=22 * scale * p, lean=-side * 10 * p)
    if action == "pick_up" and lead:
        bend = math.sin(_span(t, 0.2, 0.6) * math.pi)
        return Move(lean=18 * bend, dy=3 * scale * bend, holds=t >= 0.45)
    if action == "hand_over" and k < 2 and n > 1:
        gap = abs(partner - x)
        p = _span(t, 0.0, 0.4)
        return Move(dx=toward * max(0.0, gap / 2 - 24 * scale) * p, facing=toward,
                    holds=(t < 0.55) if lead else (t >= 0.55))
    return Move()


#: Actions that carry the mover far across the frame: a creature on a table top whose run would
#: pass the edge runs the other way along the top instead, off the frame where the table goes on.
LEAVING = ("run", "chase", "enter", "exit")


def crosses_edge(path: list[Move], *, x: float, left: float, right: float, pad: float) -> bool:
    """Whether a move (sampled over the shot) passes the edge of a table top that ends in the frame."""
    return any((x + m.dx > right - pad and not math.isinf(right)) or (x + m.dx < left + pad and not math.isinf(left))
               for m in path)


def turned(mv: Move, *, left: float) -> Move:
    """The move mirrored, toward the side where the table top runs out of the frame (left when its
    left edge is off the frame), facing the way it goes."""
    return replace(mv, dx=-mv.dx, facing=-1 if math.isinf(left) else 1)


def on_surface(mv: Move, action: str | None, *, x: float, left: float, right: float, pad: float,
               flies: bool = False) -> Move:
    """Keep a small creature standing on a table top (``left``..``right`` in pixels; an edge off the
    frame is +-inf) on it: its feet never pass an edge into thin air or sink into the top. A move
    toward someone beside the table (a fight, a hand-over) stops at the edge; a flier leaving
    (``LEAVING``) rises away off the edge. (A run that would pass the edge is ``turned`` first by
    the caller: in a medium shot the floor is below the frame, so a hop down landed on nothing.)
    ``pad`` keeps the body's middle that far inside."""
    lo, hi = left + pad, right - pad
    feet = x + mv.dx
    if lo <= feet <= hi:
        return replace(mv, dy=min(mv.dy, 0.0))
    edge = hi if feet > hi else lo
    if action in LEAVING and flies:
        u = abs(feet - edge) / (2 * pad)  # the flight, in units of two body lengths past the edge
        return replace(mv, dy=-u * 1.5 * pad - 0.5 * pad * math.sin(min(u, 1.0) * math.pi))
    return replace(mv, dx=edge - x, dy=min(mv.dy, 0.0))
