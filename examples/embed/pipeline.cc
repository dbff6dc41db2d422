// A pipeline stage built on refrain's embedding API: reads plain-text
// articles (one per file named on the command line), scans them on several
// threads, and writes their mentions to standard output as a binpb stream
// (length-delimited Mention records, docs/records.md) in input order.
//
//   bazel run //examples/embed:pipeline -- rules/ 2 examples/articles/*.txt > mentions.binpb
//   refrain diff --mentions=mentions.binpb
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>

#include "engine/engine.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl.h"

int main(int argc, char** argv) {
  if (const char* dir = std::getenv("BUILD_WORKING_DIRECTORY")) (void)chdir(dir);
  if (argc < 4) {
    std::cerr << "usage: pipeline RULES THREADS FILE...\n";
    return 2;
  }
  std::vector<refrain::Diagnostic> diagnostics;
  auto engine = refrain::Engine::FromFiles({argv[1]}, {}, &diagnostics);
  for (const refrain::Diagnostic& d : diagnostics) std::cerr << d.ToString() << "\n";
  if (!engine.ok()) return 1;

  // Length-delimited records; deterministic, so that map fields (slots) are
  // written in key order and the same input gives the same bytes.
  google::protobuf::io::OstreamOutputStream stream(&std::cout);
  google::protobuf::io::CodedOutputStream out(&stream);
  out.SetSerializationDeterministic(true);
  int next_file = 3;
  int64_t written = 0;
  absl::Status status = (*engine)->ScanStream(
      // The source: one document per file; one that cannot be read stops
      // the stream with its error.
      [&](refrain::Document* doc) -> absl::StatusOr<bool> {
        if (next_file >= argc) return false;
        const char* path = argv[next_file++];
        std::ifstream in(path, std::ios::binary);
        if (!in) return absl::NotFoundError(std::string(path) + ": cannot read");
        doc->set_id(path);
        doc->set_text(std::string(std::istreambuf_iterator<char>(in), {}));
        return true;
      },
      /*threads=*/std::atoi(argv[2]),
      // The sink: called in input order.
      [&](const refrain::Document&, std::vector<refrain::Mention> mentions) {
        for (const refrain::Mention& m : mentions) {
          out.WriteVarint32(static_cast<uint32_t>(m.ByteSizeLong()));
          m.SerializeWithCachedSizes(&out);
          ++written;
        }
      });
  out.Trim();
  if (!status.ok()) std::cerr << "pipeline: " << status.message() << "\n";
  std::cerr << "pipeline: wrote " << written << " mentions\n";
  return !status.ok() || out.HadError() || !std::cout.good() ? 1 : 0;
}
