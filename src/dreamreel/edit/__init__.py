"""Editing: assemble the cut, grade, mix, encode (PyAV), subtitles (WebVTT) and the OTIO timeline."""
