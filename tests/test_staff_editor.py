"""Editors' comfort and safety: required alt text in the image library, help text on fields."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, PanelGroup
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import get_page_models

from staff.factories import UserFactory
from staff.roles import COMMUNICATION, setup_roles

# Fields whose label says it all; every other field an editor fills in has help text.
SELF_EXPLANATORY = {
    "title",
    "body",
    "kind",
    "theme",
    "address",
    "programme",
    "speakers",
    "benefits",
    "activities",
    "hero_image",
    "registration_opens_at",
}


def panel_fields(panels):
    for panel in panels:
        if isinstance(panel, PanelGroup):
            yield from panel_fields(panel.children)
        elif isinstance(panel, FieldPanel):
            yield panel.field_name


def test_every_content_field_has_help_text():
    missing = [
        f"{model.__name__}.{name}"
        for model in get_page_models()
        if model._meta.app_label in {"home", "communities", "charters", "events"}
        for panels in (model.content_panels, getattr(model, "registration_panels", []))
        for name in panel_fields(panels)
        if name not in SELF_EXPLANATORY and not model._meta.get_field(name).help_text
    ]
    assert missing == []


@pytest.fixture
def communication(home_page):
    setup_roles()
    return UserFactory(groups=[Group.objects.get(name=COMMUNICATION)])


def upload(client, **fields):
    image_file = get_test_image_file()
    data = {
        "title": "Plantation rue de Rivoli",
        "file": SimpleUploadedFile("plantation.png", image_file.file.getvalue()),
        "collection": 1,
        **fields,
    }
    return client.post(reverse("wagtailimages:add"), data)


def test_an_image_needs_its_alternative_text(communication, client):
    client.force_login(communication)
    response = upload(client)
    assert response.status_code == 200
    assert response.context["form"].errors["description"]
    assert not get_image_model().objects.exists()

    response = upload(client, description="Des Volontaires plantent des fleurs.")
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert image.default_alt_text == "Des Volontaires plantent des fleurs."
