// A writer for the crash tests: commits numbered transactions to the
// database in argv[1] for ever, printing each number once its commit has
// returned (acknowledged). Transaction i adds <urn:s:i> <urn:p> i to the
// default graph and to graph <urn:g>, removes <urn:s:(i-1)>'s statements
// when i is a multiple of 3, and moves the counter <urn:c> <urn:v> to i.
// Merges come every few dozen transactions (merge_rows is small), so that
// kills land in them too.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "database/disk_store.hpp"

using namespace quiver;

namespace {

Term subject(long i) { return Term::iri("urn:s:" + std::to_string(i)); }
Term number(long i) {
  return Term::literal(std::to_string(i), "http://www.w3.org/2001/XMLSchema#integer");
}

long counter(const Dataset& d) {
  const TermId c = d.find_id(Term::iri("urn:c").ref());
  const TermId v = d.find_id(Term::iri("urn:v").ref());
  if (c == kAnyTerm || v == kAnyTerm) return 0;
  auto cursor = d.match({c, v, kAnyTerm, kDefaultGraph});
  QuadIds q;
  if (cursor->next(&q, 1) == 0) return 0;
  return std::stol(std::string(d.term(q.object).value));
}

bool change(Transaction& t, bool insert, const Term& s, const Term& p, const Term& o,
            const Term& g) {
  QuadIds ids;
  const Term* terms[4] = {&s, &p, &o, &g};
  TermId* slots[4] = {&ids.subject, &ids.predicate, &ids.object, &ids.graph};
  for (int k = 0; k < 4; ++k) {
    if (k == 3 && g.is_none()) {
      ids.graph = kDefaultGraph;
      continue;
    }
    auto id = t.intern(terms[k]->ref());
    if (!id) return false;
    *slots[k] = *id;
  }
  return insert ? t.insert(ids).ok() : t.remove(ids).ok();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  database::OpenOptions options;
  options.writable = true;
  options.create = true;
  options.merge_rows = 200;
  auto store = database::DiskStore::open(argv[1], options);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().to_string().c_str());
    return 1;
  }
  const Term p = Term::iri("urn:p"), g = Term::iri("urn:g"), c = Term::iri("urn:c"),
             v = Term::iri("urn:v"), none;
  for (long i = counter(*(*store)->snapshot()) + 1;; ++i) {
    auto t = (*store)->begin();
    if (!t) return 1;
    Transaction& tx = **t;
    bool ok = change(tx, true, subject(i), p, number(i), none) &&
              change(tx, true, subject(i), p, number(i), g);
    if (i % 3 == 0) {
      ok = ok && change(tx, false, subject(i - 1), p, number(i - 1), none) &&
           change(tx, false, subject(i - 1), p, number(i - 1), g);
    }
    ok = ok && (i == 1 || change(tx, false, c, v, number(i - 1), none)) &&
         change(tx, true, c, v, number(i), none);
    if (!ok) return 1;
    if (Status st = tx.commit(); !st) {
      std::fprintf(stderr, "%s\n", st.error().to_string().c_str());
      return 1;
    }
    std::printf("%ld\n", i);
    std::fflush(stdout);
  }
}
