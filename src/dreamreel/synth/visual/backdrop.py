"""A shot's setting, rendered once into parallax layers and composited per frame.

Static and handheld shots flatten every layer into one opaque image (a frame costs one copy);
pans keep three depths (sky+far, mid, near) so nearer things slide further; push-ins scale the
flattened image. Close-ups blur the setting (shallow depth of field) so the face reads.
"""

import cv2
import numpy as np
import skia

from ...model.shot import Shot
from .layers import Sprite, opaque_image, surface
from .looks import Grade
from .dressing import ON_WALL, dress
from . import coast, eras
from . import flood
from .rooms import Room, draw_room
from .settings import BARE_KINDS, INTERIOR_KINDS, RECIPES, Kit, bare_ground, bridge

#: How far each layer moves in a pan, as a share of the pan: sky+far, mid, near (and the actors).
DEPTHS = (0.3, 0.65, 1.0)


def _blurred(arr: np.ndarray, sigma: float) -> np.ndarray:
    """Gaussian blur of premultiplied RGBA (the right space to blur in), edges clamped. OpenCV's
    is about ten times faster than skia's raster blur filter here."""
    return cv2.GaussianBlur(arr, (0, 0), sigma, borderType=cv2.BORDER_REPLICATE)


class Backdrop:
    """The setting of one shot, ready to draw at any point of its camera move."""

    def __init__(self, shot: Shot, grade: Grade, genres: frozenset[str], width: int, height: int, *,
                 pan_px: int, margin: int, zoom: float, blur: float, seed: int, year: int | None = None,
                 dressing: list[str] | None = None, view: str = "city", room: Room | None = None,
                 rural: bool = False, climate: str | None = None, towers_since: int = 1900,
                 region: str | None = None, country: str | None = None, culture: str | None = None,
                 site: str | None = None, body: str | None = None, war: bool = False, roadside: bool = False,
                 neon_since: int = 1925):
        self.width, self.height = width, height
        self.pan_px, self.margin = pan_px, margin
        lw, lh = width + pan_px + 2 * margin, height + 2 * margin
        arrays = [np.zeros((lh, lw, 4), np.uint8) for _ in range(4)]
        surfaces = [surface(a) for a in arrays]
        canvases = [s.getCanvas() for s in surfaces]
        s = lh / 100.0
        for c in canvases:
            # zoom about a point a little above the horizon, then work in units (100 = layer height)
            c.translate(lw / 2, lh * 0.58)
            c.scale(zoom, zoom)
            c.translate(-lw / 2, -lh * 0.58)
            c.scale(s, s)
        kit = Kit(*canvases, w=lw / s, g=grade, rng=np.random.default_rng(seed), tod=shot.time_of_day,
                  weather="rain" if shot.weather == "flood" else shot.weather,  # (a flood's sky is rain's)
                  genres=genres, year=year, view=view, rural=rural,
                  warm=climate is not None, tropical=climate == "tropical", towers_since=towers_since,
                  region=region, country=country, culture=culture, site=site, body=body, war=war, roadside=roadside,
                  neon_since=neon_since)
        # a place of a people of the past (a longhouse, a Roman palace), built their way (eras.py)
        built = eras.choose(eras.look_of(kit), shot.place_kind, site, room.wall if room is not None else None)
        shore = coast.coast_set(shot.place_kind, view, dressing or [], shot.weather) \
            if built is None and room is None and body is None else None
        named = list(dressing or [])
        if shore is not None or room is not None or shot.place_kind in INTERIOR_KINDS:
            # the shore's rocks, cliff, wreck and lighthouse are its own; no rocks or tower in a room,
            # nor the lamp room's lens twice
            dressing = [d for d in dressing or [] if d not in coast.OWN.get(shore or "", coast.COAST_PIECES)
                        and not (d == "lens" and room is not None and room.wall == "lantern")]
        if shore is not None:  # the sea coast: rocks and surf, a cliff top, a lighthouse's gallery (coast.py)
            coast.draw_set(kit, shore, named, sand=shot.place_kind == "beach")
        elif built is not None:
            eras.draw(kit, built)
            if shot.place_kind in eras.OUTSIDE_KINDS and built not in ("hall", "palace"):
                dressing = [d for d in dressing or [] if d not in ON_WALL]  # nothing hung on the open sky
        elif room is not None:  # an interior built from its words (rooms.py) instead of the kind's own
            draw_room(kit, room)
        elif site == "bridge":  # a town's bridge: the river and the far bank's skyline
            bridge(kit)
        elif body is not None and shot.place_kind in BARE_KINDS:  # the open ground of the Moon or Mars
            bare_ground(kit)
        else:
            RECIPES[shot.place_kind](kit)
        if dressing:
            # a room built from its words (a high board over a pool, too) has the room's floor
            dress(kit, dressing, floor=71.0 if shot.place_kind in INTERIOR_KINDS or room is not None else 66.0)
        del canvases, surfaces
        #: The floodwater laid over the setting (flood.py), where the place is flooded.
        self.water: flood.Plan | None = None
        if shot.weather == "flood":
            self.water = flood.bake(arrays, shot.place_kind, grade, zoom,
                                    indoors=shot.place_kind in INTERIOR_KINDS or room is not None,
                                    night=shot.time_of_day == "night")
        self.flat: skia.Image | None = None
        self.layers: list[tuple[float, skia.Image | Sprite]] = []
        if pan_px == 0:
            flat = np.zeros((lh, lw, 4), np.uint8)
            fs = surface(flat)
            fc = fs.getCanvas()
            for a in arrays:
                fc.drawImage(skia.Image.fromarray(a, colorType=skia.kRGBA_8888_ColorType,
                                                  alphaType=skia.kPremul_AlphaType), 0, 0)
            del fc, fs
            if blur:
                flat = _blurred(flat, blur)
            self.flat = opaque_image(flat)
            self.flat_px = flat.view(np.uint32).reshape(flat.shape[:2])
        else:
            back = arrays[0]
            bs = surface(back)
            bs.getCanvas().drawImage(skia.Image.fromarray(arrays[1], colorType=skia.kRGBA_8888_ColorType,
                                                          alphaType=skia.kPremul_AlphaType), 0, 0)
            del bs
            layers = [back, arrays[2], arrays[3]]
            if blur:
                layers = [_blurred(a, blur) for a in layers]
            # (drawn at whole pixels on an untransformed canvas: tiles may be cut finer)
            self.layers = [(DEPTHS[0], opaque_image(layers[0])), (DEPTHS[1], Sprite(layers[1], leaf=64)),
                           (DEPTHS[2], Sprite(layers[2], leaf=64))]

    def draw(self, c: skia.Canvas, *, pan: float = 0.5, shake: tuple[float, float] = (0.0, 0.0),
             scale: float = 1.0) -> None:
        """Draw the setting: ``pan`` 0..1 along the pan, ``shake`` in pixels, ``scale`` about the centre."""
        m = self.margin
        if self.flat is not None:
            if scale != 1.0:
                raise ValueError("a scaled backdrop is drawn with draw_scaled")
            else:
                c.drawImage(self.flat, round(-m + shake[0]), round(-m + shake[1]))
            return
        p = self.pan_px
        for depth, layer in self.layers:
            x = -(depth * p * pan + (1 - depth) * p / 2) - m + shake[0]
            y = -m + shake[1]
            if isinstance(layer, Sprite):
                layer.draw(c, x, y)
            else:
                c.drawImage(layer, round(x), round(y))

    def origin(self, layer: int, *, pan: float = 0.5, shake: tuple[float, float] = (0.0, 0.0)) -> tuple[float, float]:
        """Where the top left of layer ``layer`` (0 sky .. 3 near) is drawn at this point of the move."""
        m, p = self.margin, self.pan_px
        if self.flat is not None:
            return round(-m + shake[0]), round(-m + shake[1])
        depth = DEPTHS[max(0, layer - 1)]
        return -(depth * p * pan + (1 - depth) * p / 2) - m + shake[0], -m + shake[1]

    def draw_scaled(self, frame: np.ndarray, scale: float) -> None:
        """Write the flattened setting, scaled about the centre, straight into the RGBA ``frame``.

        Nearest-neighbour in numpy (two gathers, ~4 ms at 720p): skia's scaled image draw costs
        ~9 ms nearest and ~27 ms linear on this CPU raster, and a push-in's scale changes so
        slowly (a few per cent over the shot) that nearest sampling does not shimmer visibly.
        """
        h, w = self.height, self.width
        m = self.margin
        ys = ((np.arange(h) - h / 2) / scale + h / 2 + m).astype(np.intp)
        xs = ((np.arange(w) - w / 2) / scale + w / 2 + m).astype(np.intp)
        dst = frame.reshape(-1).view(np.uint32).reshape(h, w)
        np.take(self.flat_px[ys], xs, axis=1, out=dst)
