PREFIX ex: <http://example.org/>
INSERT DATA { ex:z ex:p "z"@en . GRAPH ex:g1 { _:b ex:p 1 } } ;
DELETE DATA { ex:a ex:n 1 } ;
DELETE WHERE { GRAPH ?g { ?s ex:in ?g } }
