"""Dynamic casting: a photo of a person becomes the renderer's character look.

    photo bytes -> checked picture (JPEG, PNG or WebP; size read from the header first; EXIF,
    location included, never kept) -> the face (OpenCV's Haar cascade) -> skin colour, hair
    colour and length, face shape, glasses -> model.Look

Only the derived look and a small thumbnail re-encoded without any metadata are kept; the photo
itself is not. Each measurement is a plain image heuristic, named where it is made:

- skin: the median colour of the cheeks and nose (the middle of the face box);
- hair: the pixels above the forehead that differ from the background beside the head; too few
  of them reads as bald; hair beside the cheeks reads as long;
- face shape: the skin region's length against its width at the cheeks, and its width at the
  jaw and forehead against the cheeks;
- glasses: OpenCV's plain eye cascade misses eyes behind frames that its eyeglasses cascade
  finds (see ``_glasses``).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, UnidentifiedImageError

from ..errors import BadInputError
from ..model.bible import Look

#: An uploaded photo: at most this many bytes and pixels; formats read.
MAX_PHOTO_BYTES = 8_000_000
MAX_PHOTO_PIXELS = 40_000_000
FORMATS = ("JPEG", "PNG", "WEBP")
#: The face is measured on a copy this many pixels on its longer side.
WORK_SIDE = 640


@dataclass
class Portrait:
    look: Look
    #: A 160-pixel JPEG of the face, re-encoded: no EXIF, no location.
    thumbnail: bytes
    #: The photo carried a GPS location in its EXIF (it was not kept).
    had_location: bool
    faces: int
    notes: list[str]


def read_photo(data: bytes) -> tuple[np.ndarray, bool]:
    """The photo as RGB pixels, and whether its EXIF held a location. Anything that is not a
    reasonable JPEG, PNG or WebP photo raises BadInputError, before it is decoded if it can."""
    if not data:
        raise BadInputError("the photo is empty")
    if len(data) > MAX_PHOTO_BYTES:
        raise BadInputError(f"the photo is {len(data) / 1e6:.1f} MB; send one under {MAX_PHOTO_BYTES // 1_000_000} MB")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as im:
                if im.format not in FORMATS:
                    raise BadInputError(f"the photo is {im.format or 'not an image'}; send a JPEG, PNG or WebP")
                w, h = im.size
                if w * h > MAX_PHOTO_PIXELS:  # read from the header: a small file that unpacks huge
                    raise BadInputError(f"the photo is {w}x{h} pixels; send one under {MAX_PHOTO_PIXELS // 1_000_000} "
                                        f"megapixels")
                if min(w, h) < 64:
                    raise BadInputError(f"the photo is {w}x{h} pixels: too small to find a face in")
                exif = im.getexif()
                had_location = bool(exif.get_ifd(0x8825)) if exif else False  # the GPS IFD
                im.draft("RGB", (WORK_SIDE * 2, WORK_SIDE * 2))  # JPEG: decode at a reduced size
                rgb = np.asarray(im.convert("RGB"))
    except (UnidentifiedImageError, Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise BadInputError("the upload is not a photo dreamreel can read (send a JPEG, PNG or WebP)") from None
    except (OSError, SyntaxError, ValueError) as e:
        raise BadInputError(f"the photo is damaged and cannot be read: {e}") from None
    return rgb, had_location


def _cascade(name: str) -> cv2.CascadeClassifier:
    c = cv2.CascadeClassifier(cv2.data.haarcascades + name)
    if c.empty():
        raise BadInputError(f"casting needs OpenCV's {name}, which is missing from this install")
    return c


def cast_from_photo(data: bytes, base: Look | None = None) -> Portrait:
    """The look of the person in the photo (one face, front on), over ``base`` for what a photo
    does not show (build, clothes)."""
    rgb, had_location = read_photo(data)
    scale = WORK_SIDE / max(rgb.shape[:2])
    if scale < 1:
        rgb = cv2.resize(rgb, (round(rgb.shape[1] * scale), round(rgb.shape[0] * scale)), interpolation=cv2.INTER_AREA)
    grey = cv2.equalizeHist(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY))
    side = max(40, min(grey.shape) // 6)
    finder = _cascade("haarcascade_frontalface_default.xml")
    faces = finder.detectMultiScale(grey, 1.1, 5, minSize=(side, side))
    if len(faces) == 0:  # glasses and shadows cost a face some votes: look again, less strictly
        faces = finder.detectMultiScale(grey, 1.05, 3, minSize=(side, side))
    if len(faces) == 0:
        raise BadInputError("no face found in the photo: use a clear, front-on photo of one person, face uncovered")
    notes = []
    if len(faces) > 1:
        notes.append(f"{len(faces)} faces in the photo; the largest was used")
    x, y, w, h = (int(v) for v in max(faces, key=lambda f: f[2] * f[3]))
    skin = _median(rgb[y + int(0.45 * h):y + int(0.75 * h), x + int(0.25 * w):x + int(0.75 * w)])
    hair, style = _hair(rgb, x, y, w, h, skin)
    shape = _face_shape(rgb, x, y, w, h, skin)
    glasses = _glasses(grey, x, y, w, h)
    look = (base or Look()).model_copy(update={
        "skin": _hex(skin), "hair_color": _hex(hair) if hair is not None else (base or Look()).hair_color,
        "hair_style": style, "face": shape,
        "accessories": ([a for a in (base or Look()).accessories if "glass" not in a] + (["glasses"] if glasses else []))[:6],
    })
    if had_location:
        notes.append("the photo's location (EXIF GPS) was dropped; nothing of the photo is kept but its look")
    crop = rgb[max(0, y - h // 3):y + h + h // 4, max(0, x - w // 5):x + w + w // 5]
    thumb = Image.fromarray(np.ascontiguousarray(crop))
    thumb.thumbnail((160, 160))
    out = io.BytesIO()
    thumb.save(out, "JPEG", quality=80)  # a new file: no EXIF, no location, nothing but pixels
    return Portrait(look, out.getvalue(), had_location, len(faces), notes)


def _median(region: np.ndarray) -> np.ndarray:
    px = region.reshape(-1, 3).astype(np.float32)
    if not len(px):
        return np.array([180, 140, 110], np.float32)
    luma = px @ np.array([0.299, 0.587, 0.114], np.float32)
    keep = px[(luma > np.percentile(luma, 15)) & (luma < np.percentile(luma, 90))]  # no shadow, no shine
    return np.median(keep if len(keep) else px, axis=0)


def _hex(rgb: np.ndarray) -> str:
    return "#" + "".join(f"{int(np.clip(round(float(c)), 0, 255)):02x}" for c in rgb)


def _far(px: np.ndarray, colour: np.ndarray, limit: float) -> np.ndarray:
    return np.linalg.norm(px.astype(np.float32) - colour, axis=-1) > limit


def _hair(rgb: np.ndarray, x: int, y: int, w: int, h: int, skin: np.ndarray) -> tuple[np.ndarray | None, str]:
    """Hair colour and length: what is above the forehead and unlike both the background (sampled
    beside the head, high up) and the skin."""
    top = max(0, y - int(0.3 * h))
    above = rgb[top:y + int(0.08 * h), x + int(0.2 * w):x + int(0.8 * w)]
    side_w = max(4, int(0.25 * w))
    bg_l = rgb[top:y + int(0.1 * h), max(0, x - 2 * side_w):max(1, x - side_w)]
    bg_r = rgb[top:y + int(0.1 * h), x + w + side_w:x + w + 2 * side_w]
    bg_px = np.concatenate([bg_l.reshape(-1, 3), bg_r.reshape(-1, 3)]) if bg_l.size or bg_r.size else None
    background = np.median(bg_px, axis=0) if bg_px is not None and len(bg_px) else np.array([128, 128, 128])
    if above.size == 0:
        return None, "short"
    px = above.reshape(-1, 3)
    hairy = _far(px, background, 45) & _far(px, skin, 45)
    if hairy.mean() < 0.2:
        return None, "bald"
    colour = np.median(px[hairy], axis=0)
    # Long hair falls beside the cheeks, below the eyes.
    beside = np.concatenate([rgb[y + h // 2:y + h, max(0, x - side_w // 2):x + side_w // 3].reshape(-1, 3),
                             rgb[y + h // 2:y + h, x + w - side_w // 3:x + w + side_w // 2].reshape(-1, 3)])
    long = len(beside) and (np.linalg.norm(beside.astype(np.float32) - colour, axis=-1) < 40).mean() > 0.35
    return colour, "long" if long else "short"


def _face_shape(rgb: np.ndarray, x: int, y: int, w: int, h: int, skin: np.ndarray) -> str:
    """round, oval, long, square or heart, from the skin region's proportions."""
    y0, y1 = max(0, y - h // 4), min(rgb.shape[0], y + int(1.25 * h))
    x0, x1 = max(0, x - w // 4), min(rgb.shape[1], x + int(1.25 * w))
    mask = ~_far(rgb[y0:y1, x0:x1], skin, 38)
    mask = cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_OPEN, np.ones((3, 3), np.uint8)).astype(bool)
    rows = np.where(mask.sum(axis=1) > 0.25 * w)[0]
    if len(rows) < 4:
        return "oval"

    def width(frac: float) -> int:
        return int(mask[min(len(mask) - 1, y - y0 + int(frac * h))].sum())

    cheeks, jaw, brow = width(0.55), width(0.85), width(0.25)
    length = (rows[-1] - rows[0]) / max(1, cheeks)
    if length > 1.5:
        return "long"
    if cheeks and jaw / cheeks > 0.92 and length < 1.35:
        return "square"
    if cheeks and brow / cheeks > 1.0 and jaw / cheeks < 0.7:
        return "heart"
    return "round" if length < 1.15 else "oval"


def _glasses(grey: np.ndarray, x: int, y: int, w: int, h: int) -> bool:
    """OpenCV's plain eye cascade finds bare eyes and misses most eyes behind frames; its
    eyeglasses cascade finds both. Fewer than two bare eyes in the upper face, with eyes behind
    glasses found there or no eyes found at all (frames, dark lenses), reads as glasses. (Closed
    eyes or hair over them can read as glasses too.)"""
    upper = grey[y:y + int(0.6 * h), x:x + w]
    upper = cv2.resize(upper, (200, round(200 * upper.shape[0] / max(1, upper.shape[1]))))  # one scale for all faces
    bare = _cascade("haarcascade_eye.xml").detectMultiScale(upper, 1.05, 3, minSize=(20, 20))
    if len(bare) >= 2:
        return False
    framed = _cascade("haarcascade_eye_tree_eyeglasses.xml").detectMultiScale(upper, 1.05, 3, minSize=(20, 20))
    return len(framed) >= 1 or len(bare) == 0
