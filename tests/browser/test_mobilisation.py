"""A crisis activation in Chromium, end to end: a volunteer joins with crisis alerts on and
confirms with a real email; Communication starts a heatwave activation in the admin; the email
worker sends the alert through a real SMTP server; the volunteer answers with its link, and the
staff's page, left open, shows them available without being reloaded."""

import re

from django.utils import timezone
from playwright.sync_api import expect

from .test_admin import sign_in
from .test_email_links import emails_to, link, text


def test_a_volunteer_answers_a_heatwave_activation_from_its_email(
    browser, page, server, urls, mail
):
    address = f"alerte.{timezone.now():%H%M%S%f}@example.org"
    page.goto(urls["standard", "fr"])
    form = page.locator("form.registration__form")
    form.locator("#id_first_name").fill("Noa")
    form.locator("#id_last_name").fill("Canicule")
    form.locator("#id_email").fill(address)
    form.get_by_label("11e arrondissement").check()
    form.locator("#id_crisis_alerts").check()
    form.locator("#id_consent").check()
    form.locator("button[type=submit]").click()
    expect(page.locator("#registration-outcome")).to_be_visible()
    (joined,) = emails_to(mail, address)
    page.goto(link(joined, server, "inscriptions/confirmer"))
    page.get_by_role("button", name="Confirmer mon adresse e-mail").click()
    expect(page.locator(".registration-link")).to_contain_text("confirmée")

    # Communication starts the activation, and keeps its page open.
    staff_context = browser.new_context(base_url=server, locale="fr-FR")
    staff = staff_context.new_page()
    sign_in(staff)
    staff.goto("/admin/activations/new/")
    staff.locator("#id_crisis").select_option("heatwave")
    staff.get_by_label("11e arrondissement", exact=True).check()
    staff.locator("#id_message_fr").fill("Rendez-vous à la mairie du 11e, place Léon-Blum.")
    staff.locator("#id_message_en").fill("Meet at the 11th arrondissement town hall.")
    staff.locator("#id_kit").select_option(label="Le Volontaire et la canicule")
    staff.get_by_role("button", name="Lancer et alerter les volontaires").click()
    expect(staff.locator(".messages")).to_contain_text("Activation lancée")
    live = staff.locator("[data-live]")
    expect(live).to_contain_text("Personne ne s’est encore dit disponible.")

    (_joined, alert) = emails_to(mail, address, count=2)
    # Folded onto its own line by Django (an encoded word): the parser keeps the fold's space.
    assert alert["Subject"].strip() == "Canicule\u00a0: la Ville appelle les Volontaires de Paris"
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    (available,) = re.findall(rf"{server}/fr/mobilisation/[^/\s]+/disponible/", text(alert))
    page.goto(available)
    expect(page.locator(".registration-link")).to_contain_text("place Léon-Blum")
    expect(page.get_by_role("link", name="Le Volontaire et la canicule")).to_be_visible()
    page.get_by_role("button", name="Je suis disponible").click()
    expect(page.locator(".registration-link")).to_contain_text("compté parmi les volontaires")

    # The staff's page shows the answer by itself, within its refresh interval.
    expect(live).to_contain_text(address, timeout=25_000)
    expect(live).to_contain_text("Noa Canicule")

    staff.get_by_role("button", name="Clore l’activation").click()
    expect(staff.locator(".messages")).to_contain_text("Activation clôturée")
    page.goto(available)
    expect(page.locator(".registration-link")).to_contain_text("Cet appel est terminé")
    staff_context.close()
