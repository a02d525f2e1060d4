"""What a citizen does with the keyboard alone (Tab, Enter, Space, typing; no click)."""

import re

from playwright.sync_api import expect

FOCUSED_HREF = "document.activeElement.getAttribute('href')"


def tab_until(page, script, limit=250):
    """Press Tab until the focused element satisfies `script` (a JS expression on `el`)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => Boolean({script}))(document.activeElement)"):
            return
    raise AssertionError(f"{limit} presses of Tab never reached an element where {script}")


def tab_to_link(page, path):
    tab_until(page, f"el.getAttribute('href') === {path!r}")


def fill_registration_form(page, first_name="", last_name="", email=""):
    """Tab through the registration form, typing into the fields and ticking the consent box
    with Space, up to its submit button; the remaining (optional) fields stay empty."""
    tab_until(page, "el.id === 'id_first_name'")
    values = {"id_first_name": first_name, "id_last_name": last_name, "id_email": email}
    while True:
        focused = page.evaluate(
            "({id: document.activeElement.id, type: document.activeElement.type})"
        )
        if focused["type"] == "submit":
            return
        if values.get(focused["id"]):
            page.keyboard.type(values[focused["id"]])
        elif focused["id"] == "id_consent" and first_name:
            page.keyboard.press("Space")
        page.keyboard.press("Tab")


def test_citizen_goes_from_home_to_an_event_and_registers(page, urls):
    page.goto(urls["home", "fr"])
    tab_until(
        page, f"el.closest('header') && el.getAttribute('href') === {urls['agenda', 'fr']!r}"
    )
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(urls["agenda", "fr"]) + "$"))

    tab_to_link(page, urls["event", "fr"])
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(urls["event", "fr"]) + "$"))

    fill_registration_form(page, "Camille", "Exemple", "camille.exemple@example.org")
    page.keyboard.press("Enter")

    outcome = page.locator("#registration-outcome")
    expect(outcome).to_be_focused()
    expect(outcome).to_contain_text("votre place vous est réservée pendant 24")
    # The recap: what for, where the email went (masked), how to cancel.
    recap = outcome.locator(".registration__recap")
    expect(recap).to_contain_text(page.locator("h1").first.inner_text())
    expect(recap).to_contain_text("c•••@example.org")
    expect(outcome).to_contain_text("Pour annuler, suivez le lien à la fin de cet e-mail.")


def test_language_switcher_goes_to_the_english_translation(page, urls):
    page.goto(urls["standard", "fr"])
    tab_until(page, "el.closest('.language-switcher') && el.lang === 'en'")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(urls["standard", "en"]) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")


def listed_kinds(page):
    """The kinds of the events listed, as written (they are styled in capitals)."""
    texts = page.locator(".agenda-item__kind").all_text_contents()
    return {text.split("·")[0].strip() for text in texts}


def test_agenda_filters_show_only_the_chosen_kind(page, urls):
    page.goto(urls["agenda", "fr"])
    all_kinds = listed_kinds(page)
    tab_until(page, "el.name === 'kind'")
    # A closed select takes the option whose label starts with the letters typed.
    page.keyboard.type("Formation")
    tab_until(page, "el.type === 'submit' && el.closest('form.filters')")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"[?&]kind=training"))
    kinds = listed_kinds(page)
    assert kinds == {"Formation"}
    assert len(all_kinds) > 1, "the unfiltered agenda should mix kinds"


def test_search_finds_pages_in_the_current_language(page, urls):
    for language, term, title in [
        ("fr", "canicule", "Le Volontaire et la canicule"),
        ("en", "heatwave", "Volunteers and heatwaves"),
    ]:
        page.goto(urls["home", language])
        tab_until(page, "el.id === 'header-search'")
        page.keyboard.type(term)
        page.keyboard.press("Enter")
        expect(page.locator("html")).to_have_attribute("lang", language)
        results = page.locator(".search-result__title a")
        expect(results.first).to_be_visible()
        assert title in results.all_inner_texts()
        for href in [results.nth(i).get_attribute("href") for i in range(results.count())]:
            assert href.startswith(f"/{language}/")


def test_failed_registration_shows_a_focused_error_summary_linked_to_the_fields(page, urls):
    page.goto(urls["event", "fr"])
    tab_until(page, "el.id === 'id_first_name'")
    page.keyboard.type("Camille")
    page.keyboard.press("Enter")

    summary = page.locator(".registration__errors")
    expect(summary).to_be_focused()
    # The summary comes before the fields, and each of its links leads to a field in error.
    first_field = page.locator("#id_first_name")
    assert summary.bounding_box()["y"] < first_field.bounding_box()["y"]
    targets = summary.locator("a").evaluate_all("links => links.map(a => a.hash)")
    assert {"#id_last_name", "#id_email", "#id_consent"} <= set(targets)
    for target in targets:
        expect(page.locator(target)).to_have_attribute("aria-invalid", "true")
    expect(first_field).to_have_value("Camille")
