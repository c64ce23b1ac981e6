"""Lead images for the demo articles, drawn locally with Pillow (nothing is downloaded).

Each picture is a calm gradient with a few simple shapes suggesting the scene (a meeting
room, the council hall, a mountain landscape, the provincial office building) and the
section name along the bottom. The drawing is seeded by the article slug, so the same
article always gets the same picture.
"""

from __future__ import annotations

import io
import math
import random
import zlib
from collections.abc import Callable
from functools import cache

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images.models import Image
from wagtail.utils.file import hash_filelike

WIDTH, HEIGHT = 1200, 800
BAND_HEIGHT = 96

# (top, bottom) gradient pairs: muted blues, teals, greens and sand.
PALETTES = [
    ((214, 228, 240), (122, 158, 190)),
    ((222, 236, 228), (118, 160, 140)),
    ((238, 232, 218), (176, 150, 118)),
    ((226, 230, 242), (130, 140, 182)),
    ((216, 236, 238), (96, 150, 160)),
]
SKIN = [(236, 200, 170), (222, 184, 150), (206, 166, 130)]
CLOTHES = [(52, 70, 104), (240, 240, 236), (70, 90, 80), (120, 40, 48), (60, 60, 66)]
FONT_CANDIDATES = [
    "DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "NotoSans-Bold.ttf",
]


