PREFIX ex: <http://example.org/>
COPY ex:g1 TO ex:g2 ; MOVE DEFAULT TO ex:g4 ; ADD ex:g4 TO DEFAULT ; CLEAR NAMED ; DROP SILENT GRAPH ex:none ; CREATE GRAPH ex:g5 ; CREATE GRAPH ex:g5
