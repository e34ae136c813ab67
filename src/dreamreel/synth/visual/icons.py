"""Props from an open-licensed vector icon library, for the things ``objects`` has no drawing of.

The procedural drawings in :mod:`.objects` cover the props stories name most (a key, a crown, a
gavel, a periscope ...). For the rest (an anvil, handcuffs, a microscope, a harp ...) the
renderer draws an icon from Game Icons (game-icons.net: 4,000 silhouettes by Lorc, Delapouite
and others, CC BY 3.0), installed from npm in the Iconify JSON format:

    npm install --prefix ~/.local/share/dreamreel/icons @iconify-json/game-icons

(``DREAMREEL_ICONS`` names another folder; any ``@iconify-json/*`` set whose licence fits is
read, but only the icons in ``ICON_PROPS`` are drawn.) Without it those props are drawn as a
folded letter, as before, and the shot log says so.

A set is used only if its package says its licence and that licence fits films (``FIT``:
public-domain, permissive and attribution licences; share-alike is refused, as it would bind
the film's own licence); a set that cannot be read or names no licence is refused with one
line before any work (:func:`check`, run by the renderer's ``requires``). Each icon a film shows
is recorded with its set's licence and credit as a C2PA ingredient (``trust.licences``).

An icon is drawn from its SVG by skia's SVG renderer, recorded once per colour into a picture:
filled with the prop's colour graded like every colour in the shot, over a dark outline so a
silhouette reads against any background.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import skia

from ...errors import BadInputError
from ...model.pack import IconRef, Licence
from .looks import Grade

#: Licences (SPDX) a film may carry an icon under: the credit goes in its manifest.
FIT = {"CC0-1.0", "MIT", "Apache-2.0", "ISC", "BSD-2-Clause", "BSD-3-Clause", "CC-BY-3.0", "CC-BY-4.0", "OFL-1.1"}
#: Where sets are looked for (``DREAMREEL_ICONS`` first): npm's ``--prefix`` folders.
DEFAULT_DIRS = ("~/.local/share/dreamreel/icons",)
INSTALL = "npm install --prefix ~/.local/share/dreamreel/icons @iconify-json/game-icons"

#: prop -> (icon set, icon, colour, the words that name it). A word here wins over the same
#: word in ``objects.PROPS``: those are the stand-ins (an hourglass drawn as a clock, a guitar
#: as a violin, a helmet as a hat) and the hand drawings that read worst (a periscope, a tiara).
ICON_PROPS: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "anvil": ("game-icons", "anvil", "#5a5e66", ("anvil",)),
    "anchor": ("game-icons", "anchor", "#4a5866", ("anchor",)),
    "axe": ("game-icons", "wood-axe", "#8a8e96", ("axe", "hatchet", "battleaxe")),
    "bow": ("game-icons", "pocket-bow", "#8a5a30", ("bow and arrow", "longbow", "arrows", "arrow", "quiver")),
    "crossbow": ("game-icons", "crossbow", "#7a5a3a", ("crossbow",)),
    "shield": ("game-icons", "shield", "#8a6a3a", ("shield", "buckler")),
    "hammer": ("game-icons", "claw-hammer", "#7a6a5a", ("hammer", "mallet")),
    "scales": ("game-icons", "scales", "#c8a040", ("scales", "balance", "scales of justice")),
    "handcuffs": ("game-icons", "handcuffs", "#a0a4aa", ("handcuffs", "cuffs", "manacles", "shackles")),
    "suitcase": ("game-icons", "suitcase", "#7a4a2a", ("suitcase", "luggage", "valise")),
    "briefcase": ("game-icons", "briefcase", "#3a2a1e", ("briefcase", "attache case", "attaché case")),
    "microscope": ("game-icons", "microscope", "#4a5a6a", ("microscope",)),
    "camera": ("game-icons", "photo-camera", "#2a2a2e", ("camera", "kodak")),
    "microphone": ("game-icons", "old-microphone", "#9aa0a8", ("microphone", "mic")),
    "trumpet": ("game-icons", "trumpet", "#d8b040", ("trumpet", "bugle", "cornet")),
    "drum": ("game-icons", "drum", "#a03a2a", ("drum", "drums", "tambour")),
    "harp": ("game-icons", "harp", "#c8a040", ("harp",)),
    "lyre": ("game-icons", "lyre", "#c8a040", ("lyre",)),
    "accordion": ("game-icons", "accordion", "#a02a2a", ("accordion", "concertina")),
    "guitar": ("game-icons", "guitar", "#a0622a", ("guitar", "banjo", "ukulele")),
    "broom": ("game-icons", "broom", "#a07a40", ("broom", "broomstick")),
    "ladder": ("game-icons", "ladder", "#8a6a40", ("ladder",)),
    "rope": ("game-icons", "rope-coil", "#b89a60", ("rope", "lasso", "noose")),
    "dynamite": ("game-icons", "dynamite", "#c0302a", ("dynamite", "explosive", "explosives", "bomb", "tnt")),
    "syringe": ("game-icons", "syringe", "#a8c0d0", ("syringe", "injection", "vaccine", "hypodermic")),
    "pills": ("game-icons", "pill", "#e0e0e8", ("pill", "pills", "capsule", "capsules")),
    "magnifier": ("game-icons", "magnifying-glass", "#6a5a40", ("magnifying glass", "magnifier", "loupe")),
    "teapot": ("game-icons", "teapot", "#8a9aa8", ("teapot", "kettle")),
    "bread": ("game-icons", "bread", "#c88a40", ("bread", "loaf", "baguette", "bun")),
    "horseshoe": ("game-icons", "horseshoe", "#8a8e96", ("horseshoe",)),
    "cards": ("game-icons", "card-random", "#e8e4dc", ("cards", "playing cards", "deck of cards", "tarot")),
    "chess": ("game-icons", "chess-knight", "#e8e0d0", ("chess", "chessboard", "chess piece")),
    "scissors": ("game-icons", "scissors", "#a0a4aa", ("scissors", "shears")),
    "spinning wheel": ("game-icons", "spinning-wheel", "#8a6a40", ("spinning wheel", "spindle", "loom")),
    "spade": ("game-icons", "spade", "#7a6a5a", ("spade", "shovel")),
    "pipe": ("game-icons", "smoking-pipe", "#6a3a1e", ("pipe", "tobacco pipe")),
    "cigar": ("game-icons", "cigar", "#7a4a2a", ("cigar", "cigars")),
    "cigarette": ("game-icons", "cigarette", "#e8e4dc", ("cigarette", "cigarettes")),
    "matches": ("game-icons", "match-tip", "#c0302a", ("match", "matches", "matchstick", "matchbox")),
    "lighter": ("game-icons", "lighter", "#a0a4aa", ("lighter", "zippo")),
    "spectacles": ("game-icons", "spectacles", "#3a3a3e", ("spectacles", "eyeglasses", "monocle", "pince-nez")),
    "boots": ("game-icons", "boots", "#5a3a22", ("boots", "boot", "shoes", "slipper", "glass slipper")),
    "saddle": ("game-icons", "saddle", "#7a4a2a", ("saddle",)),
    "tent": ("game-icons", "camping-tent", "#5a7a4a", ("tent",)),
    "backpack": ("game-icons", "backpack", "#5a6a3a", ("backpack", "rucksack", "knapsack", "satchel", "bag")),
    "trophy": ("game-icons", "trophy", "#d8b040", ("trophy", "prize", "award")),
    "torch": ("game-icons", "torch", "#a06a30", ("torch", "firebrand")),
    "lockpicks": ("game-icons", "lockpicks", "#a0a4aa", ("lockpick", "lockpicks", "picklock")),
    "padlock": ("game-icons", "padlock", "#c8a040", ("padlock", "lock")),
    "test tubes": ("game-icons", "test-tubes", "#60b0a0", ("test tube", "test tubes", "sample", "samples")),
    "crystal ball": ("game-icons", "crystal-ball", "#9a8ad0", ("crystal ball",)),
    "cauldron": ("game-icons", "cauldron", "#2e2e32", ("cauldron",)),
    "hourglass": ("game-icons", "hourglass", "#c8a060", ("hourglass", "sandglass", "egg timer")),
    "top hat": ("game-icons", "top-hat", "#1e1e22", ("top hat", "topper", "stovepipe hat")),
    "quill": ("game-icons", "quill-ink", "#e8e4dc", ("quill", "inkwell", "ink")),
    "beer": ("game-icons", "beer-stein", "#c89a40", ("beer", "tankard", "stein", "ale", "mead")),
    "cutlery": ("game-icons", "knife-fork", "#a0a4aa", ("fork", "cutlery", "silverware", "knife and fork")),
    "chef's hat": ("game-icons", "chef-toque", "#f0f0f0", ("toque", "chef's hat")),
    "stethoscope": ("game-icons", "stethoscope", "#3a3a3e", ("stethoscope",)),
    "bandage": ("game-icons", "bandage-roll", "#f0ece0", ("bandage", "bandages", "gauze")),
    "paintbrush": ("game-icons", "paint-brush", "#8a5a30", ("paintbrush", "brush", "paints")),
    "easel": ("game-icons", "easel", "#8a6a40", ("easel", "canvas")),
    "saw": ("game-icons", "hand-saw", "#8a8e96", ("saw", "handsaw")),
    "wrench": ("game-icons", "wrench", "#8a8e96", ("wrench", "spanner")),
    "screwdriver": ("game-icons", "screwdriver", "#c0302a", ("screwdriver",)),
    "walkie-talkie": ("game-icons", "walkie-talkie", "#2a2a2e", ("walkie-talkie", "walkie talkie", "two-way radio")),
    "projector": ("game-icons", "film-projector", "#3a3a3e", ("projector", "film projector", "reel", "film reel")),
    "television": ("game-icons", "tv", "#3a3a3e", ("television", "tv", "television set")),
    "satellite": ("game-icons", "satellite", "#a0a8b0", ("satellite",)),
    "rocket": ("game-icons", "rocket", "#d0d4d8", ("rocket", "missile")),
    "ray gun": ("game-icons", "ray-gun", "#60a0c0", ("ray gun", "raygun", "blaster", "phaser", "laser")),
    "musket": ("game-icons", "musket", "#6a4a2a", ("musket", "rifle", "shotgun", "blunderbuss")),
    "cannon": ("game-icons", "cannon", "#3a3a3e", ("cannon",)),
    "helmet": ("game-icons", "helmet", "#8a8e96", ("helmet",)),
    "basket": ("game-icons", "basket", "#b08a50", ("basket", "hamper", "picnic basket")),
    "watering can": ("game-icons", "watering-can", "#5a8a6a", ("watering can",)),
    "barrel": ("game-icons", "barrel", "#8a5a30", ("barrel", "keg", "cask")),
    "coffin": ("game-icons", "coffin", "#4a2e1e", ("coffin",)),
    "tombstone": ("game-icons", "tombstone", "#8a8e92", ("tombstone", "gravestone", "headstone", "grave")),
    "globe": ("game-icons", "globe", "#4a7aa0", ("globe",)),
    "newspaper": ("game-icons", "newspaper", "#e8e4dc", ("newspaper", "headline", "gazette", "tabloid")),
    "kite": ("game-icons", "kite", "#c03a3a", ("kite",)),
    "balloons": ("game-icons", "balloons", "#d04a6a", ("balloon", "balloons")),
    "present": ("game-icons", "present", "#c03a3a", ("present", "gift")),
    "cake": ("game-icons", "cake-slice", "#f0d8c0", ("cake", "pie", "tart", "slice of cake")),
    "carrot": ("game-icons", "carrot", "#e07a20", ("carrot", "carrots")),
    "martini": ("game-icons", "martini", "#c8d8e0", ("martini", "cocktail")),
    # drawn by hand too, but less recognisably (the icon wins when installed)
    "periscope": ("game-icons", "periscope", "#5a6a70", ("periscope",)),
    "tiara": ("game-icons", "tiara", "#e0c050", ("tiara",)),
    "revolver": ("game-icons", "revolver", "#3a3a40", ("gun", "revolver", "pistol", "handgun", "six-shooter")),
    "violin": ("game-icons", "violin", "#a0522a", ("violin", "fiddle", "cello", "viola")),
    "telescope": ("game-icons", "telescope", "#8a6a3a", ("telescope", "spyglass")),
}


class IconLibraryError(BadInputError):
    """An icon set that cannot be used: unreadable, no licence, or a licence that does not fit films."""


@dataclass(frozen=True)
class IconSet:
    prefix: str
    name: str
    version: str
    licence: Licence
    sha256: str
    icons: dict[str, str]  # icon -> SVG body
    size: int              # the icons' viewBox side


def _dirs() -> list[Path]:
    env = os.environ.get("DREAMREEL_ICONS")
    return [Path(p).expanduser() for p in ([env] if env else list(DEFAULT_DIRS))]


def _packages(root: Path) -> list[Path]:
    """The Iconify JSON packages under ``root`` (an npm prefix, its node_modules, or the scope)."""
    for scope in (root / "node_modules" / "@iconify-json", root / "@iconify-json", root):
        if scope.is_dir():
            return sorted(p for p in scope.iterdir() if (p / "icons.json").is_file())
    return []


def load_set(folder: Path) -> IconSet:
    """One installed set, checked; :class:`IconLibraryError` (one line) if it cannot be used."""
    where = f"icon set {folder}"
    try:
        raw = (folder / "icons.json").read_bytes()
        data = json.loads(raw)
        info_file = folder / "info.json"
        info = json.loads(info_file.read_text(encoding="utf-8")) if info_file.is_file() else data.get("info", {})
        package = json.loads((folder / "package.json").read_text(encoding="utf-8")) \
            if (folder / "package.json").is_file() else {}
    except (OSError, ValueError) as e:
        raise IconLibraryError(f"{where} cannot be read ({type(e).__name__}: {e}); reinstall it: {INSTALL}") from None
    icons = data.get("icons") if isinstance(data, dict) else None
    prefix = data.get("prefix") if isinstance(data, dict) else None
    if not isinstance(icons, dict) or not icons or not isinstance(prefix, str) \
            or not all(isinstance(v, dict) and isinstance(v.get("body"), str) for v in icons.values()):
        raise IconLibraryError(f"{where} is broken: icons.json holds no Iconify icons; reinstall it: {INSTALL}")
    lic = info.get("license") if isinstance(info, dict) else None
    spdx = lic.get("spdx") if isinstance(lic, dict) else None
    author = info.get("author") if isinstance(info, dict) else None
    holder = author.get("name") if isinstance(author, dict) else None
    if not spdx or not holder:
        raise IconLibraryError(f"{where} ({prefix}) says no licence or author, so it cannot be used in a film; "
                               f"remove it")
    if spdx not in FIT:
        why = "share-alike would bind the film's own licence" if "SA" in spdx.split("-") else "it does not fit films"
        raise IconLibraryError(f"{where} ({prefix}) is licensed {spdx}: {why}; remove it or use another set")
    name = str(info.get("name") or prefix)
    url = lic.get("url") if isinstance(lic.get("url"), str) and str(lic.get("url")).startswith("http") else None
    home = author.get("url") if isinstance(author.get("url"), str) else None
    credit = f"{name} by {holder}" + (f" ({home})" if home else "") + f", {lic.get('title') or spdx}"
    licence = Licence(name=spdx, holder=holder, url=url, attribution=credit[:200],
                      fan_works=True, commercial=not spdx.startswith("CC-BY-NC"))
    aliases = data.get("aliases") or {}
    bodies = {k: v["body"] for k, v in icons.items()}
    for alias, target in aliases.items():  # an alias names another icon (same drawing)
        if isinstance(target, dict) and target.get("parent") in bodies and not set(target) - {"parent"}:
            bodies[alias] = bodies[target["parent"]]
    size = int(data.get("height") or data.get("width") or 16)
    return IconSet(prefix, name, str(package.get("version") or "0"), licence,
                   hashlib.sha256(raw).hexdigest(), bodies, size)


@lru_cache(maxsize=1)
def _library(dirs: tuple[Path, ...]) -> dict[str, IconSet]:
    sets: dict[str, IconSet] = {}
    for root in dirs:
        for folder in _packages(root):
            s = load_set(folder)
            sets.setdefault(s.prefix, s)
    return sets


def library() -> dict[str, IconSet]:
    """The usable installed sets by prefix (raises :class:`IconLibraryError` for one that is not)."""
    return _library(tuple(_dirs()))


def check() -> None:
    """Refuse a broken or unlicensed icon set now, before any work (one line)."""
    library()


def available() -> dict[str, tuple[str, str, str, tuple[str, ...]]]:
    """The props of ``ICON_PROPS`` whose icon is installed."""
    try:
        sets = library()
    except IconLibraryError:
        return {}  # (``check`` says why; without it the props are letters, as without the library)
    return {k: v for k, v in ICON_PROPS.items() if v[0] in sets and v[1] in sets[v[0]].icons}


def digest() -> str:
    """What the installed icons draw, in a few characters (part of the renderer's version, so a
    shot drawn without the library is not reused once it is installed); "" without any."""
    try:
        sets = library()
    except IconLibraryError:
        return ""  # (refused by ``check`` before any film is made)
    return hashlib.sha256("|".join(f"{p}:{s.sha256}" for p, s in sorted(sets.items())).encode()).hexdigest()[:10] \
        if sets else ""


def ref(prop: str) -> IconRef | None:
    """The ingredient record of a prop drawn from an icon (None: drawn by hand, or not installed)."""
    entry = available().get(prop)
    if entry is None:
        return None
    s = library()[entry[0]]
    return IconRef(icon_set=s.prefix, set_name=s.name, version=s.version, icon=entry[1], licence=s.licence,
                   sha256=s.sha256)


def _hex(g: Grade, colour: str) -> str:
    r, gg, b = g.rgb(colour, lit=0.6)
    return "#{:02x}{:02x}{:02x}".format(*(round(v * 255) for v in (r, gg, b)))


@lru_cache(maxsize=256)
def _picture(prefix: str, icon: str, fill: str, line: str) -> skia.Picture | None:
    s = library()[prefix]
    body = s.icons[icon]
    n = s.size
    outline = max(1.0, n / 24)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {n} {n}" width="{n}" height="{n}">'
           f'<g color="{line}" stroke="{line}" stroke-width="{outline:.2f}" stroke-linejoin="round">{body}</g>'
           f'<g color="{fill}">{body}</g></svg>')
    dom = skia.SVGDOM.MakeFromStream(skia.MemoryStream(svg.encode(), True))
    if dom is None:
        return None
    rec = skia.PictureRecorder()
    dom.render(rec.beginRecording(skia.Rect(-n, -n, 2 * n, 2 * n)))
    return rec.finishRecordingAsPicture()


def draw(c: skia.Canvas, g: Grade, prop: str) -> bool:
    """Draw ``prop``'s icon centred on the origin, about 64 units across; False if it is not installed."""
    entry = available().get(prop)
    if entry is None:
        return False
    prefix, icon, colour, _ = entry
    pic = _picture(prefix, icon, _hex(g, colour), _hex(g, "#141418"))
    if pic is None:
        return False
    n = library()[prefix].size
    c.save()
    c.scale(64 / n, 64 / n)
    c.translate(-n / 2, -n / 2)
    c.drawPicture(pic)
    c.restore()
    return True
