"""Set pieces of places people work and gather: an oil rig's derrick and helideck, a call centre's
desks of headsets, a street food stall, a warehouse's racking, a building site's scaffolding and
crane, a community hall's tea urn, a carnival float, a lifeguard's chair. Each is a set piece
(dressing.PIECES: kit, canvas, x (centre), floor line), found from the words of the place's name
and description, and keeps to the world's era (a switchboard before call centres' screens,
wooden scaffold poles and no tower crane before 1950, no forklift before 1920).
"""

from __future__ import annotations

import math

import skia

from .paint import fill, glow, poly, stroke
from .settings import Kit


def derrick(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A drilling derrick: a steel lattice tower tapering up out of frame, the drill pipe and its
    travelling block hanging on chains down the middle, a mud-slicked drill floor and racked pipe."""
    steel = stroke(k.g.c("#8a8470"), 1.1)
    brace = stroke(k.g.c("#6a6454"), 0.45)
    top = 2.0
    legs = ((x - 16, x - 5), (x + 16, x + 5))
    for lb, lt in legs:
        c.drawLine(lb, base, lt, top, steel)
    for i in range(9):  # the lattice's cross-bracing
        y0, y1 = base - i * (base - top) / 9, base - (i + 1) * (base - top) / 9
        f0, f1 = (base - y0) / (base - top), (base - y1) / (base - top)
        xl0, xr0 = x - 16 + 11 * f0, x + 16 - 11 * f0
        xl1, xr1 = x - 16 + 11 * f1, x + 16 - 11 * f1
        c.drawLine(xl0, y0, xr1, y1, brace)
        c.drawLine(xr0, y0, xl1, y1, brace)
        c.drawLine(xl1, y1, xr1, y1, brace)
    chain = stroke(k.g.c("#3a3a3a"), 0.5)
    c.drawLine(x - 1.2, top + 2, x - 1.2, base - 30, chain)
    c.drawLine(x + 1.2, top + 2, x + 1.2, base - 30, chain)
    c.drawRoundRect(skia.Rect(x - 3.5, base - 31, x + 3.5, base - 24), 1, 1, fill(k.g.c("#e8b82a")))  # the block
    c.drawRect(skia.Rect(x - 0.8, base - 24, x + 0.8, base - 2), fill(k.g.c("#5a5a5e")))  # the drill pipe
    c.drawRect(skia.Rect(x - 22, base - 3, x + 22, base), fill(k.g.c("#3a3430")))  # the drill floor
    c.drawOval(skia.Rect(x - 12, base - 2.6, x + 10, base + 0.6), fill(k.g.c("#4a3a2a", 0.9)))  # mud
    for i in range(6):  # pipe racked against the derrick's side
        px = x + 18 + i * 1.4
        c.drawLine(px, base - 2, px + 2, base - 34, stroke(k.g.c(("#7a7a80", "#9a6a4a")[i % 2]), 0.8))
    glow(c, x, base - 12, 14, k.g.c("#ffd080", 0.3, lit=0))


def helideck(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A helideck underfoot: the green deck with its yellow touchdown circle and a painted white H,
    a net of safety rail at its edge (drawn on the near layer, where people stand on it)."""
    n = k.near
    cx = k.w / 2
    n.drawRect(skia.Rect(0, base + 4, k.w, 100), fill(k.g.c("#3a5a48")))
    n.drawOval(skia.Rect(cx - 46, base + 9, cx + 46, base + 33), stroke(k.g.c("#e8c82a"), 1.6))
    white = fill(k.g.c("#f0f0ea"))
    for dx in (-12, 8):  # the H, flattened by the deck's perspective
        n.drawPath(poly([(cx + dx, base + 13), (cx + dx + 4, base + 13), (cx + dx + 5, base + 29),
                         (cx + dx - 1, base + 29)]), white)
    n.drawPath(poly([(cx - 9, base + 19.5), (cx + 9, base + 19.5), (cx + 9, base + 22.5), (cx - 9, base + 22.5)]),
               white)
    rail = stroke(k.g.c("#c8c0a8"), 0.5)
    n.drawLine(0, base + 1, k.w, base + 1, rail)
    for xx in range(0, int(k.w) + 6, 6):
        n.drawLine(xx, base + 1, xx, base + 4, rail)


def headsets(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A call centre's floor: a row of desks under partitions, a screen and a headset on each, a
    leaderboard of call times above; before 1970, a switchboard of jacks and cords instead."""
    if k.year is not None and k.year < 1970:
        board = skia.Rect(x - 24, base - 34, x + 24, base - 12)
        c.drawRect(board, fill(k.g.c("#3a2a1e")))
        for row in range(4):
            for col in range(12):
                c.drawCircle(x - 21.5 + col * 3.9, base - 31 + row * 4.2, 0.7, fill(k.g.c("#111111")))
        for i in range(6):  # cords looping down from jacks to the plugs on the desk
            a = x - 20 + i * 7.5
            cord = skia.Path()
            cord.moveTo(a, base - 27 + (i % 3) * 4.2)
            cord.cubicTo(a + 2, base - 8, a + 6, base - 8, a + 4, base - 12)
            c.drawPath(cord, stroke(k.g.c(("#c83a2a", "#2a2a2a")[i % 2]), 0.4))
        c.drawRect(skia.Rect(x - 26, base - 12, x + 26, base - 9), fill(k.g.c("#5a3a22")))
        for px in (x - 24, x + 23):
            c.drawRect(skia.Rect(px, base - 9, px + 1.2, base), fill(k.g.c("#4a2e18")))
        return
    board = skia.Rect(x - 18, base - 52, x + 18, base - 42)  # the leaderboard
    c.drawRect(board, fill(k.g.c("#101820")))
    for i in range(4):
        c.drawRect(skia.Rect(x - 16, base - 50.5 + i * 2.2, x - 16 + 24 - i * 4, base - 49.5 + i * 2.2),
                   fill(k.g.c(("#6ae86a", "#e8c84a", "#e8c84a", "#e84a4a")[i], 0.85, lit=0)))
    for i in range(4):
        dx = x - 27 + i * 14
        c.drawRect(skia.Rect(dx, base - 24, dx + 0.8, base - 10), fill(k.g.c("#6a7480")))  # the partition
        c.drawRect(skia.Rect(dx, base - 24, dx + 13, base - 17), fill(k.g.c("#5a6a8a")))
        c.drawRect(skia.Rect(dx + 3, base - 19, dx + 11, base - 13), fill(k.g.c("#1a1c20")))  # the screen
        c.drawRect(skia.Rect(dx + 3.6, base - 18.4, dx + 10.4, base - 13.8), fill(k.g.c("#5ab0e8", 0.85, lit=0)))
        glow(c, dx + 7, base - 16, 6, k.g.c("#5ab0e8", 0.25, lit=0))
        c.drawArc(skia.Rect(dx + 0.8, base - 14.5, dx + 4.4, base - 10.8), 180, 180, False,
                  stroke(k.g.c("#1a1a1a"), 0.5))  # a headset on the desk
        c.drawCircle(dx + 1, base - 11.2, 0.7, fill(k.g.c("#1a1a1a")))
        c.drawRect(skia.Rect(dx, base - 10.5, dx + 13, base - 9.3), fill(k.g.c("#c8c0b0")))  # the desk
        c.drawRect(skia.Rect(dx + 11.5, base - 9.3, dx + 12.3, base), fill(k.g.c("#5a5a5e")))


def food_stall(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A street food stall: a counter with stools for six under a short cloth curtain, steaming
    pots behind it and a red paper lantern glowing at the corner of its roof."""
    wood = fill(k.g.c("#7a4a2a"))
    c.drawRect(skia.Rect(x - 24, base - 40, x + 24, base - 37), fill(k.g.c("#4a2e1a")))  # the roof
    for px in (x - 23, x + 22):
        c.drawRect(skia.Rect(px, base - 37, px + 1.4, base - 12), wood)
    for i in range(6):  # the curtain hanging from the roof in flaps
        fx = x - 22 + i * 7.4
        c.drawRect(skia.Rect(fx, base - 37, fx + 6.8, base - 31), fill(k.g.c("#1e2a4a" if i % 2 else "#24305a")))
    c.drawCircle(x - 2, base - 34, 1.4, fill(k.g.c("#f0ece0")))
    for i, px in enumerate((x - 14, x - 2, x + 10)):  # pots on the burners, steaming
        c.drawRect(skia.Rect(px, base - 20, px + 8, base - 14), fill(k.g.c("#a0a4aa" if i % 2 else "#8a8e94")))
        glow(c, px + 4, base - 13, 5, k.g.c("#ff7a2a", 0.4, lit=0))
        for j in range(3):
            sx = px + 1.5 + j * 2.5
            steam = skia.Path()
            steam.moveTo(sx, base - 21)
            steam.cubicTo(sx - 1.5, base - 24, sx + 1.5, base - 26, sx, base - 29)
            c.drawPath(steam, stroke(k.g.c("#ffffff", 0.45, lit=0), 0.6))
    c.drawRect(skia.Rect(x - 25, base - 14, x + 25, base - 12), fill(k.g.c("#c8a070")))  # the counter
    c.drawRect(skia.Rect(x - 24, base - 12, x + 24, base - 5), wood)
    for i in range(6):  # the stools
        sx = x - 20 + i * 8
        c.drawRect(skia.Rect(sx - 2.2, base - 6.5, sx + 2.2, base - 5.3), fill(k.g.c("#c83a2a")))
        c.drawLine(sx, base - 5.3, sx, base, stroke(k.g.c("#3a3a3a"), 0.6))
    lx, ly = x + 24, base - 34  # the paper lantern
    c.drawLine(lx, base - 40, lx, ly - 3, stroke(k.g.c("#2a2420"), 0.3))
    glow(c, lx, ly, 12, k.g.c("#ff6a3a", 0.5, lit=0))
    c.drawOval(skia.Rect(lx - 2.8, ly - 3, lx + 2.8, ly + 3), fill(k.g.c("#e83a2a", lit=0.6)))
    for yy in (ly - 1.5, ly, ly + 1.5):
        c.drawLine(lx - 2.6, yy, lx + 2.6, yy, stroke(k.g.c("#8a1a10"), 0.2))


def racking(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A warehouse's pallet racking, orange uprights and blue beams up out of frame, boxed and
    shrink-wrapped pallets on every level, and a forklift at its foot; before the 1920s wooden
    shelving of bales and crates, no forklift."""
    old = k.year is not None and k.year < 1920
    up, beam = fill(k.g.c("#6a4a2a" if old else "#d86a2a")), fill(k.g.c("#4a321c" if old else "#2a4a9a"))
    for px in (x - 26, x - 9, x + 8, x + 25):
        c.drawRect(skia.Rect(px, 0, px + 1.3, base), up)
    for level, yy in enumerate((base - 16, base - 32, base - 48, base - 64)):
        c.drawRect(skia.Rect(x - 26, yy, x + 26.3, yy + 1.3), beam)
        for bay in range(3):
            bx = x - 24.5 + bay * 17
            if (level + bay) % 4 == 3:
                continue  # an empty bay
            c.drawRect(skia.Rect(bx, yy - 1.2, bx + 13, yy), fill(k.g.c("#8a6a44")))  # the pallet
            col = ("#b08a5a", "#c8a070", "#d8d4cc")[(level + bay) % 3]
            c.drawRect(skia.Rect(bx + 0.5, yy - 11, bx + 12.5, yy - 1.2), fill(k.g.c(col)))
            c.drawLine(bx + 0.5, yy - 6, bx + 12.5, yy - 6, stroke(k.g.c("#7a5a3a", 0.6), 0.3))
    if old:
        return
    fx = x + 30  # the forklift
    c.drawRect(skia.Rect(fx, base - 9, fx + 11, base - 2), fill(k.g.c("#e8b82a")))
    c.drawRect(skia.Rect(fx + 3, base - 17, fx + 4, base - 9), fill(k.g.c("#2a2a2a")))  # the cab's frame
    c.drawRect(skia.Rect(fx + 3, base - 17.5, fx + 11, base - 16.5), fill(k.g.c("#2a2a2a")))
    c.drawRect(skia.Rect(fx - 1.5, base - 20, fx - 0.5, base - 1), fill(k.g.c("#4a4a4e")))  # the mast
    c.drawRect(skia.Rect(fx - 7, base - 2, fx - 0.5, base - 1.2), fill(k.g.c("#4a4a4e")))  # the forks
    for wx in (fx + 2.5, fx + 9):
        c.drawCircle(wx, base - 2, 2.2, fill(k.g.c("#1a1a1a")))
    glow(c, fx + 7, base - 18.5, 3, k.g.c("#ff9a2a", 0.6, lit=0))  # its warning beacon


def scaffold(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A building going up: scaffolding of poles and planks against a half-built frame, sheeting
    on it, a cement mixer at its foot and a tower crane's mast and jib over it all; before 1950
    lashed wooden poles and no tower crane."""
    old = k.year is not None and k.year < 1950
    pole = stroke(k.g.c("#8a6a44" if old else "#9aa0a8"), 0.8)
    plank = fill(k.g.c("#b08a5a"))
    c.drawRect(skia.Rect(x - 22, 6, x + 22, base), fill(k.g.c("#6a6a6e" if not old else "#8a5a44")))  # the frame
    for yy in range(int(base) - 14, 6, -14):  # its floors, open between
        c.drawRect(skia.Rect(x - 21, yy - 9, x + 21, yy - 1), fill(k.g.c("#2a2a30")))
    for px in range(int(x) - 26, int(x) + 28, 9):
        c.drawLine(px, base, px, 4, pole)
    for yy in range(int(base) - 1, 4, -14):
        c.drawRect(skia.Rect(x - 27, yy - 1.2, x + 27, yy), plank)
        c.drawLine(x - 27, yy - 6, x + 27, yy - 6, pole)  # the guard rail
    c.drawRect(skia.Rect(x + 9, 6, x + 27, base - 30), fill(k.g.c("#3a7a9a" if not old else "#c8c0a8", 0.55)))
    mx = x - 34  # the cement mixer
    c.drawPath(poly([(mx - 5, base - 13), (mx + 3, base - 16), (mx + 6, base - 8), (mx - 3, base - 5)]),
               fill(k.g.c("#d86a2a")))
    c.drawOval(skia.Rect(mx - 6.5, base - 15, mx - 3.5, base - 11), fill(k.g.c("#2a2a2a")))
    c.drawLine(mx - 4, base - 6, mx - 6, base, stroke(k.g.c("#4a4a4e"), 0.7))
    c.drawLine(mx + 3, base - 6, mx + 5, base, stroke(k.g.c("#4a4a4e"), 0.7))
    c.drawCircle(mx + 5, base - 1.5, 1.5, fill(k.g.c("#1a1a1a")))
    if old:
        return
    yellow = stroke(k.g.c("#e8b82a"), 0.45)
    cx = x + 38  # the tower crane: a lattice mast, the jib out over the site, its hook on a cable
    for side in (-2.0, 2.0):
        c.drawLine(cx + side, base, cx + side, 6, stroke(k.g.c("#e8b82a"), 0.7))
    for yy in range(int(base), 6, -4):
        c.drawLine(cx - 2, yy, cx + 2, yy - 4, yellow)
    c.drawLine(cx - 70, 6, cx + 18, 6, stroke(k.g.c("#e8b82a"), 1.0))
    c.drawLine(cx - 70, 9, cx + 18, 9, yellow)
    for jx in range(int(cx) - 70, int(cx) + 18, 4):
        c.drawLine(jx, 9, jx + 2, 6, yellow)
    c.drawRect(skia.Rect(cx + 10, 9, cx + 18, 14), fill(k.g.c("#7a7a7e")))  # the counterweight
    c.drawRect(skia.Rect(cx + 2, 9, cx + 6, 13), fill(k.g.c("#f0ece0")))  # the driver's cab
    hx = cx - 48
    c.drawLine(hx, 9, hx, 32, stroke(k.g.c("#2a2a2a"), 0.3))
    c.drawRect(skia.Rect(hx - 6, 32, hx + 6, 34), fill(k.g.c("#7a3a2a")))  # a steel beam on the hook
    glow(c, cx, 5, 3, k.g.c("#ff3030", 0.7, lit=0))


def tea_urn(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A hall's trestle table under a white cloth: a chrome tea urn with its tap, cups on saucers,
    a plate of biscuits; a noticeboard of pinned notices on the wall above, chairs stacked by it
    (plastic on steel from the 1950s, wood before, and a copper urn)."""
    modern = k.year is None or k.year >= 1950
    c.drawRect(skia.Rect(x - 18, base - 44, x + 6, base - 30), fill(k.g.c("#a8743a")))  # the noticeboard
    c.drawRect(skia.Rect(x - 18, base - 44, x + 6, base - 30), stroke(k.g.c("#6a4a2a"), 0.6))
    for i, (dx, dy, col) in enumerate(((-16, -42, "#f0ece0"), (-9, -41, "#f0d84a"), (-2, -42.5, "#a8d8f0"),
                                       (-15, -36, "#f0a8c0"), (-7, -35, "#f0ece0"))):
        c.drawRect(skia.Rect(x + dx, base + dy, x + dx + 5.5, base + dy + 5),
                   fill(k.g.c(col if modern else "#e8dcc0")))  # coloured paper; handbills before
        c.drawCircle(x + dx + 2.7, base + dy + 0.6, 0.4, fill(k.g.c("#c82a2a")))
    c.drawRect(skia.Rect(x - 20, base - 11, x + 20, base - 9.5), fill(k.g.c("#f0ece4")))  # the cloth
    c.drawRect(skia.Rect(x - 20, base - 9.5, x + 20, base - 6.5), fill(k.g.c("#e4e0d8")))
    leg = stroke(k.g.c("#5a4a3a"), 0.6)
    for px in (x - 17, x + 17):
        c.drawLine(px - 2, base, px + 2, base - 6.5, leg)
        c.drawLine(px + 2, base, px - 2, base - 6.5, leg)
    urn = skia.Rect(x - 14, base - 23, x - 5, base - 11)  # the urn: chrome, or copper before the 1950s
    c.drawRoundRect(urn, 1.5, 1.5, fill(k.g.c("#c8ccd0" if modern else "#b8642a")))
    c.drawRect(skia.Rect(x - 13, base - 22, x - 11.5, base - 12), fill(k.g.c("#ffffff", 0.5, lit=0)))
    c.drawRect(skia.Rect(x - 15, base - 24.5, x - 4, base - 23), fill(k.g.c("#8a8e94")))
    c.drawRect(skia.Rect(x - 10.5, base - 26, x - 8.5, base - 24.5), fill(k.g.c("#2a2a2a")))
    c.drawRect(skia.Rect(x - 5, base - 15, x - 2.5, base - 14), fill(k.g.c("#2a2a2a")))  # the tap
    for i in range(5):  # cups on saucers
        px = x + 1 + i * 3.4
        c.drawOval(skia.Rect(px - 1.5, base - 11.6, px + 1.5, base - 10.8), fill(k.g.c("#f4f4f0")))
        c.drawRect(skia.Rect(px - 1, base - 13.5, px + 1, base - 11.2), fill(k.g.c("#f4f4f0")))
    c.drawOval(skia.Rect(x + 2, base - 15, x + 12, base - 13.6), fill(k.g.c("#d8d8d0")))  # biscuits
    for i in range(4):
        c.drawCircle(x + 4 + i * 2, base - 15, 0.9, fill(k.g.c("#c8904a")))
    seat = fill(k.g.c("#3a5a8a" if modern else "#7a5a3a"))
    for i in range(5):  # stacking chairs, stacked
        yy = base - 8 - i * 1.6
        c.drawRect(skia.Rect(x + 23, yy, x + 30, yy + 1.2), seat)
    c.drawRect(skia.Rect(x + 28.5, base - 22, x + 30, base - 14), seat)
    for px in (x + 23.5, x + 29.5):
        c.drawLine(px, base - 7, px, base, stroke(k.g.c("#5a5a5e"), 0.5))


def carnival_float(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A carnival float: a painted giant's head rising over a wheeled platform of feathers and
    streamers, bunting strung across the street above and confetti in the air."""
    for i in range(int(k.w // 6) + 1):  # the bunting
        px = i * 6.0
        sag = 6 + 3 * math.sin(px / k.w * math.pi * 3) ** 2
        c.drawPath(poly([(px, sag), (px + 4.5, sag + 0.2), (px + 2.2, sag + 4.2)]),
                   fill(k.g.c(("#e83a3a", "#f0c82a", "#2a8ae8", "#3ac86a", "#e84ac8")[i % 5], lit=0.4)))
    c.drawRect(skia.Rect(x - 26, base - 10, x + 26, base - 2), fill(k.g.c("#2a8a9a")))  # the platform
    c.drawRect(skia.Rect(x - 26, base - 11, x + 26, base - 9.5), fill(k.g.c("#f0c82a")))
    for wx in (x - 18, x + 18):
        c.drawCircle(wx, base - 2, 2.4, fill(k.g.c("#1a1a1a")))
    for i in range(11):  # feather plumes along the platform
        px = x - 24 + i * 4.8
        col = ("#e84a8a", "#f0c82a", "#3ac8e8", "#8a4ae8")[i % 4]
        c.drawOval(skia.Rect(px - 1.6, base - 19 - (i % 3) * 2, px + 1.6, base - 10), fill(k.g.c(col, lit=0.4)))
    c.drawOval(skia.Rect(x - 13, base - 44, x + 13, base - 14), fill(k.g.c("#e8a86a")))  # the giant's head
    c.drawPath(poly([(x - 15, base - 38), (x - 10, base - 54), (x - 3, base - 44), (x + 3, base - 56),
                     (x + 9, base - 44), (x + 15, base - 52), (x + 14, base - 38)]), fill(k.g.c("#f0c82a")))  # crown
    for ex in (x - 5.5, x + 5.5):
        c.drawOval(skia.Rect(ex - 3, base - 34, ex + 3, base - 29), fill(k.g.c("#ffffff")))
        c.drawCircle(ex, base - 31.3, 1.5, fill(k.g.c("#1a2a6a")))
    c.drawArc(skia.Rect(x - 7, base - 28, x + 7, base - 19), 10, 160, False, stroke(k.g.c("#a82a3a"), 1.2))
    glow(c, x, base - 30, 30, k.g.c("#fff0c0", 0.25, lit=0))  # the floodlights on it
    for i in range(24):  # confetti
        px = x - 40 + (i * 37 % 80)
        py = 14 + (i * 23 % 40)
        c.drawRect(skia.Rect(px, py, px + 0.9, py + 0.6),
                   fill(k.g.c(("#e83a3a", "#f0c82a", "#2a8ae8", "#3ac86a")[i % 4], lit=0.5)))


def lifeguard_chair(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A lifeguard's high chair on tall legs with a ladder up, a red rescue ring hung on it, and a
    diving board reaching out over the water beside it."""
    white = stroke(k.g.c("#f0f0ea"), 0.9)
    for lx, tx in ((x - 6, x - 4), (x + 6, x + 4)):
        c.drawLine(lx, base, tx, base - 24, white)
    for yy in range(int(base) - 4, int(base) - 24, -4):
        c.drawLine(x - 5.5, yy, x + 5.5, yy, stroke(k.g.c("#f0f0ea"), 0.5))
    c.drawRect(skia.Rect(x - 5, base - 26, x + 5, base - 24), fill(k.g.c("#f0f0ea")))  # the seat
    c.drawRect(skia.Rect(x - 5, base - 34, x - 3.8, base - 26), fill(k.g.c("#f0f0ea")))
    c.drawRect(skia.Rect(x - 6, base - 38, x + 6, base - 36), fill(k.g.c("#e83a3a")))  # a sunshade's edge
    c.drawCircle(x + 8, base - 14, 2.6, stroke(k.g.c("#e83a3a"), 1.2))  # the ring
    dx = x - 28  # the diving board on its stand
    c.drawRect(skia.Rect(dx - 3, base - 8, dx, base), fill(k.g.c("#9aa0a8")))
    c.drawRect(skia.Rect(dx - 4, base - 9, dx + 14, base - 7.6), fill(k.g.c("#2a7ab8")))


def boxing_ring(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A boxing ring: a raised square of pale canvas on a dark apron, a padded post at each corner
    (red and blue) and three ropes between them, a stool in the corner and a bell on the table."""
    c.drawRect(skia.Rect(x - 30, base - 6, x + 30, base), fill(k.g.c("#1e1e24")))  # the apron
    c.drawPath(poly([(x - 30, base - 6), (x + 30, base - 6), (x + 24, base - 11), (x - 24, base - 11)]),
               fill(k.g.c("#d8d4c8")))  # the canvas, seen from the side
    for side, col in ((-1, "#c8282a"), (1, "#2a48c8")):
        for px, py, h in ((x + side * 30, base - 6, 20), (x + side * 24, base - 11, 17)):
            c.drawRect(skia.Rect(px - 1.1, py - h, px + 1.1, py), fill(k.g.c(col)))
    rope = stroke(k.g.c("#f0ece4"), 0.7)
    for i in range(3):
        dy = 5 + i * 5
        c.drawLine(x - 30, base - 6 - dy, x + 30, base - 6 - dy, rope)  # the near ropes
        c.drawLine(x - 24, base - 11 - dy, x + 24, base - 11 - dy, stroke(k.g.c("#c8c4bc"), 0.5))
        for side in (-1, 1):
            c.drawLine(x + side * 30, base - 6 - dy, x + side * 24, base - 11 - dy, rope)
    c.drawRect(skia.Rect(x + 33, base - 5, x + 37, base - 4), fill(k.g.c("#6a4a2a")))  # the corner stool
    c.drawLine(x + 33.5, base - 4, x + 33.5, base, stroke(k.g.c("#4a3a2a"), 0.5))
    c.drawLine(x + 36.5, base - 4, x + 36.5, base, stroke(k.g.c("#4a3a2a"), 0.5))
    glow(c, x, base - 18, 30, k.g.c("#fff4d0", 0.35, lit=0))  # the lights over the ring


def quarry(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A flooded quarry: pale rock cut in steps down both sides to still, dark green water, a
    rusted fence and a warning sign at the edge; the whole width of the frame, wherever it is dressed."""
    x = k.w * 0.5
    rock, face = k.g.c("#a8a090"), k.g.c("#8a8272")
    for side in (-1, 1):
        for i in range(4):  # the benches, stepping down towards the water
            outer, inner = x + side * 70, x + side * (44 - i * 7)
            y = base - 34 + i * 8
            c.drawPath(poly([(outer, y), (inner, y), (inner, y + 8), (outer, y + 8)]), fill(face if i % 2 else rock))
            c.drawLine(inner, y, inner, y + 8, stroke(k.g.c("#5a5448"), 0.5))
    water = poly([(x - 24, base - 4), (x + 24, base - 4), (x + 20, base + 4), (x - 20, base + 4)])
    c.drawPath(water, fill(k.g.c("#1e3a34")))
    c.drawLine(x - 16, base - 2, x + 6, base - 2, stroke(k.g.c("#6a9a8a", 0.6), 0.4))  # light on the water
    for px in (x - 60, x - 50, x - 40):  # the fence along the top
        c.drawLine(px, base - 34, px, base - 40, stroke(k.g.c("#6a3a22"), 0.6))
    c.drawLine(x - 62, base - 38, x - 38, base - 38, stroke(k.g.c("#6a3a22"), 0.4))
    c.drawRect(skia.Rect(x + 44, base - 44, x + 54, base - 38), fill(k.g.c("#e8c82a")))  # the sign
    c.drawLine(x + 49, base - 38, x + 49, base - 34, stroke(k.g.c("#3a3a3a"), 0.6))
    c.drawPath(poly([(x + 49, base - 43), (x + 46.5, base - 39), (x + 51.5, base - 39)]), stroke(k.g.c("#1a1a1a"), 0.4))


def wedding_tables(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A wedding reception: round tables under white cloths with flowers on them, and a tiered
    white cake on its own table."""
    cloth = fill(k.g.c("#f2eee6"))
    for i, tx in enumerate((x - 22, x + 4)):
        c.drawPath(poly([(tx - 9, base - 8), (tx + 9, base - 8), (tx + 11, base), (tx - 11, base)]), cloth)
        c.drawOval(skia.Rect(tx - 9, base - 9.5, tx + 9, base - 6.5), cloth)
        for j in range(3):  # the flowers in the middle
            c.drawCircle(tx - 1.5 + j * 1.5, base - 11 - (j % 2), 1.1,
                         fill(k.g.c(("#e86a8a", "#f0c8d8", "#e84a6a")[(i + j) % 3])))
    cx = x + 24
    c.drawRect(skia.Rect(cx - 5, base - 8, cx + 5, base), cloth)
    for w, y0, y1 in ((4.5, base - 13, base - 8), (3.2, base - 17, base - 13), (2.0, base - 20, base - 17)):
        c.drawRect(skia.Rect(cx - w, y0, cx + w, y1), fill(k.g.c("#faf8f2")))
        c.drawLine(cx - w, y1 - 0.5, cx + w, y1 - 0.5, stroke(k.g.c("#e8c8d0"), 0.4))


def enclosure(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A zoo's enclosure: leafy bushes and a rock behind a low wall topped with tall bars (a big
    cat's, a bear's), a keeper's gate in it and the name board on a post; the path in front."""
    c.drawRect(skia.Rect(x - 30, base - 1, x + 30, base + 4), fill(k.g.c("#b8a47a")))  # the gravel path
    leaf, dark = k.g.c("#3f7a34"), k.g.c("#2a5a26")
    c.drawRoundRect(skia.Rect(x - 12, base - 17, x + 6, base - 4), 6, 6, fill(k.g.c("#8a8478")))  # the rock
    for bx, r in ((x - 20, 9.0), (x - 9, 7.0), (x + 12, 10.0), (x + 22, 8.0)):  # bushes inside
        c.drawCircle(bx, base - 9 - r * 0.4, r, fill(dark))
        c.drawCircle(bx - r * 0.3, base - 11 - r * 0.6, r * 0.7, fill(leaf))
    c.drawRect(skia.Rect(x - 26, base - 6, x + 26, base), fill(k.g.c("#9a8a70")))  # the low wall
    bar = fill(k.g.c("#3a3a40"))
    for i in range(27):  # the bars over it
        px = x - 26 + i * 2
        c.drawRect(skia.Rect(px, base - 36, px + 0.55, base - 6), bar)
    c.drawRect(skia.Rect(x - 26, base - 37, x + 26, base - 35.6), bar)
    c.drawRect(skia.Rect(x - 26, base - 21, x + 26, base - 20.2), bar)
    c.drawRect(skia.Rect(x + 28, base - 22, x + 29, base), fill(k.g.c("#5a4030")))  # the board's post
    c.drawRoundRect(skia.Rect(x + 25, base - 28, x + 35, base - 21), 1, 1, fill(k.g.c("#2a5a3a")))
    c.drawLine(x + 27, base - 25.5, x + 33, base - 25.5, stroke(k.g.c("#e8e0c0"), 0.5))


def viewing_platform(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A wooden platform up among the treetops at a giraffe's height: plank deck and rail across
    the front, leafy crowns level with it, and a giraffe's long neck and head beside the rail."""
    w = k.w
    for tx in (x - 44, x - 30, x + 30, x + 46):  # the crowns, level with the deck
        c.drawCircle(tx, base - 24, 13, fill(k.g.c("#2f6a2c")))
        c.drawCircle(tx + 4, base - 28, 8, fill(k.g.c("#4a8a3a")))
    # the giraffe: a spotted neck rising from below the deck, its head at the rail
    gx = x + 18
    hide, spot = k.g.c("#d8a048"), k.g.c("#8a4a1e")
    c.drawPath(poly([(gx - 3, base + 6), (gx + 3, base + 6), (gx + 2, base - 30), (gx - 2, base - 31)]), fill(hide))
    for sy in range(0, 34, 6):
        c.drawCircle(gx, base + 2 - sy, 1.2, fill(spot))
    c.drawPath(poly([(gx - 2, base - 33), (gx + 9, base - 30), (gx + 9, base - 27), (gx - 1, base - 28)]), fill(hide))
    c.drawCircle(gx + 2.5, base - 31, 0.6, fill(k.g.c("#1a1a1a")))  # the eye
    for ox in (-1.0, 1.2):  # the ossicones
        c.drawLine(gx + ox, base - 33, gx + ox, base - 36, stroke(hide, 0.6))
        c.drawCircle(gx + ox, base - 36, 0.6, fill(spot))
    plank, dark = k.g.c("#8a6238"), k.g.c("#5a3e22")
    c.drawRect(skia.Rect(0, base - 2, w, base + 40), fill(plank))  # the deck
    for py in range(0, 40, 3):
        c.drawLine(0, base - 2 + py, w, base - 2 + py, stroke(dark, 0.25))
    c.drawRect(skia.Rect(0, base - 14, w, base - 12.5), fill(dark))  # the rail
    for px in range(0, int(w) + 1, 8):
        c.drawRect(skia.Rect(px, base - 14, px + 1, base - 2), fill(dark))
