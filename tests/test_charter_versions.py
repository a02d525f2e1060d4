"""A charter's text has versions: signatures record the one signed, the page counts the current
one, staff invite the signatories of earlier versions to accept it by a one-click link."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import PageLogEntry

from charters.factories import CharterPageFactory
from registrations.models import Registration
from staff.factories import UserFactory
from tests.conftest import SAME_ORIGIN, form_data


@pytest.fixture
def charter(home_page):
    return CharterPageFactory(parent=home_page, title="Charte des Volontaires de Paris")


def confirm(registration):
    registration.confirm()
    registration.refresh_from_db()
    return registration


def publish_version(charter, version):
    charter.version = version
    charter.save_revision().publish()
    charter.refresh_from_db()


def accept_link(message):
    (url,) = [word for word in message.body.split() if "/inscriptions/accepter/" in word]
    return url.removeprefix("http://testserver")


def test_a_signature_records_the_version_signed_and_when(charter, register):
    signature = confirm(register(charter))

    assert signature.text_version == 1
    assert signature.text_version_at is not None


def test_the_page_counts_the_signatures_of_the_current_version(
    client, charter, register, page_text
):
    confirm(register(charter, email="alix@example.org"))
    confirm(register(charter, email="noa@example.org"))
    assert "2 personnes ont signé." in page_text(client.get(charter.url))

    publish_version(charter, 2)
    confirm(register(charter, email="sacha@example.org"))

    assert "1 personne a signé la version 2, l’actuelle." in page_text(client.get(charter.url))


def test_an_editor_raises_the_version_by_one_or_keeps_it(charter):
    for wrong in (3, 0):
        charter.version = wrong
        with pytest.raises(ValidationError) as error:
            charter.full_clean()
        assert "version" in error.value.message_dict
    charter.version = 2
    charter.full_clean()


def test_staff_see_counts_per_version_and_invite_the_earlier_signatories_once(
    admin_client, charter, register, page_text, django_capture_on_commit_callbacks
):
    early = [confirm(register(charter, email=f"signataire{n}@example.org")) for n in range(3)]
    register(charter, email="pas.confirme@example.org")  # Never confirmed: not a signatory.
    publish_version(charter, 2)
    confirm(register(charter, email="nouvelle@example.org"))
    mail.outbox.clear()
    url = reverse("charters_versions", args=[charter.pk])

    text = page_text(admin_client.get(url))
    assert "Version 2 : 1 signataire" in text and "Version 1 : 3 signataires" in text
    assert "3 signataires de versions précédentes n’ont pas encore été invités" in text

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url)

    assert sorted(message.to[0] for message in mail.outbox) == [r.email for r in early]
    assert (
        mail.outbox[0].subject
        == "Une nouvelle version à accepter\u00a0: Charte des Volontaires de Paris"
    )
    entry = PageLogEntry.objects.get(page=charter, action="charters.invite_new_version")
    assert entry.data == {"version": 2, "invited": 3}
    # Sending again invites nobody twice.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url)
    assert mail.outbox == []


def test_a_signatory_accepts_the_new_version_with_the_emailed_link(
    admin_client, client, charter, register, page_text, django_capture_on_commit_callbacks
):
    signature = confirm(register(charter))
    publish_version(charter, 2)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse("charters_versions", args=[charter.pk]))
    link = accept_link(mail.outbox[-1])

    # Opening it (a mail scanner does) accepts nothing; the button does.
    assert "Vous avez signé la version 1" in page_text(client.get(link))
    signature.refresh_from_db()
    assert signature.text_version == 1
    text = page_text(client.post(link))

    assert "compte désormais pour la version 2" in text
    signature.refresh_from_db()
    assert signature.text_version == 2
    assert "1 personne a signé la version 2" in page_text(client.get(charter.url))
    assert "déjà accepté la version 2" in page_text(client.post(link))


def test_only_those_who_publish_the_charter_and_see_registrations_may_invite(client, charter):
    client.force_login(UserFactory(is_staff=True))

    response = client.post(reverse("charters_versions", args=[charter.pk]))

    assert response.status_code in (302, 403)
    assert not mail.outbox


def test_the_invitation_is_in_the_language_the_person_signed_in(
    admin_client, charter, translate, django_capture_on_commit_callbacks, client
):
    english = translate(charter, title="Volunteers' charter")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(english.url, form_data(english, email="sam@example.org"), **SAME_ORIGIN)
    confirm(Registration.objects.get())
    publish_version(charter, 2)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse("charters_versions", args=[charter.pk]))

    (message,) = mail.outbox
    assert message.subject == "A new version to accept: Volunteers' charter"
    assert "/en/registrations/accept/" in message.body


def test_the_charter_editor_shows_signatures_by_version(
    admin_client, charter, register, page_text
):
    confirm(register(charter))

    text = page_text(admin_client.get(reverse("wagtailadmin_pages:edit", args=[charter.pk])))

    assert "La version actuelle est la 1." in text and "Version 1 : 1 signataire" in text
    assert "Inviter les signataires des versions précédentes" in text
