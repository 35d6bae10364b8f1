PREFIX ex: <http://example.org/>
DELETE { ?s ex:p ?o } INSERT { GRAPH ex:g3 { ?o ex:p [ ex:was ?s ] } } WHERE { ?s ex:p ?o OPTIONAL { ?o ex:n ?n } }
