"""Fonts without third-party warnings: fontconfig is pointed at a small root of our own.

skia-python's wheel carries an older fontconfig than the system's. Whatever its config file, it
also reads every file in its built-in template folder (``/usr/share/fontconfig/conf.avail``),
and warns on every run about the newer elements it finds there ("unknown element reset-dirs").
Under ``FONTCONFIG_SYSROOT`` that folder is looked for inside the root instead, where it is
not: the root holds a fonts.conf naming the system's font folders (linked in) and a cache.
Only when neither ``FONTCONFIG_SYSROOT`` nor ``FONTCONFIG_FILE`` is set already; it must be
set before anything draws text (the package does it when it is imported), and programs this
process starts (chromium in the tests) see the same fonts.
"""

from __future__ import annotations

import os
from pathlib import Path

_CONF = """<?xml version="1.0"?>
<!-- dreamreel's fontconfig root (see dreamreel/fontconfig.py): the system's font folders. -->
<fontconfig>
  <dir>/usr/share/fonts</dir>
  <dir>/usr/local/share/fonts</dir>
  <cachedir>/var/cache/fontconfig</cachedir>
  <!-- no family, or none of the generic ones: sans-serif last (as the system's 49-sansserif.conf) -->
  <match target="pattern">
    <test qual="all" name="family" compare="not_eq"><string>sans-serif</string></test>
    <test qual="all" name="family" compare="not_eq"><string>serif</string></test>
    <test qual="all" name="family" compare="not_eq"><string>monospace</string></test>
    <edit name="family" mode="append_last"><string>sans-serif</string></edit>
  </match>
  <alias><family>sans-serif</family><prefer><family>DejaVu Sans</family></prefer></alias>
  <alias><family>serif</family><prefer><family>DejaVu Serif</family></prefer></alias>
  <alias><family>monospace</family><prefer><family>DejaVu Sans Mono</family></prefer></alias>
</fontconfig>
"""


def quiet() -> None:
    if os.environ.get("FONTCONFIG_SYSROOT") or os.environ.get("FONTCONFIG_FILE"):
        return
    cache = os.environ.get("DREAMREEL_CACHE_DIR")
    root = (Path(cache).expanduser() if cache else Path.home() / ".cache" / "dreamreel") / "fontconfig-root"
    try:
        conf = root / "etc" / "fonts" / "fonts.conf"
        if not conf.is_file() or conf.read_text(encoding="utf-8") != _CONF:
            conf.parent.mkdir(parents=True, exist_ok=True)
            (root / "var" / "cache" / "fontconfig").mkdir(parents=True, exist_ok=True)
            for fonts in ("/usr/share/fonts", "/usr/local/share/fonts"):
                link = root / fonts.lstrip("/")
                if Path(fonts).is_dir() and not link.is_symlink():
                    link.parent.mkdir(parents=True, exist_ok=True)
                    link.symlink_to(fonts)
            tmp = conf.with_name(f".fonts.conf.{os.getpid()}.tmp")
            tmp.write_text(_CONF, encoding="utf-8")
            tmp.replace(conf)
    except OSError:  # (a home we cannot write: fontconfig as the system has it, warnings and all)
        return
    os.environ["FONTCONFIG_SYSROOT"] = str(root)
