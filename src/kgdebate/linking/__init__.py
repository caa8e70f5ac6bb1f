"""Reconciliation with Wikidata: propose QIDs for unlinked actors and events, then curate them.

``unlinked`` reads the entities without a QID from the store; ``propose`` asks a SPARQL endpoint
for their candidates, which ``scoring`` scores; ``proposals`` is the reviewable YAML file;
``curate`` writes accepted links, with who and when, to reference data; ``command`` is
`kgdebate link`.
"""
