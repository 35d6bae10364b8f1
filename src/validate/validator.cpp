#include "validate/validator.hpp"

#include <algorithm>
#include <limits>
#include <memory>
#include <tuple>
#include <unordered_set>

#include "validate/checks.hpp"

namespace quiver::validate {

std::vector<Error> check_against_ontology(const Corpus& corpus) {
  const Ontology ontology(corpus);
  const Facts facts(corpus);
  const Namer names(corpus);
  const CheckContext context{corpus, ontology, facts, names};
  std::vector<Finding> findings;
  check_declarations(context, findings);
  check_domains_and_ranges(context, findings);
  check_literals(context, findings);
  check_requirements(context, findings);

  // A file's text is only read when it has something to report.
  std::vector<std::unique_ptr<SourceLocator>> locators(corpus.files().size());
  std::unordered_set<std::string> seen;
  struct Located {
    std::uint32_t file;
    Error error;
  };
  std::vector<Located> located;
  for (Finding& f : findings) {
    if (!seen.insert(f.message).second) continue;
    const Statement& st = corpus.statements()[f.statement];
    auto& locator = locators[st.file];
    if (!locator) locator = std::make_unique<SourceLocator>(corpus.files()[st.file]);
    located.push_back({st.file, Error{locator->locate(st.quad, f.part), std::move(f.message)}});
  }
  // By file, then position; problems without a line go last in their file.
  std::stable_sort(located.begin(), located.end(), [](const Located& a, const Located& b) {
    auto key = [](const Located& l) {
      const auto line =
          l.error.where.line ? l.error.where.line : std::numeric_limits<std::uint64_t>::max();
      return std::tuple(l.file, line, l.error.where.column);
    };
    return key(a) < key(b);
  });
  std::vector<Error> errors;
  errors.reserve(located.size());
  for (Located& l : located) errors.push_back(std::move(l.error));
  return errors;
}

}  // namespace quiver::validate
