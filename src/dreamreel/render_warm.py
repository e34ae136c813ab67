"""Imported by the render workers' fork server when a server warms up
(``RenderPool.start(warm=True)``): the picture's tables, fonts and word patterns are read here
once (``synth.visual.procedural.preload``), before any worker is forked from it, so every worker
starts with them and none of their first shots waits on reading them."""

import logging

try:
    from .synth.visual.procedural import preload

    preload()
except Exception as e:  # noqa: BLE001 - a head start only (an error here would stop the fork server): a shot reads what it needs
    logging.getLogger(__name__).warning("warming the render workers: %s", e)
