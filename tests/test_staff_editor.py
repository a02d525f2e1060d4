"""Editors' comfort and safety: help text on every field they fill in, and alternative text on
every image, whichever way it is uploaded."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, InlinePanel, PanelGroup, get_edit_handler
from wagtail.blocks import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, get_page_models

from communities.models import PartnerAssociation
from home.blocks import FigureBlock
from home.factories import ImageFactory
from home.models import SiteSettings
from staff.factories import UserFactory
from staff.roles import COMMUNICATION, setup_roles

PAGE_MODELS = [
    model
    for model in get_page_models()
    if model._meta.app_label in {"home", "communities", "charters", "events"}
]
ALT_TEXT = "Des Volontaires plantent des fleurs au pied d'un arbre."


@pytest.fixture
def communication(home_page):
    setup_roles()
    return UserFactory(groups=[Group.objects.get(name=COMMUNICATION)])


def field_panels(panel):
    """The fields an editor sees in a bound edit handler: every tab and group, and the fields
    of inline rows (the empty row that « Add » copies)."""
    if isinstance(panel, InlinePanel.BoundPanel):
        yield from field_panels(panel.empty_child)
    elif isinstance(panel, PanelGroup.BoundPanel):
        for child in panel.visible_children:
            yield from field_panels(child)
    elif isinstance(panel, FieldPanel.BoundPanel):
        yield panel


def edit_form_fields(model, user, rf):
    """The bound field panels of the model's whole edit form, as `user` gets it."""
    request = rf.get("/")
    request.user = user
    handler = get_edit_handler(model)
    instance = model()
    form = handler.get_form_class()(instance=instance, for_user=user)
    return list(field_panels(handler.get_bound_panel(instance, request=request, form=form)))


@pytest.mark.parametrize(
    "model", [*PAGE_MODELS, SiteSettings, PartnerAssociation], ids=lambda model: model.__name__
)
def test_every_field_an_editor_fills_in_has_help_text(model, communication, rf):
    # Wagtail's own fields (title, slug, search description…) pass with the help text it gives.
    fields = edit_form_fields(model, communication, rf)
    assert [panel.field_name for panel in fields if not panel.help_text] == []


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda model: model.__name__)
def test_the_help_text_check_reaches_every_tab_of_a_page(model, communication, rf):
    names = {panel.field_name for panel in edit_form_fields(model, communication, rf)}
    # Content, registration form (and its questions' inline rows), promote, settings.
    assert {"title", "registration_intro", "field_type", "seo_title", "go_live_at"} <= names


def image_file():
    return SimpleUploadedFile("plantation.png", get_test_image_file().file.getvalue())


def root_collection_id():
    return Collection.get_first_root_node().pk


def test_an_image_needs_its_alternative_text(communication, client):
    client.force_login(communication)
    data = {"title": "Plantation rue de Rivoli", "collection": root_collection_id()}
    response = client.post(reverse("wagtailimages:add"), {**data, "file": image_file()})
    assert response.status_code == 200
    assert response.context["form"].errors["description"]
    assert not get_image_model().objects.exists()

    response = client.post(
        reverse("wagtailimages:add"), {**data, "file": image_file(), "description": ALT_TEXT}
    )
    assert response.status_code == 302
    assert get_image_model().objects.get().default_alt_text == ALT_TEXT


def test_the_multiple_uploader_creates_an_image_only_with_its_alternative_text(
    communication, client
):
    client.force_login(communication)
    # What the uploader's script posts for each file dropped on it.
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": image_file(), "title": "plantation", "collection": root_collection_id()},
    )
    upload = response.json()
    assert upload["success"]
    prefix = f"uploaded-image-{upload['uploaded_file_id']}"
    assert f'name="{prefix}-description"' in upload["form"]
    assert not get_image_model().objects.exists()

    edit_url = re.search(r'<form action="([^"]+)"', upload["form"])[1]
    fields = {"title": "Plantation rue de Rivoli", "collection": root_collection_id()}
    response = client.post(edit_url, {f"{prefix}-{name}": value for name, value in fields.items()})
    assert not response.json()["success"]
    assert response.context["form"].errors["description"]
    assert not get_image_model().objects.exists()

    fields["description"] = ALT_TEXT
    response = client.post(edit_url, {f"{prefix}-{name}": value for name, value in fields.items()})
    assert response.json()["success"]
    image = get_image_model().objects.get()
    assert (image.title, image.default_alt_text) == ("Plantation rue de Rivoli", ALT_TEXT)
    assert image.width > 0


def test_the_image_chooser_upload_tab_asks_for_the_alternative_text(communication, client):
    client.force_login(communication)
    modal = client.get(reverse("wagtailimages_chooser:choose"))
    assert 'name="image-chooser-upload-description"' in modal.json()["html"]

    def upload(**fields):
        data = {"title": "Plantation rue de Rivoli", "collection": root_collection_id(), **fields}
        data = {f"image-chooser-upload-{name}": value for name, value in data.items()}
        return client.post(reverse("wagtailimages_chooser:create"), data)

    response = upload(file=image_file())
    assert response.json()["step"] == "reshow_creation_form"
    assert response.context["form"].errors["description"]
    assert not get_image_model().objects.exists()

    response = upload(file=image_file(), description=ALT_TEXT)
    # The page editor's image block fills its alternative text in from this.
    assert response.json()["result"]["default_alt_text"] == ALT_TEXT
    assert get_image_model().objects.get().default_alt_text == ALT_TEXT


@pytest.mark.parametrize(
    ("alt_text", "decorative", "alt"),
    [
        ("Une forêt plantée rue de Rivoli", False, 'alt="Une forêt plantée rue de Rivoli"'),
        ("", True, 'alt=""'),
    ],
)
def test_a_figure_gives_its_own_alternative_text_or_none_when_decorative(
    db, alt_text, decorative, alt
):
    image = ImageFactory(description="Des Volontaires plantent des fleurs.")
    block = FigureBlock()
    value = block.to_python(
        {"image": {"image": image.pk, "alt_text": alt_text, "decorative": decorative}}
    )
    html = block.render(value)
    assert alt in html
    assert "Des Volontaires plantent des fleurs." not in html


def test_a_figure_needs_alternative_text_unless_decorative(db):
    image = ImageFactory()
    block = FigureBlock()
    value = block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": False}})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "alt_text" in error.value.block_errors["image"].block_errors

    value = block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": True}})
    assert block.clean(value)["image"].decorative
