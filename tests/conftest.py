"""Every test process keeps its rendered-shot cache and its development signing chain in
temporary folders, never the user's."""

import os
import tempfile

os.environ.setdefault("DREAMREEL_CACHE_DIR", tempfile.mkdtemp(prefix="dreamreel-test-cache-"))
os.environ.setdefault("DREAMREEL_KEYS_DIR", tempfile.mkdtemp(prefix="dreamreel-test-keys-"))
