"""Reconciliation with Wikidata: propose QIDs for unlinked actors and events, then curate them.

``propose`` asks a SPARQL endpoint and scores candidates; ``proposals`` is the reviewable YAML
file; ``curate`` writes accepted links, with who and when, to reference data; ``command`` is
`kgdebate link`.
"""
