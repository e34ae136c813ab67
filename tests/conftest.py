"""Every test process keeps its rendered-shot cache in a temporary folder, never the user's."""

import os
import tempfile

os.environ.setdefault("DREAMREEL_CACHE_DIR", tempfile.mkdtemp(prefix="dreamreel-test-cache-"))
