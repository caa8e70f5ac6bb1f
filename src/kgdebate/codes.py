"""Codes checked against, and derived from, maintained packages, never typed by hand.

Curators type one key per state (its ISO 3166-1 alpha-2 code); ``pycountry`` (ISO 3166) and
``countrycode`` (Correlates of War, Gleditsch–Ward) supply the rest at build time. Curators also
choose an event's CAMEO event code; the CAMEO codebook that ``gdelt-py`` ships checks it and
gives its name, stored beside it so that the graph says what the code means.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

import pycountry
from rdflib import Graph, Literal, URIRef

from kgdebate.namespaces import KGD, XSD

Triple = tuple[URIRef, URIRef, Literal]

if TYPE_CHECKING:
    from py_gdelt.lookups.cameo import CAMEOCodes


@cache
def cameo_events() -> CAMEOCodes:
    """The codebook, imported on first use: the package loads an HTTP client with it (~0.2 s),
    which no command but a build needs."""
    from py_gdelt.lookups.cameo import CAMEOCodes

    return CAMEOCodes()


def derived_codes(reference: Graph) -> Iterator[Triple]:
    """Country codes for every alpha-2 code, and the codebook's name for every CAMEO event code."""
    yield from _country_codes(reference)
    yield from _cameo_event_names(reference)


def _country_codes(reference: Graph) -> Iterator[Triple]:
    """Alpha-3, numeric, COW and GW codes and the UN region of every subject that has an
    alpha-2 code."""
    from countrycode import countrycode  # here, not at the top: it loads pandas (~0.3 s)

    states = [
        (subject, country)
        for subject, code in sorted(reference.subject_objects(KGD.iso3166Alpha2))
        if isinstance(subject, URIRef)
        and (country := pycountry.countries.get(alpha_2=str(code))) is not None
    ]
    if not states:
        return
    codes = [country.alpha_2 for _, country in states]
    # One call per code list: each call reads the package's code table again (~20 ms).
    cow_numbers, cow_letters, gw_numbers, regions = (
        countrycode(codes, origin="iso2c", destination=destination)
        for destination in ("cown", "cowc", "gwn", "un.region.name")
    )
    for (subject, country), cow_number, cow_abbreviation, gw_number, region in zip(
        states, cow_numbers, cow_letters, gw_numbers, regions, strict=True
    ):
        yield subject, KGD.iso3166Alpha3, Literal(country.alpha_3)
        yield subject, KGD.iso3166Numeric, Literal(country.numeric)
        if cow_number is not None:
            yield subject, KGD.cowCode, Literal(int(cow_number), datatype=XSD.integer)
        if cow_abbreviation is not None:
            yield subject, KGD.cowAbbreviation, Literal(str(cow_abbreviation))
        if gw_number is not None:
            yield subject, KGD.gwCode, Literal(int(gw_number), datatype=XSD.integer)
        if region:
            yield subject, KGD.unRegion, Literal(str(region))


def unknown_alpha2(reference: Graph) -> list[str]:
    """Alpha-2 codes in the reference data that ISO 3166 does not know."""
    return sorted(
        str(code)
        for code in reference.objects(None, KGD.iso3166Alpha2)
        if pycountry.countries.get(alpha_2=str(code)) is None
    )


def _cameo_event_names(reference: Graph) -> Iterator[Triple]:
    for subject, code in sorted(reference.subject_objects(KGD.cameoEventCode)):
        entry = cameo_events().get(str(code))
        if isinstance(subject, URIRef) and entry is not None:
            yield subject, KGD.cameoEventName, Literal(entry.name, lang="en")


def unknown_cameo_event_codes(reference: Graph) -> list[tuple[str, str]]:
    """(subject, code) for every CAMEO event code that the codebook does not know."""
    return sorted(
        (str(subject), str(code))
        for subject, code in reference.subject_objects(KGD.cameoEventCode)
        if str(code) not in cameo_events()
    )
