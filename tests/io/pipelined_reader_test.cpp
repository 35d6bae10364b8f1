// The pipelined reader must be read_file on another thread, nothing more:
// the same statements in the same order, the same errors at the same
// places, in strict and lax mode, for chunked N-Triples and for Turtle.
#include "io/pipelined_reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "test_sink.hpp"

namespace quiver::io {
namespace {

using testing::CollectingSink;

// A file in the test's own temporary folder, removed with the fixture.
class PipelinedReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        std::filesystem::temp_directory_path() / ("quiver_pipelined_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    const auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  std::filesystem::path dir_;
};

// About `bytes` of N-Triples: IRIs, blank nodes shared across the whole
// file (so across chunks), literals with languages and datatypes.
std::string ntriples(std::size_t bytes) {
  std::string out;
  for (std::size_t i = 0; out.size() < bytes; ++i) {
    const std::string s = "<http://example.org/s" + std::to_string(i / 7) + ">";
    switch (i % 4) {
      case 0:
        out += s + " <http://example.org/p> \"text number " + std::to_string(i) + "\"@en .\n";
        break;
      case 1:
        out += s + " <http://example.org/q> \"" + std::to_string(i) +
               "\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n";
        break;
      case 2:
        out += "_:b" + std::to_string(i % 1000) + " <http://example.org/r> " + s + " .\n";
        break;
      default:
        out += "# a comment line\n" + s + " <http://example.org/r> _:b" +
               std::to_string((i * 7) % 1000) + " .\n";
    }
  }
  return out;
}

struct Read {
  ReadResult result;
  std::string nquads;
  std::vector<std::string> errors;  // as on_error saw them, in order
  std::vector<std::pair<std::string, std::string>> prefixes;
};

template <class F>
Read run(const ReadOptions& base, F read) {
  Read out;
  ReadOptions options = base;
  options.on_error = [&out](const Error& e) { out.errors.push_back(e.to_string()); };
  CollectingSink sink;
  out.result = read(options, sink);
  out.nquads = sink.nquads();
  out.prefixes = sink.prefixes;
  return out;
}

void expect_same(const Read& plain, const Read& piped) {
  EXPECT_EQ(plain.nquads, piped.nquads);
  EXPECT_EQ(plain.errors, piped.errors);
  EXPECT_EQ(plain.prefixes, piped.prefixes);
  EXPECT_EQ(plain.result.quads, piped.result.quads);
  EXPECT_EQ(plain.result.skipped, piped.result.skipped);
  EXPECT_EQ(plain.result.error_count, piped.result.error_count);
  ASSERT_EQ(plain.result.errors.size(), piped.result.errors.size());
  for (std::size_t i = 0; i < plain.result.errors.size(); ++i) {
    EXPECT_EQ(plain.result.errors[i].to_string(), piped.result.errors[i].to_string());
  }
}

Read plain_read(const std::string& path, const ReadOptions& options) {
  return run(options, [&](const ReadOptions& o, QuadSink& s) { return read_file(path, o, s); });
}
Read piped_read(const std::string& path, const ReadOptions& options) {
  return run(options,
             [&](const ReadOptions& o, QuadSink& s) { return read_file_pipelined(path, o, s); });
}

TEST_F(PipelinedReaderTest, ChunkedNTriplesGiveTheSameQuadsInTheSameOrder) {
  const std::string path = write("big.nt", ntriples(12 << 20));
  ReadOptions options;
  options.format = Format::NTriples;
  const Read plain = plain_read(path, options);
  ASSERT_TRUE(plain.result.ok());
  ASSERT_GT(plain.result.quads, 100000u);
  expect_same(plain, piped_read(path, options));
}

TEST_F(PipelinedReaderTest, AStrictReadStopsAtTheFirstErrorWithItsLineInTheWholeFile) {
  std::string text = ntriples(10 << 20);
  // Errors deep in the file, in different chunks: only the first counts.
  const std::size_t first = text.find('\n', 5 << 20) + 1;
  text.insert(first, "<http://example.org/bad> <http://example.org/p> \"open .\n");
  const std::size_t second = text.find('\n', 8 << 20) + 1;
  text.insert(second, "<http://example.org/bad> <http://example.org/p> oops .\n");
  const std::string path = write("bad.nt", text);
  ReadOptions options;
  options.format = Format::NTriples;
  const Read plain = plain_read(path, options);
  ASSERT_EQ(plain.result.error_count, 1u);
  ASSERT_NE(plain.result.errors.front().where.line, 0u);
  expect_same(plain, piped_read(path, options));
}

TEST_F(PipelinedReaderTest, ALaxReadSkipsTheSameStatementsAndReportsTheSameLines) {
  std::string text = ntriples(10 << 20);
  for (const std::size_t at : {std::size_t{1} << 20, std::size_t{5} << 20, std::size_t{9} << 20}) {
    text.insert(text.find('\n', at) + 1,
                "<http://example.org/bad> <http://example.org/p> oops .\n");
  }
  const std::string path = write("lax.nt", text);
  ReadOptions options;
  options.format = Format::NTriples;
  options.lax = true;
  const Read plain = plain_read(path, options);
  ASSERT_EQ(plain.result.error_count, 3u);
  expect_same(plain, piped_read(path, options));
}

TEST_F(PipelinedReaderTest, TurtleReadOnASecondThreadKeepsPrefixesAndOrder) {
  std::string text = "@prefix ex: <http://example.org/> .\n";
  for (int i = 0; text.size() < (2 << 20); ++i) {
    text += "ex:s" + std::to_string(i) + " ex:p [ ex:q \"" + std::to_string(i) + "\" ] .\n";
    if (i == 1000) text += "@prefix other: <http://other.example/> .\n";
  }
  const std::string path = write("big.ttl", text);
  ReadOptions options;
  options.format = Format::Turtle;
  const Read plain = plain_read(path, options);
  ASSERT_TRUE(plain.result.ok());
  ASSERT_EQ(plain.prefixes.size(), 2u);
  expect_same(plain, piped_read(path, options));
}

// Refuses the n-th statement, as a full dictionary would.
class RefusingSink final : public QuadSink {
 public:
  explicit RefusingSink(std::uint64_t n) : n_(n) {}
  Status on_quad(const QuadRef&) override {
    if (++seen_ == n_) return Error(ErrorKind::Limit, "the store is full");
    if (seen_ > n_) return Error(ErrorKind::Internal, "called after refusing");
    return {};
  }
  std::uint64_t seen_ = 0;

