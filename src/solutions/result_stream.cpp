#include "solutions/result_stream.hpp"

namespace quiver {
namespace {

class WholeResultStream final : public ResultStream {
 public:
  explicit WholeResultStream(const QueryResult& result) : result_(result) {}

  QueryForm form() const override { return result_.form; }
  const std::vector<std::string>& variables() const override { return result_.variables; }
  bool ordered() const override { return result_.ordered; }
  bool boolean() override { return result_.boolean; }
  bool next(SolutionView& row) override {
    if (next_ >= result_.solutions.size()) return false;
    const Solution& s = result_.solutions[next_++];
    row.assign(s.size(), TermRef{});
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i]) row[i] = s[i]->ref();
    }
    return true;
  }
  bool next(TripleView& triple) override {
    if (next_ >= result_.triples.size()) return false;
    const Triple& t = result_.triples[next_++];
    triple = {t.subject.ref(), t.predicate.ref(), t.object.ref()};
    return true;
  }
  const std::optional<Error>& error() const override { return error_; }

 private:
  const QueryResult& result_;
  std::size_t next_ = 0;
  std::optional<Error> error_;
};

}  // namespace

std::unique_ptr<ResultStream> stream_of(const QueryResult& result) {
  return std::make_unique<WholeResultStream>(result);
}

Expected<QueryResult> collect(ResultStream& stream) {
  QueryResult result;
  result.form = stream.form();
  result.ordered = stream.ordered();
  switch (stream.form()) {
    case QueryForm::Select: {
      result.variables = stream.variables();
      SolutionView row;
      while (stream.next(row)) {
        Solution& s = result.solutions.emplace_back(row.size());
        for (std::size_t i = 0; i < row.size(); ++i) {
          if (!row[i].is_none()) s[i] = Term(row[i]);
        }
      }
      break;
    }
    case QueryForm::Ask:
      result.boolean = stream.boolean();
      break;
    case QueryForm::Construct:
    case QueryForm::Describe: {
      TripleView t;
      while (stream.next(t)) result.triples.push_back({Term(t[0]), Term(t[1]), Term(t[2])});
      break;
    }
  }
  if (stream.error()) return *stream.error();
  return result;
}

}  // namespace quiver
