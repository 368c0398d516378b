"""The demo's photos: a small pool of pictures drawn here (a scene per problem group, the
category's code written on it), two per category, reused by every case of the category.

Evidence is content-addressed, so a picture reused a million times is stored once; the pool
is the same for every seed and every build (it depends only on the category), so building
it costs a fraction of a second and the blob folder stays under a megabyte.
"""

from __future__ import annotations

import hashlib
import io
import random
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont
from sqlite_utils import Database

from app.store.blobs import BlobStore

SIZE = (320, 240)
VARIANTS = 2
MEDIA_TYPE = "image/jpeg"


@dataclass(frozen=True)
class Photo:
    sha256: str
    data: bytes


@lru_cache(maxsize=256)
def photo(category: str, variant: int) -> Photo:
    """One picture of the pool: a scene for the category's group, seeded by the category."""
    rng = random.Random(f"{category}/{variant}")  # a str seed is hashed the same every run
    image = Image.new("RGB", SIZE, _sky(rng))
    draw = ImageDraw.Draw(image)
    _SCENES.get(category[:2], _street)(draw, rng)
    label = f"QS {category}-{variant + 1}"
    draw.rectangle((6, 214, 120, 234), fill=(0, 0, 0))
    draw.text((10, 217), label, fill=(255, 230, 120), font=ImageFont.load_default())
    out = io.BytesIO()
    image.save(out, "JPEG", quality=72, optimize=False, progressive=False)
    data = out.getvalue()
    return Photo(hashlib.sha256(data).hexdigest(), data)


def pool(categories: list[str]) -> dict[str, list[Photo]]:
    return {code: [photo(code, v) for v in range(VARIANTS)] for code in categories}


def write_files(blobs: BlobStore, photos: list[Photo]) -> None:
    """The pool's files beside the database (each once; those already there are kept)."""
    for item in photos:
        blobs.put_bytes(item.sha256, item.data)


def record(db: Database, photos: list[Photo]) -> None:
    """The pool's rows in ``blobs``, as a registration with photos writes them, inside the
    caller's transaction."""
    db.conn.executemany(
        "INSERT OR IGNORE INTO blobs (sha256, size, media_type) VALUES (?, ?, ?)",
        [(p.sha256, len(p.data), MEDIA_TYPE) for p in photos],
    )


# -- scenes -----------------------------------------------------------------------------------

Color = tuple[int, int, int]


def _sky(rng: random.Random) -> Color:
    return (rng.randint(150, 200), rng.randint(185, 220), rng.randint(215, 245))


def _jitter(rng: random.Random, base: Color, by: int = 25) -> Color:
    r, g, b = (min(255, max(0, c + rng.randint(-by, by))) for c in base)
    return (r, g, b)


def _shade(rng: random.Random, base: Color, by: int = 20) -> Color:
    """Lighter or darker, the same hue (a grey road stays grey)."""
    shift = rng.randint(-by, by)
    r, g, b = (min(255, max(0, c + shift)) for c in base)
    return (r, g, b)


def _ground(draw: ImageDraw.ImageDraw, rng: random.Random, color: Color, top: int) -> None:
    draw.rectangle((0, top, SIZE[0], SIZE[1]), fill=_shade(rng, color))


def _blocks(draw: ImageDraw.ImageDraw, rng: random.Random, base: int, n: int) -> None:
    x = rng.randint(-20, 10)
    for _ in range(n):
        w, h = rng.randint(40, 80), rng.randint(50, 120)
        draw.rectangle((x, base - h, x + w, base), fill=_jitter(rng, (190, 180, 165), 40))
        for wy in range(base - h + 10, base - 10, 18):
            for wx in range(x + 8, x + w - 8, 16):
                draw.rectangle((wx, wy, wx + 7, wy + 9), fill=(90, 110, 130))
        x += w + rng.randint(4, 20)


