#include "database/base.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <thread>

#include "database/manifest.hpp"
#include "store/table_choice.hpp"

namespace quiver::database {
namespace {

constexpr char kInfoMagic[8] = {'Q', 'V', 'I', 'N', 'F', 'O', '0', '1'};
constexpr char kInfoEnd[8] = {'Q', 'V', 'I', 'N', 'F', 'E', 'N', 'D'};
constexpr std::uint32_t kInfoFormat = 1;
const char* const kTripleSuffixes[store::kTripleTables] = {"spo", "pos", "osp", "pso"};
const char* const kQuadSuffixes[store::kQuadTables] = {"spog", "posg", "ospg", "gspo",
                                                       "gpos", "gosp", "psog", "gpso"};

void put_statistics(std::string& out, const store::GraphStatistics& g) {
  disk::put_varint(out, g.triples);
  disk::put_varint(out, g.distinct_subjects);
  disk::put_varint(out, g.distinct_predicates);
  disk::put_varint(out, g.distinct_objects);
  std::vector<TermId> predicates;
  for (const auto& [p, counts] : g.predicates) predicates.push_back(p);
  std::sort(predicates.begin(), predicates.end());  // the same bytes every time
  disk::put_varint(out, predicates.size());
  for (const TermId p : predicates) {
    const store::PredicateStatistics& c = g.predicates.at(p);
    disk::put_varint(out, p);
    disk::put_varint(out, c.triples);
    disk::put_varint(out, c.distinct_subjects);
    disk::put_varint(out, c.distinct_objects);
  }
}

bool get_statistics(const unsigned char*& p, const unsigned char* end, store::GraphStatistics& g) {
  std::uint64_t predicates = 0;
  if (!disk::get_varint(p, end, g.triples) || !disk::get_varint(p, end, g.distinct_subjects) ||
      !disk::get_varint(p, end, g.distinct_predicates) ||
      !disk::get_varint(p, end, g.distinct_objects) || !disk::get_varint(p, end, predicates) ||
      predicates > static_cast<std::uint64_t>(end - p) / 4) {
    return false;
  }
  for (std::uint64_t i = 0; i < predicates; ++i) {
    std::uint64_t id = 0;
    store::PredicateStatistics c;
    if (!disk::get_varint(p, end, id) || !disk::get_varint(p, end, c.triples) ||
        !disk::get_varint(p, end, c.distinct_subjects) ||
        !disk::get_varint(p, end, c.distinct_objects)) {
      return false;
    }
    g.predicates[id] = c;
  }
  return true;
}

Status write_info(const std::string& path, std::uint64_t terms, const std::vector<TermId>& graphs,
                  const store::GraphStatistics& defaults, const store::GraphStatistics& named) {
  std::string body;
  disk::put_varint(body, terms);
  disk::put_varint(body, graphs.size());
  for (const TermId g : graphs) disk::put_varint(body, g);
  put_statistics(body, defaults);
  put_statistics(body, named);
  std::string bytes(kInfoMagic, sizeof kInfoMagic);
  disk::put_u32(bytes, kInfoFormat);
  disk::put_u32(bytes, 0);
  disk::put_u64(bytes, body.size());
  bytes += body;
  disk::Checksum sum;
  sum.add(reinterpret_cast<const unsigned char*>(body.data()), body.size());
  disk::put_u64(bytes, sum.value);
  bytes.append(kInfoEnd, sizeof kInfoEnd);
  return disk::write_synced(path, bytes);
}

Status read_info(const std::string& path, Base& base, std::uint64_t& terms) {
  auto file = disk::MappedFile::open(path);
  if (!file) return file.error();
  const auto damaged = [&](const std::string& why) {
    return Error(ErrorKind::Corrupt, path + ": damaged generation info (" + why + ")");
  };
  const unsigned char* p = file->data();
  const std::size_t size = file->size();
  if (size < 40 || std::memcmp(p, kInfoMagic, 8) != 0 ||
      std::memcmp(p + size - 8, kInfoEnd, 8) != 0) {
    return damaged("no header or footer");
  }
  if (disk::get_u32(p + 8) != kInfoFormat) return damaged("format");
  const std::uint64_t body_size = disk::get_u64(p + 16);
  if (body_size != size - 40) return damaged("sizes disagree");
  const unsigned char* body = p + 24;
  const unsigned char* end = body + body_size;
  disk::Checksum sum;
  sum.add(body, body_size);
  if (sum.value != disk::get_u64(end)) return damaged("checksum");
  std::uint64_t graphs = 0;
  if (!disk::get_varint(body, end, terms) || !disk::get_varint(body, end, graphs) ||
      graphs > body_size) {
    return damaged("counts");
  }
  for (std::uint64_t i = 0; i < graphs; ++i) {
    std::uint64_t g = 0;
    if (!disk::get_varint(body, end, g) || !store::storable(g) ||
        (!base.graphs.empty() && g <= base.graphs.back())) {
      return damaged("graph list");
    }
    base.graphs.push_back(g);
  }
  if (!get_statistics(body, end, base.default_graph.counts) ||
      !get_statistics(body, end, base.named_graphs.counts) || body != end) {
    return damaged("statistics");
  }
  return {};
}

// Streams the rows of table `t` of a part into its block table, feeding
// the statistics from the S-led table (t = 0) and the P-led one (t = 1).
template <std::size_t N, class Fill>
Status write_table(const std::string& path, std::size_t t, const Fill& fill,
                   store::StatisticsBuilder& builder, store::ObjectCounter& objects) {
  auto writer = disk::BlockTableWriter<N>::create(path);
  if (!writer) return writer.error();
  Status st = fill(t, [&](const store::Row<N>& row) -> Status {
    if (t == 0) builder.add(row);
    if (t == 1) objects.add(row);
    return writer->add(row);
  });
  if (!st) return st;
  return writer->finish();
}

store::GraphStatistics statistics_of(store::StatisticsBuilder& builder,
                                     store::ObjectCounter& objects) {
  store::GraphStatistics statistics = builder.finish();
  for (const auto& [p, n] : objects.finish()) statistics.predicates[p].distinct_objects = n;
  return statistics;
}

// Runs `tasks` on up to `threads` threads; the first failure (in task
// order) is the result, and once one has failed no new task starts.
Status run_tasks(const std::vector<std::function<Status()>>& tasks, unsigned threads) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::vector<Status> results(tasks.size());
  const auto work = [&] {
    for (std::size_t i; !failed && (i = next++) < tasks.size();) {
      results[i] = tasks[i]();
      if (!results[i]) failed = true;
    }
  };
  std::vector<std::thread> pool;
  const std::size_t helpers = std::min<std::size_t>(std::max(threads, 1u), tasks.size());
  for (std::size_t k = 1; k < helpers; ++k) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  for (Status& r : results) {
    if (!r) return r;
  }
  return {};
}

template <std::size_t N>
store::Row<N> canonical(const typename store::SortedTable<N>::Order& order,
                        const store::Row<N>& stored) {
  store::Row<N> out;
  for (std::size_t i = 0; i < N; ++i) out[order[i]] = stored[i];
  return out;
}

// An order-independent digest of a table's rows in canonical layout: the
// permutations of one part must all give the same.
template <std::size_t N>
Expected<std::uint64_t> digest(const disk::BlockTable<N>& table,
                               const typename store::SortedTable<N>::Order& order,
                               std::uint64_t terms, const std::vector<TermId>& graphs) {
  std::uint64_t sum = 0;
  auto range = table.range({}, 0);
  store::Row<N> batch[256];
  const TermId limit = kFirstTermId + terms;
  while (const std::size_t n = range.next(batch, 256)) {
    for (std::size_t i = 0; i < n; ++i) {
      const store::Row<N> row = canonical<N>(order, batch[i]);
      std::uint64_t h = 0x9E3779B97F4A7C15ull;
      for (const std::uint32_t c : row) {
        if (c < kFirstTermId || c >= limit) {
          return Error(ErrorKind::Corrupt,
                       "a row holds id " + std::to_string(c) + ", which is not in the dictionary");
        }
        h = (h ^ c) * 0xff51afd7ed558ccdull;
        h ^= h >> 33;
      }
      if constexpr (N == 4) {
        if (!std::binary_search(graphs.begin(), graphs.end(), TermId{row[3]})) {
          return Error(ErrorKind::Corrupt, "a quad is in graph " + std::to_string(row[3]) +
                                               ", which is not in the graph list");
        }
      }
      sum += h;
    }
  }
  if (const Error* e = range.error()) return *e;
  return sum;
}

bool same_statistics(const store::GraphStatistics& a, const store::GraphStatistics& b) {
  if (a.triples != b.triples || a.distinct_subjects != b.distinct_subjects ||
      a.distinct_predicates != b.distinct_predicates || a.distinct_objects != b.distinct_objects ||
      a.predicates.size() != b.predicates.size()) {
    return false;
  }
  for (const auto& [p, c] : a.predicates) {
    const store::PredicateStatistics d = b.predicate(p);
    if (c.triples != d.triples || c.distinct_subjects != d.distinct_subjects ||
        c.distinct_objects != d.distinct_objects) {
      return false;
    }
  }
  return true;
}

template <std::size_t N>
Status verify_part(const char* part,
                   const std::array<disk::BlockTable<N>,
                                    N == 3 ? store::kTripleTables : store::kQuadTables>& tables,
                   const std::vector<typename store::SortedTable<N>::Order>& orders,
                   std::uint64_t terms, const std::vector<TermId>& graphs,
                   const store::GraphStatistics& stored) {
  const auto fail = [&](const std::string& what) {
    return Error(ErrorKind::Corrupt, std::string(part) + ": " + what);
  };
  std::uint64_t first = 0;
  for (std::size_t t = 0; t < tables.size(); ++t) {
    if (Status st = tables[t].verify(); !st) return fail(st.error().message);
    if (tables[t].size() != tables[0].size()) {
      return fail("permutation " + std::to_string(t) + " has " + std::to_string(tables[t].size()) +
                  " rows, the first " + std::to_string(tables[0].size()));
    }
    auto d = digest<N>(tables[t], orders[t], terms, graphs);
    if (!d) return fail(d.error().message);
    if (t == 0) first = *d;
    if (*d != first) {
      return fail("permutation " + std::to_string(t) + " holds other rows than the first");
    }
  }
  store::StatisticsBuilder builder;
  store::ObjectCounter objects;
  for (std::size_t t = 0; t < 2; ++t) {
    auto range = tables[t].range({}, 0);
    store::Row<N> batch[256];
    while (const std::size_t n = range.next(batch, 256)) {
      for (std::size_t i = 0; i < n; ++i) {
        if (t == 0) builder.add(batch[i]);
        if (t == 1) objects.add(batch[i]);
      }
    }
  }
  store::GraphStatistics counted = builder.finish();
  for (const auto& [p, n] : objects.finish()) counted.predicates[p].distinct_objects = n;
  if (!same_statistics(counted, stored)) return fail("the statistics are not those of the rows");
  return {};
}

}  // namespace

