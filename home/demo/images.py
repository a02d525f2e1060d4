"""Images drawn locally with Pillow: community pictograms, the home hero, kit illustrations.

Nothing is downloaded. Each image's title describes it, since templates use it as alt text.
"""

import io
import math

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

WHITE = (255, 255, 255)

# Drawing colours for CommunityPage.COLOURS keys (the page itself only stores the key).
COLOURS = {
    "solidarity": (200, 36, 52),
    "climate": (31, 104, 168),
    "green": (38, 124, 74),
    "cleanliness": (16, 122, 122),
    "street": (196, 98, 16),
    "company": (111, 70, 150),
    "rescue": (160, 20, 56),
    "debate": (60, 60, 160),
    "sport": (176, 136, 0),
}


def _heart(draw, size, colour):
    r = size * 0.17
    cy = size * 0.42
    for cx in (size * 0.35, size * 0.65):
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=WHITE)
    draw.polygon(
        [(size * 0.19, cy + r * 0.35), (size * 0.81, cy + r * 0.35), (size * 0.5, size * 0.8)],
        fill=WHITE,
    )


def _sun(draw, size, colour):
    c, r = size / 2, size * 0.16
    draw.ellipse((c - r, c - r, c + r, c + r), fill=WHITE)
    for step in range(8):
        angle = step * math.pi / 4
        inner, outer = size * 0.24, size * 0.36
        draw.line(
            (
                c + inner * math.cos(angle),
                c + inner * math.sin(angle),
                c + outer * math.cos(angle),
                c + outer * math.sin(angle),
            ),
            fill=WHITE,
            width=max(2, size // 28),
        )


def _leaf(draw, size, colour):
    draw.ellipse((size * 0.25, size * 0.18, size * 0.75, size * 0.82), fill=WHITE)
    draw.line(
        (size * 0.5, size * 0.25, size * 0.5, size * 0.9), fill=colour, width=max(2, size // 40)
    )


def _sparkle(draw, size, colour):
    c = size / 2
    big, small = size * 0.34, size * 0.08
    draw.polygon(
        [
            (c, c - big),
            (c + small, c - small),
            (c + big, c),
            (c + small, c + small),
            (c, c + big),
            (c - small, c + small),
            (c - big, c),
            (c - small, c - small),
        ],
        fill=WHITE,
    )


def _pin(draw, size, colour):
    c, r = size / 2, size * 0.2
    cy = size * 0.4
    draw.ellipse((c - r, cy - r, c + r, cy + r), fill=WHITE)
    draw.polygon(
        [(c - r * 0.85, cy + r * 0.5), (c + r * 0.85, cy + r * 0.5), (c, size * 0.85)], fill=WHITE
    )
    hole = r * 0.4
    draw.ellipse((c - hole, cy - hole, c + hole, cy + hole), fill=colour)


def _people(draw, size, colour):
    for cx, scale in ((size * 0.37, 1.0), (size * 0.63, 0.85)):
        head = size * 0.09 * scale
        draw.ellipse((cx - head, size * 0.3 - head, cx + head, size * 0.3 + head), fill=WHITE)
        body = size * 0.16 * scale
        draw.pieslice(
            (cx - body, size * 0.45, cx + body, size * 0.45 + 2 * body), 180, 360, fill=WHITE
        )


def _cross(draw, size, colour):
    arm = size * 0.11
    draw.rounded_rectangle(
        (size / 2 - arm, size * 0.2, size / 2 + arm, size * 0.8), arm / 2, fill=WHITE
    )
    draw.rounded_rectangle(
        (size * 0.2, size / 2 - arm, size * 0.8, size / 2 + arm), arm / 2, fill=WHITE
    )


def _bubbles(draw, size, colour):
    draw.rounded_rectangle(
        (size * 0.14, size * 0.2, size * 0.6, size * 0.5), size * 0.06, fill=WHITE
    )
    draw.polygon(
        [(size * 0.22, size * 0.48), (size * 0.32, size * 0.48), (size * 0.2, size * 0.6)],
        fill=WHITE,
    )
    draw.rounded_rectangle(
        (size * 0.4, size * 0.45, size * 0.86, size * 0.75),
        size * 0.06,
        fill=WHITE,
        outline=colour,
        width=max(2, size // 40),
    )
    draw.polygon(
        [(size * 0.7, size * 0.74), (size * 0.8, size * 0.74), (size * 0.82, size * 0.86)],
        fill=WHITE,
    )


def _medal(draw, size, colour):
    draw.polygon(
        [(size * 0.3, size * 0.12), (size * 0.42, size * 0.12), (size * 0.52, size * 0.45)],
        fill=WHITE,
    )
    draw.polygon(
        [(size * 0.7, size * 0.12), (size * 0.58, size * 0.12), (size * 0.48, size * 0.45)],
        fill=WHITE,
    )
    c, r = size / 2, size * 0.2
    draw.ellipse((c - r, size * 0.6 - r, c + r, size * 0.6 + r), fill=WHITE)
    inner = r * 0.55
    draw.ellipse(
        (c - inner, size * 0.6 - inner, c + inner, size * 0.6 + inner),
        outline=colour,
        width=max(2, size // 40),
    )


def _circles(draw, width, height):
    """Nine overlapping discs, one per community colour."""
    r = height * 0.22
    for index, colour in enumerate(COLOURS.values()):
        cx = width * (0.1 + 0.1 * index)
        cy = height * (0.4 if index % 2 else 0.6)
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=colour)


def _pictogram(glyph, colour_key):
    def draw_image():
        size = 256
        colour = COLOURS[colour_key]
        image = PILImage.new("RGB", (size, size), colour)
        glyph(ImageDraw.Draw(image), size, colour)
        return image

    return draw_image


def _illustration(glyph, colour_key):
    """A wide card: the glyph on the left of a band of the community colour."""

    def draw_image():
        width, height = 1200, 630
        colour = COLOURS[colour_key]
        image = PILImage.new("RGB", (width, height), (246, 244, 239))
        draw = ImageDraw.Draw(image)
        draw.rectangle((0, 0, width * 0.45, height), fill=colour)
        square = PILImage.new("RGB", (height, height), colour)
        glyph(ImageDraw.Draw(square), height, colour)
        image.paste(square, (int(width * 0.45 - height) // 2 + 20, 0))
        for index in range(5):
            y = height * (0.25 + 0.12 * index)
            draw.rounded_rectangle(
                (width * 0.52, y, width * (0.92 - 0.06 * index), y + 22), 11, fill=(220, 216, 206)
            )
        return image

    return draw_image


def _hero():
    width, height = 1600, 800
    image = PILImage.new("RGB", (width, height), (246, 244, 239))
    _circles(ImageDraw.Draw(image), width, height)
    return image


# key: (title, used as alt text; file name; drawing function)
IMAGES = {
    "pictogram-solidarity": (
        "Pictogramme des Volontaires de la Solidarité : un cœur blanc sur fond rouge",
        "pictogramme-solidarite.png",
        _pictogram(_heart, "solidarity"),
    ),
    "pictogram-climate": (
        "Pictogramme des Volontaires du Climat : un soleil blanc sur fond bleu",
        "pictogramme-climat.png",
        _pictogram(_sun, "climate"),
    ),
    "pictogram-green": (
        "Pictogramme de Végétalisons Paris : une feuille blanche sur fond vert",
        "pictogramme-vegetalisons-paris.png",
        _pictogram(_leaf, "green"),
    ),
    "pictogram-cleanliness": (
        "Pictogramme des Volontaires de la Propreté : une étoile scintillante sur fond turquoise",
        "pictogramme-proprete.png",
        _pictogram(_sparkle, "cleanliness"),
    ),
    "pictogram-street": (
        "Pictogramme des Signaleurs « Dans ma rue » : un repère de carte sur fond orange",
        "pictogramme-dans-ma-rue.png",
        _pictogram(_pin, "street"),
    ),
    "pictogram-company": (
        "Pictogramme de Paris en Compagnie : deux silhouettes côte à côte sur fond violet",
        "pictogramme-paris-en-compagnie.png",
        _pictogram(_people, "company"),
    ),
    "pictogram-rescue": (
        "Pictogramme de Paris qui Sauve : une croix de premiers secours sur fond pourpre",
        "pictogramme-paris-qui-sauve.png",
        _pictogram(_cross, "rescue"),
    ),
    "pictogram-debate": (
        "Pictogramme des Volontaires des Débats : deux bulles de dialogue sur fond indigo",
        "pictogramme-debats.png",
        _pictogram(_bubbles, "debate"),
    ),
    "pictogram-sport": (
        "Pictogramme de Team Paris : une médaille sur fond doré",
        "pictogramme-team-paris.png",
        _pictogram(_medal, "sport"),
    ),
    "hero": (
        "Neuf disques de couleur qui se chevauchent, un par communauté de Volontaires",
        "volontaires-de-paris-accueil.png",
        _hero,
    ),
    "kit-heatwave": (
        "Illustration du kit « Le Volontaire et la canicule » : un soleil",
        "kit-canicule.png",
        _illustration(_sun, "climate"),
    ),
    "evening": (
        "Illustration de la Soirée de l'engagement : deux bulles de dialogue",
        "soiree-de-l-engagement.png",
        _illustration(_bubbles, "debate"),
    ),
}


def ensure_images():
    """The demo images by key, and those created now.

    An image is drawn and saved only when no image has its title yet.
    """
    Image = get_image_model()
    titles = {title: key for key, (title, _filename, _draw) in IMAGES.items()}
    images = {titles[image.title]: image for image in Image.objects.filter(title__in=titles)}
    created = []
    for key, (title, filename, draw_image) in IMAGES.items():
        if key in images:
            continue
        buffer = io.BytesIO()
        draw_image().save(buffer, format="PNG", optimize=True)
        image = Image(title=title, file=ImageFile(buffer, name=filename))
        image.file_size = buffer.getbuffer().nbytes
        buffer.seek(0)
        image.file_hash = hash_filelike(buffer)
        buffer.seek(0)
        image.save()
        images[key] = image
        created.append(image)
    return images, created
