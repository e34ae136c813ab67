"""The learning director's verdict, for whoever runs the server and whoever watches on it:
whether the learned model steers live films (else the adaptive director does), why, the prior it
started from, and how much is logged. Counts only: nothing of any one viewer is in it."""

from __future__ import annotations

from fastapi import APIRouter

from ...store.learning import Verdict
from ..deps import ServerDep, ViewerDep
from ..guard import StrictRoute

router = APIRouter(route_class=StrictRoute)


@router.get("/api/learning")
def learning(server: ServerDep, viewer: ViewerDep) -> Verdict:
    """The off-policy gate's verdict, as `dreamreel learning` prints it (the `learning-verdict` schema)."""
    return server.learning.verdict()