const std::vector<std::string>& generation_suffixes() {
  static const std::vector<std::string> suffixes = [] {
    std::vector<std::string> out{"terms", "info", "wal"};
    out.insert(out.end(), std::begin(kTripleSuffixes), std::end(kTripleSuffixes));
    out.insert(out.end(), std::begin(kQuadSuffixes), std::end(kQuadSuffixes));
    return out;
  }();
  return suffixes;
}

Status write_generation(const std::string& folder, std::uint64_t generation,
                        const GenerationSource& source) {
  // The dictionary and the twelve tables are independent streams: written
  // side by side, a load's final merge takes about half as long on two
  // cores. Triple tables first: they are usually the largest.
  store::StatisticsBuilder triple_builder, quad_builder;
  store::ObjectCounter triple_objects, quad_objects;
  std::vector<std::function<Status()>> tasks;
  for (std::size_t t = 0; t < store::kTripleTables; ++t) {
    tasks.push_back([&, t] {
      return write_table<3>(generation_file(folder, generation, kTripleSuffixes[t]), t,
                            source.triples, triple_builder, triple_objects);
    });
  }
  tasks.push_back([&] {
    return disk::write_dictionary(generation_file(folder, generation, "terms"), source.term_count,
                                  source.term);
  });
  for (std::size_t t = 0; t < store::kQuadTables; ++t) {
    tasks.push_back([&, t] {
      return write_table<4>(generation_file(folder, generation, kQuadSuffixes[t]), t, source.quads,
                            quad_builder, quad_objects);
    });
  }
  if (Status st = run_tasks(tasks, source.threads); !st) return st;
  return write_info(generation_file(folder, generation, "info"), source.term_count, source.graphs,
                    statistics_of(triple_builder, triple_objects),
                    statistics_of(quad_builder, quad_objects));
}

