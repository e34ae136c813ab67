"""Lighting and palette for a shot: from the bible's style, the hour, the weather, the tension and
the viewer's taste.

The style guide sets the look of the whole series (palette, monochrome, contrast, grain); each
shot then bends it: night is darker and colder than day, dusk warmer, fog flattens contrast,
tension darkens and hardens the light, and a viewer who likes it dark (or warm, or grainy) gets
a little more of that. Values stay inside the ranges the Lighting model allows.
"""

from ..model.bible import StyleGuide, TimeOfDay, Weather
from ..model.profile import Profile
from ..model.shot import Lighting

_KEY = {"dawn": 0.62, "day": 0.85, "dusk": 0.55, "night": 0.42}
_WARMTH = {"dawn": 0.25, "day": 0.1, "dusk": 0.45, "night": -0.35}
_WEATHER_KEY = {"clear": 0.0, "rain": -0.08, "snow": 0.08, "fog": -0.05, "dust": -0.04, "storm": -0.15, "embers": -0.05,
                "flood": -0.08}
_WEATHER_WARMTH = {"clear": 0.0, "rain": -0.15, "snow": -0.3, "fog": -0.1, "dust": 0.3, "storm": -0.2, "embers": 0.5,
                   "flood": -0.15}
_WEATHER_CONTRAST = {"clear": 0.0, "rain": 0.05, "snow": -0.1, "fog": -0.2, "dust": -0.1, "storm": 0.1, "embers": 0.05,
                     "flood": 0.05}
#: Tone words in the bible that move the key light (a "dark" tone is lit lower).
_TONE_KEY = {"dark": -0.1, "bleak": -0.1, "gritty": -0.05, "rain-soaked": -0.05, "cozy": 0.05, "warm": 0.05,
             "hopeful": 0.08, "funny": 0.1, "lighthearted": 0.1, "eerie": -0.08, "scary": -0.1}


def _clamp(x: float, lo: float = 0.0, hi: float = 1.0) -> float:
    return round(max(lo, min(hi, x)), 3)


def palette_warmth(palette: list[str]) -> float:
    """-1 (all blue) .. 1 (all red/amber): how warm the style's colours are."""
    total = 0.0
    for hex_colour in palette:
        r, b = int(hex_colour[1:3], 16), int(hex_colour[5:7], 16)
        total += (r - b) / 255
    return total / len(palette)


def light(style: StyleGuide, tone: str, time_of_day: TimeOfDay, weather: Weather, tension: float,
          profile: Profile | None = None) -> Lighting:
    """The Lighting of one shot."""
    looks = profile.tastes.looks if profile else {}
    moods = profile.tastes.moods if profile else {}
    tone_words = [w.strip(" ,;.").lower() for w in tone.split()]
    key = _KEY[time_of_day] + _WEATHER_KEY[weather] - 0.18 * tension
    key += sum(_TONE_KEY.get(w, 0.0) for w in tone_words)
    key += 0.1 * (looks.get("bright", 0.0) - looks.get("dark", 0.0)) - 0.06 * moods.get("dark", 0.0)
    contrast = style.contrast + _WEATHER_CONTRAST[weather] + 0.2 * (tension - 0.5)
    contrast += 0.1 * looks.get("high_contrast", 0.0)
    warmth = _WARMTH[time_of_day] + _WEATHER_WARMTH[weather] + 0.3 * palette_warmth(style.palette)
    warmth += -0.2 * max(0.0, tension - 0.5) + 0.25 * (looks.get("warm", 0.0) - looks.get("cold", 0.0))
    warmth += 0.15 * (moods.get("cozy", 0.0) + moods.get("romantic", 0.0))
    monochrome = style.monochrome
    # The viewer's taste overrides the series look only when it is strong (as the bible builder does).
    if looks.get("monochrome", 0.0) >= 0.5:
        monochrome = True
    elif looks.get("monochrome", 0.0) <= -0.3 or looks.get("colorful", 0.0) >= 0.5:
        monochrome = False
    grain = style.grain + 0.1 * tension + 0.2 * looks.get("grainy", 0.0)
    return Lighting(key=_clamp(key, 0.2, 1.0), contrast=_clamp(contrast), warmth=_clamp(warmth, -1.0, 1.0),
                    palette=list(style.palette), monochrome=monochrome, grain=_clamp(grain))
