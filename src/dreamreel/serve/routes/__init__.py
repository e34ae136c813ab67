"""The server's routes, one APIRouter an area: pages, films, likenesses, the viewer (profile and
account), telemetry. Watching together has its own (``serve.rooms``)."""
