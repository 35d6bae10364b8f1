// Jena's in-memory dataset and UpdateAction, the peer of bench/update.sh:
//   scripts/jena.sh bench/JenaUpdate.java [DATA.nt] UPDATE.ru
// prints `load <seconds> <triples>`, `update <seconds> <triples after>`.
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.update.UpdateAction;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

public class JenaUpdate {
  public static void main(String[] args) {
    Dataset dataset = DatasetFactory.createTxnMem();
    long t0 = System.nanoTime();
    if (args.length > 1) RDFDataMgr.read(dataset, args[0]);
    long t1 = System.nanoTime();
    System.out.printf("load %.6f %d%n", (t1 - t0) / 1e9, dataset.getDefaultModel().size());
    t0 = System.nanoTime();
    UpdateRequest request = UpdateFactory.read(args[args.length - 1]);
    UpdateAction.execute(request, dataset);
    t1 = System.nanoTime();
    System.out.printf("update %.6f %d%n", (t1 - t0) / 1e9, dataset.getDefaultModel().size());
  }
}
