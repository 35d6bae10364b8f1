PREFIX ex: <http://example.org/>
WITH ex:g1 DELETE { ?s ?p ?o } USING ex:g2 USING NAMED ex:g1 WHERE { ?s ?p ?o }
