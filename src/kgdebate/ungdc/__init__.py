"""The UN General Debate Corpus (UNGDC): one annotated speech per government and session.

``corpus`` reads the speech files and the speaker sheet, ``actors`` mints the states, speakers
and their posts as reference data, ``annotate`` writes one annotation per speech with the
stances the rules find, and ``command`` runs it all through the ingest gate.
"""
