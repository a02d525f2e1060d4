"""Every page type in both languages, in Chromium: accessible (axe-core, WCAG 2.1 A and AA),
valid HTML (the Nu HTML Checker), light, self-contained; screenshots for reviewers."""

import io
import json
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from .conftest import SCREENSHOTS

PAGE_TYPES = [
    "home",
    "standard",
    "community_index",
    "community",
    "kit",
    "charter",
    "programme",
    "agenda",
    "arrondissement",
    "event",
    "search",
    "404",
    "passport_request",
    "passport",
    "propose_mission",
]
LANGUAGES = ["fr", "en"]
# Page types without a photo show their motif beside the title (static/img/motifs/).
MOTIFS = {
    "kit": "kit",
    "charter": "charter",
    "programme": "card",
    "agenda": "agenda",
    "arrondissement": "arrondissements",
    "search": "search",
}
# Event kinds and kit themes show their pictogram before their label (static/img/pictograms/).
PICTOGRAMS = {"kit": "theme-heatwave", "agenda": "kind-", "event": "kind-"}
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = [375, 1280]
MAX_HTML_BYTES = 60 * 1024
MAX_CSS_JS_BYTES = 60 * 1024
MAX_FONT_BYTES = 40 * 1024
VNU = (
    Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)

axe = Axe()


def axe_violations(page):
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_type_is_accessible_light_and_self_contained(page, urls, page_type, language):
    responses = []
    page.on("response", lambda response: responses.append(response))
    document = page.goto(urls[page_type, language])
    page.wait_for_load_state("networkidle")
    assert document.status == (404 if page_type == "404" else 200)
    assert page.locator("html").get_attribute("lang") == language

    html_bytes = len(document.body())
    assert html_bytes <= MAX_HTML_BYTES, f"HTML is {html_bytes} bytes"
    weights = {"stylesheet": 0, "script": 0, "font": 0}
    for response in responses:
        if response.request.resource_type in weights:
            weights[response.request.resource_type] += len(response.body())
    css_js_bytes = weights["stylesheet"] + weights["script"]
    assert css_js_bytes <= MAX_CSS_JS_BYTES, f"CSS and JS are {css_js_bytes} bytes"
    # The typeface, subset to Latin, in two weights, from this site.
    assert 0 < weights["font"] <= MAX_FONT_BYTES, f"fonts are {weights['font']} bytes"
    # Shown with `pytest -rP`: the page weights a reviewer asks for.
    print(
        f"weight {page_type} {language}: HTML {html_bytes} B, "
        f"CSS {weights['stylesheet']} B, JS {weights['script']} B, fonts {weights['font']} B"
    )
    if page_type in MOTIFS:
        header = page.locator(".page-header > .container")
        picture = header.evaluate("element => getComputedStyle(element).backgroundImage")
        assert f"/motifs/{MOTIFS[page_type]}" in picture
        (motif,) = [r for r in responses if f"/motifs/{MOTIFS[page_type]}" in r.url]
        assert motif.ok and motif.headers["content-type"] == "image/svg+xml"
    if page_type in PICTOGRAMS:
        label = page.locator(".icon").first
        picture = label.evaluate(
            "element => getComputedStyle(element, '::before').backgroundImage"
        )
        assert f"/pictograms/{PICTOGRAMS[page_type]}" in picture
        assert any(f"/pictograms/{PICTOGRAMS[page_type]}" in r.url and r.ok for r in responses)
    other_hosts = {urlsplit(r.url).netloc for r in responses} - {urlsplit(page.url).netloc}
    assert not other_hosts, f"requests to other hosts: {other_hosts}"
    # The public policy: nothing inline, nothing from elsewhere (violations fail the fixture).
    policy = document.headers["content-security-policy"]
    assert "script-src 'self';" in policy + ";" and "unsafe-inline" not in policy

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=SCREENSHOTS / f"{page_type}-{language}-{width}.png", full_page=True)
        violations = axe_violations(page)
        assert not violations, f"at {width} px wide:\n" + "\n".join(violations)


def test_every_page_type_is_valid_html(page, urls, tmp_path):
    """The Nu HTML Checker on the HTML the server sends, every page type in both languages."""
    files = []
    for page_type in PAGE_TYPES:
        for language in LANGUAGES:
            document = page.goto(urls[page_type, language])
            path = tmp_path / f"{page_type}-{language}.html"
            path.write_bytes(document.body())
            files.append(str(path))
    checked = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [
        f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']} {m.get('extract', '')!r}"
        for m in json.loads(checked.stdout)["messages"]
        if m["type"] == "error"
    ]
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize(
    ("language", "link", "heading"),
    [
        ("fr", "Ce kit à imprimer ou à garder", "Le Volontaire et la canicule"),
        ("en", "This kit to print or keep", "Volunteers and heatwaves"),
    ],
)
def test_the_kit_link_gives_its_tagged_pdf_in_the_site_typeface(
    page, urls, language, link, heading
):
    page.goto(urls["kit", language])
    # Chromium shows the PDF in its viewer, which keeps the body: it is asked for again.
    with page.expect_response(
        lambda response: urlsplit(response.url).path.endswith("/pdf/")
    ) as answer:
        page.get_by_role("link", name=link).click()
    assert answer.value.ok and answer.value.headers["content-type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(page.request.get(answer.value.url).body()))
    assert pdf.trailer["/Root"]["/Lang"] == language
    assert heading in pdf.pages[0].extract_text()
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for sheet in pdf.pages
        for font in sheet["/Resources"]["/Font"].values()
    }
    assert fonts and all(name.startswith("Source-Sans-3") for name in fonts), fonts
