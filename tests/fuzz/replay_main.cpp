// Runs a fuzz target's entry point on files, as a plain program: the
// crash reproducers of tests/fuzz/regressions/NAME/ and the seeds of
// tests/fuzz/seeds/NAME/ stay tests in every build (ASan included), with
// no libFuzzer needed. Arguments are files or folders (read flat).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

int run(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    std::fprintf(stderr, "cannot read %s\n", file.c_str());
    return 1;
  }
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path arg(argv[i]);
    if (std::filesystem::is_directory(arg)) {
      for (const auto& entry : std::filesystem::directory_iterator(arg)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
    } else if (std::filesystem::exists(arg)) {
      files.push_back(arg);
    }
  }
  // A replay of nothing would pass without checking anything.
  if (files.empty()) {
    std::fprintf(stderr, "no input files given\n");
    return 1;
  }
  for (const auto& f : files) {
    if (run(f) != 0) return 1;
  }
  std::printf("%zu inputs replayed without a crash\n", files.size());
  return 0;
}
