"""English words that are no one's name, from a dictionary.

Where a capital says nothing, as in the text of a field ("Title: Supply of …", "| Desk:
International |"), a word is a name only if it is no common word of English, or if the text
also writes it as a name elsewhere (extract's drafts check that much). The dictionaries
are those the `english-words` package ships, both in the public domain. Webster's Second
(1934) keeps its entries' case, so "wheat" is a common word and "Geneva" a proper noun; but it
also has thousands of rare words and some proper nouns in lower case ("olena", "finland"): a
common word is one the GNU Collaborative International Dictionary of English (GCIDE) has too.
Neither lists inflected forms: the few regular endings are taken off here. A country's name
(ISO 3166) is never a common word.

>>> is_common_word("Wheat"), is_common_word("Approved"), is_common_word("Halls")
(True, True, True)
>>> is_common_word("Eatd")  # (no word with its "d" taken off)
False
>>> is_common_word("Geneva"), is_common_word("Olena"), is_common_word("Finland")
(False, False, False)
"""

from __future__ import annotations

from functools import cache

import pycountry
from english_words import get_english_words_set

ENDINGS = ("s", "es", "ed", "ing")
"""Regular endings the dictionaries leave out: "Halls", "Marches", "Sorted", "Shipping"; and
"d" after an "e" ("Approved", "Declined")."""


@cache
def _dictionaries() -> tuple[set[str], set[str]]:
    """Webster's entries as it cases them, and GCIDE's (loaded once, when first needed)."""
    return get_english_words_set(["web2"]), get_english_words_set(["gcide"])


@cache
def _countries() -> frozenset[str]:
    """The names of the countries, as ISO 3166 gives them ("Finland", "Bolivia")."""
    return frozenset(
        name
        for country in pycountry.countries
        for name in (country.name, getattr(country, "common_name", ""))
    )


def is_common_word(word: str) -> bool:
    """Whether ``word``, capitalised as a field's text opens with it, is a common word of English:
    Webster's has it (or it without a regular ending) in lower case and not as a proper noun,
    and GCIDE has it in either case."""
    if word in _countries():
        return False
    webster, gcide = _dictionaries()
    lower = word.lower()
    forms = [lower] + [lower[: -len(end)] for end in ENDINGS if lower.endswith(end)]
    if lower.endswith("ed"):
        forms.append(lower[:-1])  # ("approved": approve)
    return any(
        len(form) > 2
        and form in webster
        and form.capitalize() not in webster
        and (form in gcide or form.capitalize() in gcide)
        for form in forms
    )
