"""Country codes derived from maintained packages, never typed by hand.

Curators type one key per state (its ISO 3166-1 alpha-2 code); ``pycountry`` (ISO 3166) and
``countrycode`` (Correlates of War, Gleditsch–Ward) supply the rest at build time.
"""

from __future__ import annotations

from collections.abc import Iterator

import pycountry
from countrycode import countrycode
from rdflib import Graph, Literal, URIRef

from kgdebate.namespaces import KGD, XSD

Triple = tuple[URIRef, URIRef, Literal]


def derived_codes(reference: Graph) -> Iterator[Triple]:
    """Alpha-3, numeric, COW and GW codes for every subject that has an alpha-2 code."""
    for subject, code in sorted(reference.subject_objects(KGD.iso3166Alpha2)):
        if not isinstance(subject, URIRef):
            continue
        alpha2 = str(code)
        country = pycountry.countries.get(alpha_2=alpha2)
        if country is None:
            continue
        yield subject, KGD.iso3166Alpha3, Literal(country.alpha_3)
        yield subject, KGD.iso3166Numeric, Literal(country.numeric)
        cow_number = countrycode(alpha2, origin="iso2c", destination="cown")
        cow_letters = countrycode(alpha2, origin="iso2c", destination="cowc")
        gw_number = countrycode(alpha2, origin="iso2c", destination="gwn")
        if cow_number is not None:
            yield subject, KGD.cowCode, Literal(int(cow_number), datatype=XSD.integer)
        if cow_letters is not None:
            yield subject, KGD.cowAbbreviation, Literal(str(cow_letters))
        if gw_number is not None:
            yield subject, KGD.gwCode, Literal(int(gw_number), datatype=XSD.integer)


def unknown_alpha2(reference: Graph) -> list[str]:
    """Alpha-2 codes in the reference data that ISO 3166 does not know."""
    return sorted(
        str(code)
        for code in reference.objects(None, KGD.iso3166Alpha2)
        if pycountry.countries.get(alpha_2=str(code)) is None
    )
