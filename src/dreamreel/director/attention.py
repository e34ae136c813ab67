"""Optional webcam attention: is there a face looking at the screen?

Off unless the viewer turns it on in the player. Then the player sends a tiny grey picture
(about 96 x 72) once a second over its telemetry socket; it is decoded here, looked at for a
frontal face with OpenCV's Haar cascade, and dropped: only "face" or "no face" is kept, as a
``webcam`` telemetry event, and a face missing for a while reads as attention elsewhere
(``engagement``). Nothing of the picture is stored.
"""

from __future__ import annotations

import base64
import binascii
import io
import threading

import cv2
import numpy as np
from PIL import Image, UnidentifiedImageError

from ..errors import BadInputError

#: A frame is at most this many bytes (base64 included) and this many pixels a side.
MAX_FRAME_BYTES = 12_000
MAX_SIDE = 320


class Attention:
    """Finds a face in small camera frames (one detector, shared by every viewer's socket)."""

    def __init__(self) -> None:
        path = cv2.data.haarcascades + "haarcascade_frontalface_default.xml"
        self._faces = cv2.CascadeClassifier(path)
        if self._faces.empty():
            raise BadInputError(f"webcam attention needs OpenCV's face cascade; {path} is missing")
        self._lock = threading.Lock()  # a CascadeClassifier is not safe to share between threads

    def face(self, frame_b64: str) -> bool:
        """Is there a frontal face in this base64 JPEG or PNG frame? Bad frames raise BadInputError."""
        if len(frame_b64) > MAX_FRAME_BYTES:
            raise BadInputError(f"a camera frame is at most {MAX_FRAME_BYTES} bytes; send a smaller picture")
        try:
            data = base64.b64decode(frame_b64.split(",", 1)[-1], validate=True)
        except (binascii.Error, ValueError):
            raise BadInputError("a camera frame must be a base64 JPEG or PNG") from None
        try:
            with Image.open(io.BytesIO(data)) as im:
                if im.format not in ("JPEG", "PNG"):
                    raise BadInputError(f"a camera frame must be a JPEG or PNG picture, not {im.format}")
                # The header says how big it is: a small file that unpacks huge is refused unread.
                if max(im.size) > MAX_SIDE:
                    raise BadInputError(f"a camera frame is at most {MAX_SIDE} pixels a side, not {im.size}")
                grey = np.asarray(im.convert("L"))
        except (UnidentifiedImageError, OSError, SyntaxError):
            raise BadInputError("the camera frame could not be read as a JPEG or PNG picture") from None
        grey = cv2.equalizeHist(grey)
        side = max(12, min(grey.shape) // 5)
        with self._lock:
            found = self._faces.detectMultiScale(grey, scaleFactor=1.1, minNeighbors=4, minSize=(side, side))
        return len(found) > 0
