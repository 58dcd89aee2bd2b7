"""A stub catalogue for tests/test_languages.py: one sentence, as a language begun and not finished.
Before issue 24 such a file ended a run with exit 70 (an AttributeError); now it is refused by name."""

GUIDE = {"title": "Amazon SES에 필요한 DNS 레코드: {domains:code}"}
