"""Exports that other tools read, one module per format, each built from one document's graph.

- :mod:`.aif` — AIFdb JSON (argument tools: AIFdb, OVA);
- :mod:`.schema_org` — schema.org ``Claim`` JSON-LD;
- :mod:`.argdown` — Argdown text of the debate map;
- :mod:`.tables` — CSV tables of claims, citations, actors and events.

AIF and Argdown render one model of the document's debate (:mod:`.debate`). The whole dataset
(TriG, N-Quads) is the store's own dump (``kgdebate export``). Every query here (``*.rq`` beside
the modules) starts from the document's named graph (``GRAPH ?_graph``, with ``?_iri`` the
document), so an export costs what the document holds, not what the collection holds; and every
query returns all its rows: exports are never paged. Nothing here imports the web app, so
``kgdebate export`` runs without Flask.
"""
