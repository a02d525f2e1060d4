"""An association proposes a mission from the public form in Chromium: the browser's own CSRF
token and cookie, the real date inputs, and the draft mission waiting for review."""

from django.db import connections
from django.utils import timezone
from playwright.sync_api import expect


def test_an_association_proposes_a_mission_and_it_waits_for_review(page, urls):
    title = f"Collecte solidaire {timezone.now():%H%M%S%f}"
    page.goto(urls["propose_mission", "fr"])
    form = page.locator("form.registration__form")
    form.locator("#id_association_name").fill("Les Amis du Canal")
    form.locator("#id_contact_name").fill("Service bénévolat")
    form.locator("#id_contact_email").fill("benevolat@amis-du-canal.example.org")
    form.locator("#id_title").fill(title)
    day = (timezone.localdate() + timezone.timedelta(days=60)).isoformat()
    form.locator("#id_start").fill(f"{day}T09:00")
    form.locator("#id_end").fill(f"{day}T12:00")
    form.locator("#id_venue").fill("Mairie du 10e")
    form.locator("#id_arrondissement").select_option("10")
    form.locator("#id_capacity").fill("8")
    # The first training session offered; it ends long before the mission.
    form.locator("#id_training").select_option(index=0)
    form.locator("#id_description").fill("Trier les dons et accueillir les familles.")
    form.locator("#id_consent").check()
    form.get_by_role("button", name="Envoyer la proposition").click()

    expect(page.locator(".registration__outcome")).to_contain_text("Rien n’est publié avant")
    # Saved by the site, as a draft nobody can see yet: asked of the database, not the page.
    connection = connections.create_connection("default")
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT live, has_unpublished_changes FROM wagtailcore_page WHERE title = %s",
                [title],
            )
            assert cursor.fetchall() == [(False, True)]
    finally:
        connection.close()