def _street(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:  # 市容环境
    _blocks(draw, rng, 150, 5)
    _ground(draw, rng, (120, 120, 125), 150)
    for x in range(0, SIZE[0], 40):
        draw.rectangle((x, 188, x + 22, 192), fill=(235, 235, 235))
    for _ in range(rng.randint(3, 7)):  # stalls, bags, boxes
        x, y = rng.randint(10, 290), rng.randint(155, 205)
        draw.rectangle(
            (x, y, x + rng.randint(12, 30), y + rng.randint(8, 20)),
            fill=_jitter(rng, (200, 80, 60), 60),
        )


def _building(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:  # 规划建设
    _ground(draw, rng, (150, 125, 95), 170)
    _blocks(draw, rng, 170, 3)
    x = rng.randint(150, 230)
    for y in range(60, 170, 14):  # scaffolding
        draw.line((x, y, x + 70, y), fill=(80, 80, 80), width=2)
    for dx in range(0, 71, 14):
        draw.line((x + dx, 60, x + dx, 170), fill=(80, 80, 80), width=2)
    draw.line((40, 20, 40, 170), fill=(230, 180, 30), width=4)  # a crane
    draw.line((40, 24, 200, 24), fill=(230, 180, 30), width=4)


def _land(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:  # 国土资源
    draw.polygon(
        [(0, 120), (90, 60), (180, 115), (260, 70), (320, 110), (320, 130), (0, 130)],
        fill=_jitter(rng, (110, 130, 90)),
    )
    for i, y in enumerate(range(130, 240, 14)):
        color = (95, 150, 70) if i % 2 else (130, 105, 70)
        draw.rectangle((0, y, SIZE[0], y + 14), fill=_jitter(rng, color, 15))
    x = rng.randint(60, 220)
    draw.rectangle((x, 150, x + 50, 175), fill=(235, 185, 30))  # an excavator
    draw.line((x + 50, 155, x + 85, 135), fill=(235, 185, 30), width=5)


def _smoke(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:  # 生态环境
    _ground(draw, rng, (100, 120, 90), 165)
    draw.rectangle((0, 195, SIZE[0], 215), fill=_jitter(rng, (70, 90, 95)))  # a ditch
    x = rng.randint(60, 240)
    draw.rectangle((x, 70, x + 18, 165), fill=(150, 140, 135))  # a chimney
    for i in range(6):
        r = 12 + i * 5
        cx, cy = x + 9 + i * rng.randint(6, 14), 60 - i * 9
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=_jitter(rng, (90, 90, 90), 20))


def _shop(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:  # 市场监管
    draw.rectangle((0, 0, SIZE[0], SIZE[1]), fill=_jitter(rng, (225, 215, 195)))
    for y in range(40, 200, 40):  # shelves with goods
        draw.rectangle((10, y + 28, 310, y + 32), fill=(120, 90, 60))
        x = 14
        while x < 300:
            w = rng.randint(10, 22)
            draw.rectangle((x, y + 4, x + w, y + 28), fill=_jitter(rng, (180, 90, 70), 70))
            x += w + 3


def _hazard(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:  # 安全生产
    draw.rectangle((0, 0, SIZE[0], SIZE[1]), fill=_shade(rng, (80, 85, 95)))
    for x in range(-40, SIZE[0], 30):  # warning stripes
        draw.polygon([(x, 200), (x + 15, 200), (x + 45, 170), (x + 30, 170)], fill=(240, 190, 20))
    for _ in range(rng.randint(3, 6)):  # drums and cylinders
        x = rng.randint(10, 280)
        draw.rectangle((x, 110, x + 26, 168), fill=_jitter(rng, (170, 50, 40), 40))


def _road(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:  # 交通运输
    _ground(draw, rng, (110, 140, 90), 100)
    draw.polygon([(130, 100), (190, 100), (320, 240), (0, 240)], fill=_shade(rng, (95, 95, 100)))
    for _ in range(rng.randint(2, 4)):  # potholes
        x, y = rng.randint(80, 220), rng.randint(150, 220)
        draw.ellipse((x, y, x + rng.randint(20, 45), y + rng.randint(8, 16)), fill=(45, 40, 38))
    x = rng.randint(120, 170)
    draw.rectangle((x, 90, x + 40, 120), fill=_jitter(rng, (60, 110, 170), 40))  # a truck


def _people(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:  # 社会治安与矛盾纠纷
    _ground(draw, rng, (160, 150, 140), 160)
    draw.rectangle((0, 40, SIZE[0], 160), fill=_jitter(rng, (200, 195, 185)))  # a wall
    for x in range(30, 300, 90):
        draw.rectangle((x, 80, x + 40, 160), fill=(120, 70, 50))  # doors
    for _ in range(rng.randint(2, 5)):
        x = rng.randint(10, 290)
        draw.ellipse((x, 120, x + 16, 136), fill=(230, 200, 170))
        draw.rectangle((x - 2, 136, x + 18, 180), fill=_jitter(rng, (60, 70, 120), 60))


def _clinic(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:  # 卫生健康
    draw.rectangle((0, 0, SIZE[0], SIZE[1]), fill=_jitter(rng, (225, 235, 240), 10))
    x = rng.randint(40, 220)
    draw.rectangle((x, 50, x + 60, 70), fill=(200, 40, 40))
    draw.rectangle((x + 20, 30, x + 40, 90), fill=(200, 40, 40))
    draw.rectangle((0, 170, SIZE[0], SIZE[1]), fill=_jitter(rng, (170, 180, 185)))
    draw.rectangle((200, 120, 300, 175), fill=(140, 160, 175))  # a counter


def _water(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:  # 农业水利
    _ground(draw, rng, (100, 150, 80), 110)
    draw.polygon([(0, 150), (320, 130), (320, 190), (0, 210)], fill=_jitter(rng, (70, 120, 160)))
    for _ in range(rng.randint(4, 9)):  # what floats on it
        x, y = rng.randint(10, 300), rng.randint(150, 195)
        draw.ellipse((x, y, x + 8, y + 5), fill=_jitter(rng, (220, 220, 200), 30))


_SCENES = {
    "01": _street,
    "02": _building,
    "03": _land,
    "04": _smoke,
    "05": _shop,
    "06": _hazard,
    "07": _road,
    "08": _people,
    "09": _clinic,
    "10": _water,
}
