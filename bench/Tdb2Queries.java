// Jena TDB2's warm queries, the peer of bench/store_vs.sh:
//   scripts/jena.sh bench/Tdb2Queries.java DB_DIR REPEAT QUERY.rq...
// Opens the database once, runs each query once to warm up, then REPEAT
// times, and prints `name rows median_seconds` per query.
//   scripts/jena.sh bench/Tdb2Queries.java DB_DIR serve PORT
// Answers SPARQL queries (GET ?query= or a form POST) at
// http://127.0.0.1:PORT/sparql as SPARQL JSON: TDB2 measured over HTTP like
// the other engines, as Fuseki would serve it (Debian has no Fuseki).
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
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

  static String queryParameter(String form) {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals("query")) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  static void answer(Dataset dataset, HttpExchange http) throws java.io.IOException {
    String form = "POST".equals(http.getRequestMethod())
        ? new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
        : http.getRequestURI().getRawQuery();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int status = 200;
    try {
      Query query = QueryFactory.create(queryParameter(form == null ? "" : form));
      Txn.executeRead(dataset, () -> {
        try (QueryExecution exec = QueryExecutionFactory.create(query, dataset)) {
          if (query.isAskType()) {
            ResultSetFormatter.outputAsJSON(body, exec.execAsk());
          } else {
            ResultSetFormatter.outputAsJSON(body, exec.execSelect());
          }
        }
      });
    } catch (Throwable e) {
      status = 400;
      body.reset();
      body.writeBytes(String.valueOf(e).getBytes(StandardCharsets.UTF_8));
    }
    http.getResponseHeaders().set("Content-Type",
        status == 200 ? "application/sparql-results+json" : "text/plain");
    http.sendResponseHeaders(status, body.size());
    try (OutputStream out = http.getResponseBody()) {
      body.writeTo(out);
    }
  }

  public static void main(String[] args) throws Exception {
    Dataset dataset = TDB2Factory.connectDataset(args[0]);
    if (args[1].equals("serve")) {
      HttpServer server =
          HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[2])), 64);
      server.createContext("/sparql", http -> answer(dataset, http));
      server.start();
      return;
    }
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
