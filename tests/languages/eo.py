"""A small extra catalogue for tests/test_languages.py: a few sentences in Esperanto, the rest
English. It shows that a language is one file: nothing else in the package names it."""

from exporter.text.en import CHECK, HTML  # noqa: F401  (a catalogue holds every part)
from exporter.text.en import GUIDE as _GUIDE
from exporter.text.en import MESSAGES as _MESSAGES
from exporter.text.en import NOTICES as _NOTICES

GUIDE = {**_GUIDE, "title": "DNS-registroj, kiujn Amazon SES bezonas: {domains:code}"}
NOTICES = {**_NOTICES, "notice.mail-from-planned": "La MAIL FROM-domajno {domain:code} estas planita (--mail-from), "
                                                   "ankoraŭ ne agordita en SES"}
MESSAGES = {**_MESSAGES, "note.identity": "noto: {identity}: {text}", "error.only-with-check": "nur kun --check"}
