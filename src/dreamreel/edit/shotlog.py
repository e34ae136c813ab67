"""The shot log: what each shot of a film shows, as the renderer draws it.

For every shot: the place (its id, kind and name, the time of day and weather), each character on
screen (who, the species asked for and the shape drawn, their costume), the props (asked for and
drawn), the action staged, and what was drawn as something else (``substituted``: one line each,
the same words as the note ``dreamreel make`` prints). The OTIO timeline keeps it in each clip's
``metadata["dreamreel"]["drawn"]`` (``edit.timeline``); ``entries`` reads it back in film order
for ``dreamreel shotlog`` and ``dreamreel contact-sheet``.

What is "drawn" is the built-in procedural renderer's reading of the shot (``synth.visual``:
``creatures.drawn_as``, the costumes in ``puppets.COSTUMES``, ``objects.find``, and
``substitutes.place_note`` for a room drawn plain because nothing in its words is known).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import BadInputError
from ..model.bible import Bible, Character
from ..model.pack import IconRef
from ..model.shot import Shot

#: What the renderer draws for a prop it has no drawing of (``procedural``: held as a letter).
FALLBACK_PROP = "folded letter"


def _costume(c: Character) -> dict[str, Any]:
    from ..synth.visual.puppets import COSTUMES, HATS

    worn = c.look.clothing.lower()
    known = next((x for x in COSTUMES if any(w in worn for w in x[0])), None)
    hat = next((a for a in c.look.accessories if any(h in a.lower() for h in HATS)), None) \
        or (known[3] if known else None)
    return {"clothing": c.look.clothing, "known_as": known[0][0] if known else None,
            "colors": list(c.look.clothing_colors), "headwear": hat,
            "accessories": [a for a in c.look.accessories if a != hat]}


def character(cid: str, bible: Bible | None, *, focus: bool = False) -> dict[str, Any]:
    """One character as drawn: who, the species asked for, the shape drawn, the costume."""
    from ..synth.visual.creatures import body_plan, drawn_as, mechanical

    who = next((c for c in bible.cast if c.id == cid), None) if bible is not None else None
    if who is None:
        return {"id": cid, "name": cid, "species": None, "drawn_as": None, "substituted": None,
                "costume": None, "focus": focus}
    shape, sub = drawn_as(who.look.species)
    plan = body_plan(who.look.species)
    person = plan is None  # drawn as a person (human, humanoid, robot): dressed
    if plan is not None and plan.shape != "vehicle" and mechanical(who):  # brass, rivets, a winding key
        shape = f"mechanical {shape}"
    return {"id": cid, "name": who.name, "species": who.look.species, "drawn_as": shape, "substituted": sub,
            "age": who.look.age, "costume": _costume(who) if person else None, "focus": focus}


def prop(named: str, year: int | None = None) -> dict[str, Any]:
    """A prop as drawn (in a world of the past, the thing of its ``year`` that stands for it: a
    smartphone in 1920 is a telephone); ``asset``: the icon library it came from (its licence and
    credit), if any."""
    from ..synth.visual import icons, objects

    found = objects.find(named, year)
    out: dict[str, Any] = {"named": named, "drawn": found or FALLBACK_PROP,
                           "substituted": found is None or found != objects.find(named)}
    ref = icons.ref(found) if found is not None else None
    if ref is not None:
        out["asset"] = f"{ref.icon_set}:{ref.icon} ({ref.licence.attribution})"
    return out


def icons_shown(shots: list[Shot], bible: Bible) -> list[IconRef]:
    """The icons (``synth.visual.icons``) these shots show, once each, in order: what the film's
    manifest lists as ingredients with their licences."""
    from ..synth.visual import icons

    out: dict[tuple[str, str], IconRef] = {}
    for shot in shots:
        for p in drawn(shot, bible)["props"]:
            ref = icons.ref(p["drawn"]) if not p["substituted"] or p["drawn"] != FALLBACK_PROP else None
            if ref is not None:
                out.setdefault((ref.icon_set, ref.icon), ref)
    return list(out.values())


def drawn(shot: Shot, bible: Bible | None = None) -> dict[str, Any]:
    """What ``shot`` shows (see the module docstring); ``bible`` gives names, species and costumes."""
    if bible is not None:  # an insert of a thing that is a place ("the bridge") shows that place
        from ..synth.visual.procedural import cutaway_of

        shot = cutaway_of(bible, shot)
    place = next((p for p in bible.world.places if p.id == shot.place), None) if bible is not None else None
    out: dict[str, Any] = {
        "place": {"id": shot.place, "kind": shot.place_kind, "name": place.name if place else shot.place,
                  "time_of_day": shot.time_of_day, "weather": shot.weather},
        "characters": [], "props": [], "action": shot.action, "card": None, "substituted": []}
    if shot.kind in ("title", "end"):
        out["card"] = shot.caption or ("The End" if shot.kind == "end" else "")
        return out
    if place is not None and bible is not None:
        from ..synth.visual.procedural import as_on, built_as, era_year
        from ..synth.visual.substitutes import place_note

        seen = as_on(bible, shot)  # as drawn: no rain falls on the Moon, nor does its sky redden at dusk
        out["place"]["time_of_day"], out["place"]["weather"] = seen.time_of_day, seen.weather
        built = built_as(bible, shot)
        if built is not None:  # a people of the past's own place (a longhouse, a Roman palace hall)
            out["place"]["built_as"] = built

        note = place_note(place, shot.place_kind, era_year(bible), bible.world.name)
        if note is not None:
            out["substituted"].append(note)
    out["characters"] = [character(cid, bible, focus=cid == shot.focus) for cid in shot.on_screen]
    things = list(shot.props)
    if bible is not None:  # (a thing that is one of the world's places is not held: procedural.place_named)
        from ..synth.visual.procedural import place_named

        things = [t for t in things if place_named(bible, t) is None]
    if (shot.kind == "insert" or shot.size == "insert") and not things:
        # an insert draws what its caption names (procedural.draw_insert), else the film's title's
        things = [shot.caption or (bible.title if bible is not None else "")]
    year = None
    if bible is not None:
        from ..synth.visual.procedural import era_year

        year = era_year(bible)
    out["props"] = [prop(t, year) for t in things if t]
    for c in out["characters"]:
        if c["substituted"]:
            out["substituted"].append(f"{c['name']} ({c['substituted']}) is drawn as a {c['drawn_as']}: "
                                      f"the renderer has no {c['substituted']} yet")
    for p in out["props"]:
        if p["substituted"]:
            out["substituted"].append(f"{p['named']} is drawn as a {FALLBACK_PROP}: the renderer has no "
                                      f"drawing of it yet")
    return out


# -- reading it back -----------------------------------------------------------------------------

def timeline_path(film: str | Path) -> Path:
    """The .otio that logs ``film`` (an MP4, whose .otio is beside it, or the .otio itself)."""
    film = Path(film)
    otio_path = film if film.suffix.lower() == ".otio" else film.with_suffix(".otio")
    if not otio_path.is_file():
        if film.suffix.lower() == ".mp4" and not film.exists():
            raise BadInputError(f"{film}: no such film")
        raise BadInputError(f"{otio_path}: no timeline beside the film; make the film with --keep "
                            f"(`dreamreel make ... -o {film.with_suffix('.mp4').name} --keep`) to keep its shot log")
    return otio_path


def entries(film: str | Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The film's timeline metadata and its shot log, one entry a shot in film order: number,
    shot id, beat, episode, kind, size, move, first frame and frame count, start and length in
    seconds, and what is drawn."""
    import opentimelineio as otio

    from .timeline import read_otio

    path = timeline_path(film)
    try:
        tl = read_otio(path)
    except Exception as e:  # noqa: BLE001 - OTIO raises its own exception types for bad files
        raise BadInputError(f"{path}: not a readable OTIO timeline ({type(e).__name__}: {e})") from None
    meta = dict(tl.metadata.get("dreamreel", {}))
    video = next((t for t in tl.tracks if t.kind == otio.schema.TrackKind.Video), None)
    if video is None or "fps" not in meta:
        raise BadInputError(f"{path}: not a dreamreel timeline (no picture track or no film metadata)")
    log: list[dict[str, Any]] = []
    for clip in video.find_clips():
        d = clip.metadata.get("dreamreel", {})
        shot = Shot.model_validate(dict(d["shot"])) if "shot" in d else None
        if shot is None:
            continue
        where = clip.range_in_parent()
        what = d.get("drawn")
        log.append({
            "number": len(log) + 1, "shot": shot.id, "beat": shot.beat, "episode": shot.episode,
            "kind": shot.kind, "size": shot.size, "move": shot.move,
            "frame": round(where.start_time.to_frames()), "frames": round(where.duration.to_frames()),
            "start": round(where.start_time.to_seconds(), 3), "seconds": round(where.duration.to_seconds(), 3),
            # a timeline written before the shot log: what the shot spec alone says
            "drawn": _plain(what) if what is not None else drawn(shot)})
    meta["title"] = tl.name
    return _plain(meta), log


