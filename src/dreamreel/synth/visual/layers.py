"""Pre-rendered picture layers, blitted fast.

skia's CPU raster blends about 2.5 ns a pixel but copies an opaque image at memory speed, so a
layer is cut into tiles: fully clear tiles are dropped, fully opaque tiles are marked opaque
(copied, not blended), and only the tiles with edges pay for blending.
"""

import numpy as np
import skia

SRC_OVER = skia.Paint()


class Sprite:
    """An RGBA (premultiplied) array as a set of tiles, drawn at an offset."""

    def __init__(self, arr: np.ndarray, tile: int = 128, *, min_alpha: int = 0):
        """``min_alpha``: tiles whose alpha never exceeds it are dropped (for soft overlays whose
        faint rim would change pixels by a level or two at full blending cost)."""
        self.height, self.width = arr.shape[:2]
        self.tiles: list[tuple[int, int, skia.Image]] = []
        alpha = arr[:, :, 3]
        for y in range(0, self.height, tile):
            for x in range(0, self.width, tile):
                a = alpha[y:y + tile, x:x + tile]
                amax = int(a.max())
                if amax <= min_alpha:
                    continue
                opaque = int(a.min()) == 255
                part = np.ascontiguousarray(arr[y:y + tile, x:x + tile])
                img = skia.Image.fromarray(part, colorType=skia.kRGBA_8888_ColorType,
                                           alphaType=skia.kOpaque_AlphaType if opaque else skia.kPremul_AlphaType)
                self.tiles.append((x, y, img))

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
