from django.db import migrations
from django.db.models import F


def signatures_are_of_version_1(apps, schema_editor):
    """Every charter was at version 1 until versions were recorded: so are its signatures."""
    CharterPage = apps.get_model("charters", "CharterPage")
    Registration = apps.get_model("registrations", "Registration")
    Registration.objects.filter(
        translation_key__in=CharterPage.objects.values("translation_key"),
        text_version__isnull=True,
    ).update(text_version=1, text_version_at=F("submit_time"))


class Migration(migrations.Migration):
    dependencies = [
        ("charters", "0005_versions"),
        ("registrations", "0009_versions"),
    ]

    operations = [
        migrations.RunPython(signatures_are_of_version_1, migrations.RunPython.noop),
    ]