Expected<std::shared_ptr<const Base>> Base::open(const std::string& folder,
                                                 std::uint64_t generation) {
  auto base = std::make_shared<Base>();
  base->generation = generation;
  auto terms = disk::DictionaryFile::open(generation_file(folder, generation, "terms"));
  if (!terms) return terms.error();
  base->terms = *terms;
  for (std::size_t t = 0; t < store::kTripleTables; ++t) {
    auto table = disk::BlockTable<3>::open(generation_file(folder, generation, kTripleSuffixes[t]));
    if (!table) return table.error();
    base->triples[t] = *table;
  }
  for (std::size_t t = 0; t < store::kQuadTables; ++t) {
    auto table = disk::BlockTable<4>::open(generation_file(folder, generation, kQuadSuffixes[t]));
    if (!table) return table.error();
    base->quads[t] = *table;
  }
  std::uint64_t info_terms = 0;
  const std::string info = generation_file(folder, generation, "info");
  if (Status st = read_info(info, *base, info_terms); !st) return st.error();
  if (info_terms != base->terms.size()) {
    return Error(ErrorKind::Corrupt,
                 info + ": the dictionary has " + std::to_string(base->terms.size()) +
                     " terms, the info file says " + std::to_string(info_terms));
  }
  return std::shared_ptr<const Base>(std::move(base));
}

Status Base::verify() const {
  if (Status st = terms.verify(); !st) return st;
  if (Status st = verify_part<3>("default graph", triples, store::triple_orders(), terms.size(),
                                 graphs, default_graph.counts);
      !st) {
    return st;
  }
  return verify_part<4>("named graphs", quads, store::quad_orders(), terms.size(), graphs,
                        named_graphs.counts);
}

}  // namespace quiver::database
