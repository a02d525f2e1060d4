from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class ImageForm(BaseImageForm):
    """The image library's form (WAGTAILIMAGES_IMAGE_FORM_BASE): the description, which
    Wagtail uses as the image's default alt text, is required."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The multiple uploader's first step posts the file alone; the description comes next.
        if "description" in self.fields:
            field = self.fields["description"]
            field.required = True
            field.label = _("Alternative text")
            field.help_text = _(
                "What the image shows, for people who cannot see it, in one sentence "
                "(“Des Volontaires plantent des fleurs au pied d’un arbre”)."
            )