 private:
  std::uint64_t n_;
};

TEST_F(PipelinedReaderTest, ASinkThatRefusesEndsTheReadThereWithTheStatementNumber) {
  for (const auto& [name, bytes, format] :
       {std::tuple{"refuse.nt", std::size_t{10} << 20, Format::NTriples},
        std::tuple{"refuse-small.nt", std::size_t{2} << 20, Format::NTriples}}) {
    const std::string path = write(name, ntriples(bytes));
    ReadOptions options;
    options.format = format;
    std::vector<Error> seen;
    options.on_error = [&seen](const Error& e) { seen.push_back(e); };
    RefusingSink sink(12345);
    const ReadResult result = read_file_pipelined(path, options, sink);
    EXPECT_EQ(sink.seen_, 12345u) << name;
    EXPECT_EQ(result.quads, 12344u) << name;
    ASSERT_EQ(result.error_count, 1u) << name;
    EXPECT_EQ(result.errors.front().kind, ErrorKind::Limit) << name;
    EXPECT_EQ(result.errors.front().where.file, path) << name;
    EXPECT_NE(result.errors.front().message.find("the store is full"), std::string::npos);
    EXPECT_NE(result.errors.front().message.find("statement 12345"), std::string::npos)
        << result.errors.front().message;
    ASSERT_EQ(seen.size(), 1u) << name;
  }
}

TEST_F(PipelinedReaderTest, AMissingFileIsTheSameErrorAsReadFile) {
  ReadOptions options;
  options.format = Format::NTriples;
  const std::string path = (dir_ / "missing.nt").string();
  expect_same(plain_read(path, options), piped_read(path, options));
}

}  // namespace
}  // namespace quiver::io