def _plain(x: Any) -> Any:
    """OTIO's AnyDictionary / AnyVector as plain dicts and lists (for JSON)."""
    if hasattr(x, "items"):
        return {str(k): _plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)) or type(x).__name__ == "AnyVector":
        return [_plain(v) for v in x]
    return x


def clock(seconds: float) -> str:
    """m:ss.s"""
    m, s = divmod(seconds, 60)
    return f"{int(m)}:{s:04.1f}"


def who(entry: dict[str, Any]) -> str:
    """The characters on screen, as a short phrase: "Ada (dragon), Tom"."""
    parts = []
    for c in entry["drawn"]["characters"]:
        shape = c.get("drawn_as")
        kind = f" ({shape})" if shape and shape != "human" else ""
        if c.get("substituted"):
            kind = f" ({c['substituted']} as {shape})"
        parts.append(f"{c['name']}{kind}")
    return ", ".join(parts)


def row(entry: dict[str, Any]) -> dict[str, str]:
    """One shot as the columns of the printed table."""
    d = entry["drawn"]
    place = d["place"]
    costumes = []
    for c in d["characters"]:
        cos = c.get("costume")
        if cos:
            costumes.append(f"{c['name']}: {cos['known_as'] or cos['clothing']}"
                            + (f", {cos['headwear']}" if cos.get("headwear") else ""))
    props = [f"{p['named']} (as a {p['drawn']})" if p["substituted"] else p["named"] for p in d["props"]]
    return {
        "#": str(entry["number"]), "time": clock(entry["start"]), "length": f"{entry['seconds']:.1f}s",
        "shot": f"{entry['kind']} {entry['size'].replace('_', '-')}",
        "place": f"{place['name']} ({place.get('built_as') or place['kind'].replace('_', ' ')})",
        "who": f"card: {d['card']}" if d.get("card") is not None else who(entry),
        "costume": "; ".join(costumes), "props": ", ".join(props), "action": (d.get("action") or "").replace("_", " "),
    }
