#include "validate/corpus.hpp"

namespace quiver::validate {
namespace {

/// Keeps every quad of one file, and its prefixes.
class CorpusSink final : public io::QuadSink {
 public:
  CorpusSink(std::vector<Statement>& statements, SourceFile& file, std::uint32_t index)
      : statements_(statements), file_(file), index_(index) {}

  void on_prefix(std::string_view name, std::string_view iri) override {
    file_.prefixes.emplace_back(std::string(name), std::string(iri));
  }
  Status on_quad(const QuadRef& quad) override {
    statements_.push_back({Quad(quad), index_});
    return {};
  }

 private:
  std::vector<Statement>& statements_;
  SourceFile& file_;
  std::uint32_t index_;
};

}  // namespace

SourceFile& Corpus::start_file(std::string name, std::string path, Role role,
                               io::ReadOptions& options) {
  SourceFile file;
  file.name = std::move(name);
  file.path = std::move(path);
  file.role = role;
  file.blank_prefix = "f" + std::to_string(files_.size()) + "_";
  options.blank_prefix = file.blank_prefix;
  files_.push_back(std::move(file));
  return files_.back();
}

io::ReadResult Corpus::add_file(const std::string& path, Role role, io::ReadOptions options) {
  const bool stdin_input = path == "-";
  const auto index = static_cast<std::uint32_t>(files_.size());
  SourceFile& file =
      start_file(stdin_input ? "<stdin>" : path, stdin_input ? "" : path, role, options);
  CorpusSink sink(statements_, file, index);
  return io::read_file(path, options, sink);
}

io::ReadResult Corpus::add_string(std::string_view text, std::string_view name, Role role,
                                  io::ReadOptions options) {
  const auto index = static_cast<std::uint32_t>(files_.size());
  SourceFile& file = start_file(std::string(name), "", role, options);
  file.text = std::string(text);
  CorpusSink sink(statements_, file, index);
  return io::read_string(text, name, options, sink);
}

}  // namespace quiver::validate
