"""Sprites cut finer draw the same pixels, blending fewer of them."""

import numpy as np
import pytest

skia = pytest.importorskip("skia")

from dreamreel.synth.visual.layers import Sprite, surface  # noqa: E402


def _layer(h: int = 300, w: int = 520) -> np.ndarray:
    """Premultiplied RGBA: clear sky, an opaque ground, a soft-edged shape and scattered specks."""
    rng = np.random.default_rng(3)
    arr = np.zeros((h, w, 4), np.uint8)
    arr[200:, :, :3] = rng.integers(0, 256, (h - 200, w, 3))
    arr[200:, :, 3] = 255
    yy, xx = np.mgrid[:h, :w]
    a = np.clip(255 - np.hypot(yy - 120, xx - 300) * 3, 0, 255).astype(np.uint8)
    arr[..., 3] = np.maximum(arr[..., 3], a)
    for c in range(3):  # premultiplied: colour never above alpha
        arr[..., c] = np.minimum(arr[..., c], arr[..., 3])
    arr[40, 50] = (10, 20, 30, 40)
    arr[299, 519] = (5, 5, 5, 5)
    return arr


def _drawn(sprite: Sprite, dx: int, dy: int) -> np.ndarray:
    frame = np.zeros((280, 480, 4), np.uint8)
    frame[...] = np.random.default_rng(1).integers(0, 256, frame.shape)
    frame[..., 3] = 255
    surf = surface(frame)
    sprite.draw(surf.getCanvas(), dx, dy)
    del surf
    return frame


def _blended(sprite: Sprite) -> int:
    return sum(img.width() * img.height() for _, _, img in sprite.tiles if img.alphaType() != skia.kOpaque_AlphaType)


def test_a_sprite_cut_finer_draws_the_same_pixels():
    arr = _layer()
    whole = Sprite(arr)
    for leaf in (64, 32):
        cut = Sprite(arr, leaf=leaf)
        for dx, dy in ((0, 0), (-37, -11), (-40.4, 3.6)):
            assert np.array_equal(_drawn(whole, dx, dy), _drawn(cut, dx, dy))
        assert _blended(cut) < _blended(whole)
    with pytest.raises(ValueError):
        Sprite(arr, tile=128, leaf=48)
