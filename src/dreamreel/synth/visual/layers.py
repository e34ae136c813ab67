"""Pre-rendered picture layers, blitted fast.

skia's CPU raster blends about 2.5 ns a pixel but copies an opaque image at memory speed, so a
layer is cut into tiles: fully clear tiles are dropped, fully opaque tiles are marked opaque
(copied, not blended), and only the tiles with edges pay for blending. A layer drawn at whole-pixel
offsets only (a backdrop) may cut its tiles further, in quarters down to ``leaf`` pixels, where a
tile is partly clear or partly opaque: the same pixels, fewer of them blended.
"""

import numpy as np
import skia

SRC_OVER = skia.Paint()


class Sprite:
    """An RGBA (premultiplied) array as a set of tiles, drawn at an offset."""

    def __init__(self, arr: np.ndarray, tile: int = 128, *, min_alpha: int = 0, leaf: int | None = None):
        """``min_alpha``: tiles whose alpha never exceeds it are dropped (for soft overlays whose
        faint rim would change pixels by a level or two at full blending cost). ``leaf``: a tile
        is cut in quarters down to this size (a power of two under ``tile``) where parts of it
        are clear or opaque; only for a sprite drawn at whole pixels with no other transform (a
        rotated or scaled sprite's seams fall elsewhere: other pixels)."""
        self.height, self.width = arr.shape[:2]
        self.tiles: list[tuple[int, int, skia.Image]] = []
        k = tile // leaf if leaf else 1
        if k < 1 or tile % (leaf or tile) or k & (k - 1):
            raise ValueError(f"a tile of {tile} is not cut into leaves of {leaf}")
        leaf = tile // k
        h, w = self.height, self.width
        gh, gw = -(-h // leaf), -(-w // leaf)
        lo = hi = np.zeros((0, 0), np.uint8)
        if k > 1:
            # Per leaf square: its least alpha (past the array's edge: opaque) and whether any
            # pixel is not clear (premultiplied: clear is all four channels 0).
            lo = np.full((gh * leaf, gw * leaf), 255, np.uint8)
            lo[:h, :w] = arr[:, :, 3]
            lo = lo.reshape(gh, leaf, gw, leaf).min(axis=(1, 3))
            hi = np.zeros((gh * leaf, gw * leaf), np.uint8)
            hi[:h, :w] = np.ascontiguousarray(arr).view(np.uint32)[..., 0] != 0
            hi = hi.reshape(gh, leaf, gw, leaf).max(axis=(1, 3))
        alpha = arr[:, :, 3]
        for y in range(0, h, tile):
            for x in range(0, w, tile):
                a = alpha[y:y + tile, x:x + tile]
                if int(a.max()) <= min_alpha:
                    continue
                if k == 1:
                    self._add(arr, x, y, tile, int(a.min()) == 255)
                else:
                    self._cut(arr, lo, hi, y // leaf, x // leaf, k, leaf)

    def _add(self, arr: np.ndarray, x: int, y: int, size: int, opaque: bool) -> None:
        part = np.ascontiguousarray(arr[y:y + size, x:x + size])
        img = skia.Image.fromarray(part, colorType=skia.kRGBA_8888_ColorType,
                                   alphaType=skia.kOpaque_AlphaType if opaque else skia.kPremul_AlphaType)
        self.tiles.append((x, y, img))

    def _cut(self, arr: np.ndarray, lo: np.ndarray, hi: np.ndarray, i: int, j: int, k: int, leaf: int) -> None:
        """The ``k`` x ``k`` leaf squares from square (i, j): none where clear, one opaque image
        where opaque, one blended image at a leaf's size, else cut in quarters."""
        if i >= lo.shape[0] or j >= lo.shape[1] or not hi[i:i + k, j:j + k].any():
            return
        opaque = int(lo[i:i + k, j:j + k].min()) == 255
        if opaque or k == 1:
            self._add(arr, j * leaf, i * leaf, k * leaf, opaque)
            return
        k //= 2
        for di in (0, k):
            for dj in (0, k):
                self._cut(arr, lo, hi, i + di, j + dj, k, leaf)

    def draw(self, canvas: skia.Canvas, dx: float = 0.0, dy: float = 0.0) -> None:
        dx, dy = round(dx), round(dy)  # whole pixels: no resampling
        for x, y, img in self.tiles:
            canvas.drawImage(img, x + dx, y + dy)


def opaque_image(arr: np.ndarray) -> skia.Image:
    """A whole opaque layer (sky, flattened background) as one image."""
    arr = np.ascontiguousarray(arr)
    arr[:, :, 3] = 255
    return skia.Image.fromarray(arr, colorType=skia.kRGBA_8888_ColorType, alphaType=skia.kOpaque_AlphaType)


def surface(arr: np.ndarray) -> skia.Surface:
    """A skia surface over ``arr`` (HxWx4 uint8), premultiplied: skia's default for arrays is
    unpremultiplied, which makes soft edges of layers blend as if they were lights."""
    return skia.Surface(arr, skia.kRGBA_8888_ColorType, skia.kPremul_AlphaType)
