"""Entity pages show codes and links: the states the seed debate turns on, and its events."""

from __future__ import annotations

import html

import pycountry
import pytest
from countrycode import countrycode
from flask.testing import FlaskClient
from py_gdelt.lookups.cameo import CAMEOCodes
from rdflib import Graph

from kgdebate.build import read_reference
from kgdebate.namespaces import KGD, OWL, RDFS
from kgdebate.ontology import ontology_graph

from conftest import BASE, DATA

STATES = ["russia", "ukraine", "united-states", "poland", "estonia", "latvia", "lithuania"]
BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8"


def identifiers_section(client: FlaskClient, slug: str, kind: str = "actor") -> str:
    response = client.get(f"/doc/{kind}/{slug}", headers={"Accept": BROWSER})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    start = page.index('<section class="identifiers">')
    return html.unescape(page[start : page.index("</section>", start)])


@pytest.mark.parametrize("slug", STATES)
def test_state_page_shows_codes_and_wikidata_link(client: FlaskClient, slug: str) -> None:
    reference = read_reference(DATA / "reference", BASE)
    state = next(s for s in reference.subjects(KGD.wikidataId, None) if str(s).endswith(slug))
    alpha2 = str(reference.value(state, KGD.iso3166Alpha2))
    qid = str(reference.value(state, KGD.wikidataId))
    item = str(reference.value(state, OWL.sameAs))
    country = pycountry.countries.get(alpha_2=alpha2)
    section = identifiers_section(client, slug)
    assert f'<a href="{item}" rel="nofollow noopener noreferrer">{qid}</a>' in section
    expected = {
        "ISO 3166-1 alpha-2 code": alpha2,
        "ISO 3166-1 alpha-3 code": country.alpha_3,
        "ISO 3166-1 numeric code": country.numeric,
        "Correlates of War code": str(countrycode(alpha2, origin="iso2c", destination="cown")),
        "Correlates of War abbreviation": countrycode(alpha2, origin="iso2c", destination="cowc"),
        "Gleditsch-Ward code": str(countrycode(alpha2, origin="iso2c", destination="gwn")),
    }
    for scheme, code in expected.items():
        assert f"<dt>{scheme}</dt><dd>{code}</dd>" in section, (scheme, code)


def test_ukraine_codes_match_the_ontology_examples(client: FlaskClient) -> None:
    section = identifiers_section(client, "ukraine")  # the definitions' own example values
    for scheme, code in [
        ("ISO 3166-1 alpha-2 code", "UA"),
        ("ISO 3166-1 alpha-3 code", "UKR"),
        ("ISO 3166-1 numeric code", "804"),
        ("Correlates of War code", "369"),
        ("Gleditsch-Ward code", "369"),
    ]:
        assert f"<dt>{scheme}</dt><dd>{code}</dd>" in section


def test_baltic_states_page_links_its_members(client: FlaskClient) -> None:
    response = client.get("/doc/actor/baltic-states", headers={"Accept": BROWSER})
    page = response.get_data(as_text=True)
    for member in ("estonia", "latvia", "lithuania"):
        assert f'href="/doc/actor/{member}"' in page


def test_event_pages_show_cameo_codes_with_the_codebook_names(client: FlaskClient) -> None:
    events = Graph().parse(data=(DATA / "reference" / "events.ttl").read_bytes(), format="turtle")
    coded = sorted(events.subject_objects(KGD.cameoEventCode))
    assert coded, "events.ttl carries no CAMEO event code"
    scheme = ontology_graph().value(KGD.cameoEventCode, RDFS.label)
    codebook = CAMEOCodes()
    for event, code in coded:
        section = identifiers_section(client, str(event).rsplit("/", 1)[-1], kind="event")
        name = codebook[str(code)].name
        assert f"<dt>{scheme}</dt><dd>{code} — {name}</dd>" in section, (event, code)
