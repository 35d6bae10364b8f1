#include "sparql_eval_known_failures.hpp"

namespace quiver::w3c {

const std::vector<KnownFailure>& sparql_eval_known_failures() {
  // Only tests that cannot pass by design, each with its reason. Keys are
  // `<suite>/<folder>/<mf:name>`. Results are compared term-exactly, as the
  // project requires, so expected files that spell a computed number
  // differently from XSD's canonical form fail here even though the value
  // is right.
  static const std::vector<KnownFailure> list = {
      // Expects 3/3 = "1"^^xsd:decimal (no fraction), while AVG with GROUP BY
      // expects 6/3 = "2.0": the two contradict each other.
      {"sparql10/expr-ops// operator on number mixed datatypes",
       "decimal quotient without .0, contradicts AVG with GROUP BY"},
      // Expects "2.0E-1" where the data has "2E-1": we never rewrite a term
      // bound from the data.
      {"sparql11/aggregates/MIN with GROUP BY", "expected result rewrites the data's 2E-1"},
      // Sums of 1.0E2 and 2.0E3 written "1050"/"2100", while SUM with GROUP BY
      // on data of the same style expects "3.21E4".
      {"sparql11/aggregates/AVG DISTINCT with GROUP BY",
       "double written 1050, contradicts SUM with GROUP BY (3.21E4)"},
      {"sparql11/aggregates/SUM DISTINCT with GROUP BY",
       "double written 2100, contradicts SUM with GROUP BY (3.21E4)"},
      // Integer 0 casts to "0" but integer 1 to "1.0"; 0E1 cast to its own
      // type gives "0.0": no consistent rule to follow.
      {"sparql11/cast/xsd:float cast", "cast lexical forms follow no consistent rule"},
      {"sparql11/cast/xsd:double cast", "cast lexical forms follow no consistent rule"},
      // The ?v column shows the data's "0E1"^^xsd:double as "0.0".
      {"sparql11/cast/xsd:decimal cast", "expected results rewrite the data's lexical forms"},
      // data2.ttl says "1.0E6"^^xsd:double, the expected TSV writes 1.0e6;
      // TSV holds terms, and terms compare exactly (the CSV test passes).
      {"sparql11/csv-tsv-res/tsv03 - TSV Result Format",
       "expected TSV re-cases the data's 1.0E6 as 1.0e6"},
  };
  return list;
}

}  // namespace quiver::w3c
