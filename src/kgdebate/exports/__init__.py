"""Exports that other tools read, one module per format, each built from one document's graph.

- :mod:`.aif` — AIFdb JSON (argument tools: AIFdb, OVA);
- :mod:`.schema_org` — schema.org ``Claim`` JSON-LD;
- :mod:`.argdown` — Argdown text of the debate map;
- :mod:`.tables` — CSV tables of claims, citations, actors and events.

The whole dataset (TriG, N-Quads) is the store's own dump (``kgdebate export``). Every query
here binds the document's IRI and its named graph first (``GRAPH ?_graph``), so an export costs
what the document holds, not what the collection holds.
"""
