"""Which names count as English (exgraph.merge.language): the tag, then the words. wger tags
some Italian and Portuguese names English; the resolver and the list of exercises named only in
another language read them as foreign."""

from __future__ import annotations

import pytest

from exgraph.merge.language import english_name, english_tag, english_words


@pytest.mark.parametrize(("name", "lang", "english"), [
    ("Single Leg Glute Bridge", "en", True),
    ("Tuck planche", None, True),  # "planche" is a gymnastics word English uses
    ("Bench Press", "en-GB", True),
    ("Arco femorale una gamba", "en", False),  # wger's Italian name tagged English
    ("Supino Inclinado", None, False),  # Portuguese, untagged
    ("Military Press mit SZ-Bar", "en", False),
    ("Jalón al pecho con agarre ancho", "es", False),
    ("Klimmzug", "de", False),  # the tag alone says it
])
def test_a_name_is_english_by_its_tag_and_its_words(name: str, lang: str | None,
                                                    english: bool) -> None:
    assert english_name(name, lang) is english


def test_the_tag_and_the_words_are_read_apart() -> None:
    assert english_tag(None) and english_tag("en") and not english_tag("pt")
    assert english_words("Klimmzug") and not english_words("Remo alto polea alta")
