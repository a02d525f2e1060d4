"""The French interface catalogue is complete, compiled and used by the public pages.

The .po files are read with a small parser here because polib is not a project dependency.
"""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from events.factories import EventIndexPageFactory, EventPageFactory

FRENCH_PO = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


def read_po(path):
    """The catalogue's entries as dicts: msgctxt, msgid, msgid_plural, msgstr (a list), flags."""
    entries, entry, field = [], None, None

    def finish():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#,"):
            finish()
            entry, field = {"flags": {f.strip() for f in line[2:].split(",")}}, None
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            text = ast.literal_eval(line)
            if field[0] == "msgstr":
                entry["msgstr"][field[1]] += text
            else:
                entry[field[0]] += text
        else:
            keyword, value = line.split(" ", 1)
            value = ast.literal_eval(value)
            if keyword in ("msgctxt", "msgid") and (entry is None or "msgid" in entry):
                finish()
                entry = {"flags": set()}
            entry.setdefault("msgstr", {})
            if keyword.startswith("msgstr"):
                index = int(keyword[7:-1]) if "[" in keyword else 0
                entry["msgstr"][index] = value
                field = ("msgstr", index)
            else:
                entry[keyword] = value
                field = (keyword, None)
    finish()
    for item in entries:
        item["msgstr"] = [item["msgstr"][i] for i in sorted(item["msgstr"])]
    header = [e for e in entries if e["msgid"] == ""]
    return header, [e for e in entries if e["msgid"] != ""]


@pytest.fixture(scope="module")
def french_entries():
    return read_po(FRENCH_PO)


def test_every_french_entry_is_translated_and_none_is_fuzzy(french_entries):
    header, entries = french_entries
    assert entries, "the French catalogue is empty: run makemessages"
    assert not any("fuzzy" in e["flags"] for e in header + entries)
    untranslated = [e["msgid"] for e in entries if not all(e["msgstr"])]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []


def test_french_translations_keep_the_placeholders(french_entries):
    _, entries = french_entries
    for entry in entries:
        *singulars, last = entry["msgstr"]
        expected = set(PLACEHOLDER.findall(entry.get("msgid_plural", entry["msgid"])))
        assert set(PLACEHOLDER.findall(last)) == expected, entry["msgid"]
        for msgstr in singulars:
            # The French singular may write "un" instead of the %(count)s placeholder.
            assert set(PLACEHOLDER.findall(msgstr)) <= expected, entry["msgid"]


def test_both_languages_write_the_typographic_apostrophe(french_entries):
    """The English interface is the msgids: “Can’t make it?”, as the French writes « l’inscription »."""
    _, entries = french_entries
    typed = re.compile(r"[^\W\d_]'")
    for entry in entries:
        for text in (entry["msgid"], entry.get("msgid_plural", ""), *entry["msgstr"]):
            assert not typed.search(text), text


def test_the_compiled_catalogue_matches_the_po_file(french_entries):
    """A stale .mo (compilemessages forgotten) shows English or old French to visitors."""
    _, entries = french_entries
    with translation.override("fr"):
        for entry in entries:
            context, msgid = entry.get("msgctxt"), entry["msgid"]
            if "msgid_plural" in entry:
                plural = entry["msgid_plural"]
                if context:
                    got = translation.npgettext(context, msgid, plural, 5)
                else:
                    got = translation.ngettext(msgid, plural, 5)
                assert got == entry["msgstr"][1], msgid
            elif context:
                assert translation.pgettext(context, msgid) == entry["msgstr"][0], msgid
            else:
                assert translation.gettext(msgid) == entry["msgstr"][0], msgid


@pytest.fixture
def agenda(home_page):
    return EventIndexPageFactory(parent=home_page)


def test_the_agenda_reads_in_french(client, agenda, page_text):
    text = page_text(client.get(agenda.url))
    assert text.startswith("Agenda – Volontaires de Paris Aller au contenu principal")
    assert "Événements à venir" in text
    assert "Aucun événement n’est prévu pour le moment." in text

    archive = page_text(client.get(agenda.url, {"archives": "1"}))
    assert archive.startswith("Agenda : événements passés – Volontaires de Paris")


def test_registration_errors_read_in_french(client, agenda, page_text):
    event = EventPageFactory(parent=agenda, capacity=30)
    data = {"first_name": "R2-D2", "last_name": "Dupont", "email": "camille@example.org"}
    response = client.post(
        event.url,
        {**data, "consent": "on", "form_page": event.pk},
        HTTP_ORIGIN="http://testserver",
        HTTP_SEC_FETCH_SITE="same-origin",
    )

    text = page_text(response)
    assert "Veuillez corriger les points suivants :" in text
    assert "Utilisez uniquement des lettres, des espaces, des traits d’union" in text
    assert "Use letters" not in text
