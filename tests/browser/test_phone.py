"""On a phone: the header's search and menu fold behind a « Menu » button, so that a page's
content starts near the top (on a wide screen they are always shown), and a community's
pictogram keeps its size."""

from playwright.sync_api import expect


def test_the_menu_folds_behind_a_button_on_a_phone(page, urls):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(urls["agenda", "fr"])
    button = page.get_by_role("button", name="Menu")
    menu = page.locator("#main-menu")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_hidden()
    expect(page.locator("#header-search-form")).to_be_hidden()
    # The page's own title shows in the first screen, under a short header.
    assert page.locator(".site-header").bounding_box()["height"] < 150  # 300 px unfolded
    assert page.locator("h1").bounding_box()["y"] < 300

    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name="Agenda")).to_be_visible()
    page.locator("#header-search").fill("canicule")
    page.locator("#header-search").press("Enter")
    expect(page.locator(".search-result__title").first).to_contain_text("canicule")


def test_a_wide_screen_shows_the_menu_and_no_button(page, urls):
    page.goto(urls["agenda", "en"])
    expect(page.locator("#main-menu")).to_be_visible()
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()


def test_a_community_pictogram_keeps_its_size_on_a_phone(page, urls):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(urls["community", "fr"])
    box = page.locator(".page-header__pictogram").bounding_box()
    assert box["width"] == box["height"] == 96  # 6rem, not the screen's width
