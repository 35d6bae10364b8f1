// Jena TDB2's warm queries, the peer of bench/store_vs.sh:
//   scripts/jena.sh bench/Tdb2Queries.java DB_DIR REPEAT QUERY.rq...
// Opens the database once, runs each query once to warm up, then REPEAT
// times, and prints `name rows median_seconds` per query.
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;

public class Tdb2Queries {
  static long run(Dataset dataset, Query query) {
    return Txn.calculateRead(dataset, () -> {
      try (QueryExecution exec = QueryExecutionFactory.create(query, dataset)) {
        ResultSet rs = exec.execSelect();
        long n = 0;
        while (rs.hasNext()) {
          rs.next();
          ++n;
        }
        return n;
      }
    });
  }

  public static void main(String[] args) throws Exception {
    Dataset dataset = TDB2Factory.connectDataset(args[0]);
    int repeat = Integer.parseInt(args[1]);
    for (int i = 2; i < args.length; ++i) {
      String name = Path.of(args[i]).getFileName().toString().replace(".rq", "");
      // A query Jena fails on (a StackOverflowError in its path engine at
      // 10M) is reported with -1 rows, and the others still run.
      try {
        Query query = QueryFactory.create(Files.readString(Path.of(args[i])));
        long rows = run(dataset, query);
        double[] times = new double[repeat];
        for (int r = 0; r < repeat; ++r) {
          long t0 = System.nanoTime();
          rows = run(dataset, query);
          times[r] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(times);
        System.out.printf("%s %d %.6f%n", name, rows, times[repeat / 2]);
      } catch (Throwable e) {
        System.out.printf("%s -1 nan%n", name);
        System.err.println(name + ": " + e);
      }
    }
  }
}
