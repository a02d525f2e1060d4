"""The admin in Chromium: signing in through the real form, and its everyday screens under the
admin's Content-Security-Policy (the `page` fixture fails on any refusal)."""

import re

from playwright.sync_api import expect

from events.models import EventPage
from registrations.models import Registration

from .conftest import ADMIN


def sign_in(page):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(ADMIN[0])
    page.locator("#id_password").fill(ADMIN[2])
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_staff_sign_in_and_use_the_admin_screens_under_its_security_policy(page, urls):
    sign_in(page)
    event = EventPage.objects.live().filter(locale__language_code="fr").first()
    for path in (
        "/admin/",
        f"/admin/pages/{event.get_parent().pk}/",
        f"/admin/pages/{event.pk}/edit/",
        "/admin/forms/",
        f"/admin/forms/submissions/{event.pk}/",
        "/admin/images/",
    ):
        response = page.goto(path)
        assert response.status == 200, path
        assert "'unsafe-inline'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
    # The editor's live preview: the public page in a frame of the admin.
    page.goto(f"/admin/pages/{event.pk}/edit/")
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1").first).to_contain_text(event.title, timeout=20_000)

    # A registration's cancel action shows at 1280 px, without scrolling the wide table.
    registered = Registration.objects.get(email="passeport.fr@example.org").page
    page.goto(f"/admin/forms/submissions/{registered.pk}/")
    cancel = page.locator("tbody td a.button-small").first
    expect(cancel).to_be_visible()
    box = cancel.bounding_box()
    assert box["x"] + box["width"] <= page.viewport_size["width"]
