"""RDF: namespaces, stable IRIs, records to triples.

The two IRIs below are here, free of imports, so the command line can show
them in its help without loading rdflib.
"""

ONTOLOGY_IRI = "https://w3id.org/policy-kg/ontology"
DEFAULT_BASE = "https://w3id.org/policy-kg/id/"