@cache
def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    for candidate in FONT_CANDIDATES:
        try:
            return ImageFont.truetype(candidate, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _gradient(top: tuple, bottom: tuple) -> PILImage.Image:
    mask = PILImage.linear_gradient("L").resize((WIDTH, HEIGHT))
    return PILImage.composite(
        PILImage.new("RGB", (WIDTH, HEIGHT), bottom),
        PILImage.new("RGB", (WIDTH, HEIGHT), top),
        mask,
    )


def _shade(color: tuple, factor: float) -> tuple:
    return tuple(max(0, min(255, int(channel * factor))) for channel in color)


def _person(draw: ImageDraw.ImageDraw, x: int, y: int, scale: float, rng: random.Random):
    """A seated figure seen from the front: head and shoulders."""
    head = int(22 * scale)
    body_w, body_h = int(70 * scale), int(60 * scale)
    draw.rounded_rectangle(
        (x - body_w // 2, y, x + body_w // 2, y + body_h),
        radius=int(18 * scale),
        fill=rng.choice(CLOTHES),
    )
    draw.ellipse((x - head, y - 2 * head, x + head, y), fill=rng.choice(SKIN))
    draw.chord((x - head, y - 2 * head, x + head, y - head // 2), 180, 360, fill=(40, 36, 34))


def _star(draw: ImageDraw.ImageDraw, cx: int, cy: int, radius: int, fill: tuple):
    points = []
    for index in range(10):
        r = radius if index % 2 == 0 else radius * 0.4
        angle = math.pi / 2 + index * math.pi / 5
        points.append((cx + r * math.cos(angle), cy - r * math.sin(angle)))
    draw.polygon(points, fill=fill)


def _meeting(canvas: PILImage.Image, rng: random.Random) -> None:
    """A working session: a long table, name plates, people on both sides."""
    draw = ImageDraw.Draw(canvas)
    floor_y = 470
    draw.rectangle((0, floor_y, WIDTH, HEIGHT), fill=(150, 120, 96))
    for x in range(0, WIDTH, 120):
        draw.line((x, floor_y, x - 80, HEIGHT), fill=(138, 110, 88), width=2)
    # Windows on the back wall.
    for x in range(80, WIDTH - 80, 260):
        draw.rectangle(
            (x, 90, x + 170, 330), fill=(236, 244, 250), outline=(180, 190, 200), width=6
        )
        draw.line((x + 85, 90, x + 85, 330), fill=(180, 190, 200), width=4)
    # People behind the table, then the table itself.
    for x in range(150, WIDTH - 100, 130):
        _person(draw, x + rng.randint(-12, 12), 420, 1.0, rng)
    draw.rectangle((60, 470, WIDTH - 60, 530), fill=(118, 78, 52))
    draw.rectangle((60, 530, WIDTH - 60, 560), fill=(96, 62, 42))
    for x in range(150, WIDTH - 100, 130):
        draw.rectangle((x - 34, 448, x + 34, 470), fill=(248, 248, 244))
        draw.ellipse((x + 40, 452, x + 58, 470), fill=(230, 236, 240))
    for x in range(210, WIDTH - 150, 200):
        _person(draw, x, 640, 1.5, rng)


def _hall(canvas: PILImage.Image, rng: random.Random) -> None:
    """The council hall: red backdrop with a star, presidium, rows of delegates."""
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((300, 40, 900, 300), fill=(176, 32, 38))
    _star(draw, 600, 150, 70, (250, 214, 64))
    draw.rectangle((300, 260, 900, 300), fill=(150, 26, 32))
    draw.rectangle((320, 330, 880, 380), fill=(120, 80, 54))
    for x in range(370, 860, 90):
        _person(draw, x, 320, 0.7, rng)
    draw.rectangle((200, 300, 270, 380), fill=(140, 96, 64))
    for row, (y, scale) in enumerate([(470, 0.8), (570, 1.0), (690, 1.25)]):
        step = int(120 * scale)
        offset = (row % 2) * step // 2
        draw.rectangle((0, y + 10, WIDTH, y + 40), fill=_shade((118, 84, 60), 1 - row * 0.08))
        for x in range(60 + offset, WIDTH, step):
            _person(draw, x + rng.randint(-6, 6), y, scale, rng)


def _landscape(canvas: PILImage.Image, rng: random.Random) -> None:
    """Mountains, terraced fields and a stilt house: a field visit in the highlands."""
    draw = ImageDraw.Draw(canvas)
    draw.ellipse((880, 80, 980, 180), fill=(252, 236, 190))
    greens = [(150, 176, 170), (112, 150, 128), (84, 128, 96), (70, 112, 74)]
    for layer, color in enumerate(greens):
        base = 300 + layer * 90
        points = [(0, HEIGHT)]
        y = base - rng.randint(0, 80)
        for x in range(0, WIDTH + 100, 100):
            y = max(120, min(base + 40, y + rng.randint(-70, 70)))
            points.append((x, y))
        points.append((WIDTH, HEIGHT))
        draw.polygon(points, fill=color)
    for index in range(7):
        y = 560 + index * 28
        draw.arc((-200, y - 120, WIDTH + 200, y + 120), 190, 350, fill=(190, 200, 120), width=4)
    house_x = rng.randint(160, 900)
    draw.rectangle((house_x, 520, house_x + 150, 580), fill=(150, 104, 66))
    draw.polygon(
        [(house_x - 20, 520), (house_x + 75, 470), (house_x + 170, 520)], fill=(96, 70, 48)
    )
    for post in range(4):
        px = house_x + 10 + post * 42
        draw.rectangle((px, 580, px + 6, 620), fill=(90, 62, 40))


def _building(canvas: PILImage.Image, rng: random.Random) -> None:
    """The provincial administrative building with its columns and flag."""
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 560, WIDTH, HEIGHT), fill=(120, 150, 110))
    draw.rectangle((220, 220, 980, 560), fill=(238, 230, 210))
    draw.polygon([(200, 230), (600, 130), (1000, 230)], fill=(176, 80, 60))
    for x in range(270, 960, 80):
        draw.rectangle((x, 260, x + 28, 540), fill=(250, 248, 240))
    for y in range(280, 520, 70):
        for x in range(310, 930, 80):
            draw.rectangle((x, y, x + 24, y + 40), fill=(120, 150, 180))
    for step in range(4):
        draw.rectangle(
            (200 - step * 20, 540 + step * 10, 1000 + step * 20, 552 + step * 10),
            fill=(214, 210, 200),
        )
    pole_x = 600
    draw.rectangle((pole_x - 3, 20, pole_x + 3, 140), fill=(90, 90, 96))
    draw.rectangle((pole_x + 3, 24, pole_x + 93, 84), fill=(206, 32, 40))
    _star(draw, pole_x + 48, 54, 18, (250, 214, 64))
    for x in range(40, WIDTH, 220):
        tree_x = x + rng.randint(-20, 20)
        draw.rectangle((tree_x - 6, 600, tree_x + 6, 660), fill=(92, 66, 44))
        draw.ellipse((tree_x - 50, 520, tree_x + 50, 620), fill=(70, 120, 70))


SCENES: dict[str, Callable[[PILImage.Image, random.Random], None]] = {
    "meeting": _meeting,
    "hall": _hall,
    "landscape": _landscape,
    "building": _building,
}


def draw_lead_image(seed: str, scene: str, label: str) -> bytes:
    """Return JPEG bytes for a 1200×800 picture; the same arguments give the same bytes."""
    rng = random.Random(zlib.crc32(seed.encode("utf-8")))
    top, bottom = rng.choice(PALETTES)
    canvas = _gradient(top, bottom)
    SCENES.get(scene, _meeting)(canvas, rng)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, HEIGHT - BAND_HEIGHT, WIDTH, HEIGHT), fill=_shade(bottom, 0.55))
    draw.rectangle((0, HEIGHT - BAND_HEIGHT, 16, HEIGHT), fill=(206, 32, 40))
    draw.text(
        (48, HEIGHT - BAND_HEIGHT // 2),
        label,
        font=_font(40),
        fill=(255, 255, 255),
        anchor="lm",
    )
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def ensure_image(
    *, title: str, description: str, seed: str, scene: str, label: str
) -> tuple[Image, bool]:
    """The Wagtail image with this title, drawn and stored if missing. Returns (image, created)."""
    existing = Image.objects.filter(title=title).order_by("pk").first()
    if existing is not None:
        return existing, False
    data = draw_lead_image(seed, scene, label)
    buffer = io.BytesIO(data)
    image = Image(
        title=title,
        description=description,
        file=ImageFile(buffer, name=f"demo-{seed[:80]}.jpg"),
        file_size=len(data),
        file_hash=hash_filelike(io.BytesIO(data)),
    )
    image.save()
    return image, True
