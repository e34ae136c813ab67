"""Serving: the portal and player pages, their API and the telemetry socket (``app``), and films
made while they are watched (``live``)."""
