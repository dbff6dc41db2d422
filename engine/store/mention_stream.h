// Writing `Mention` records as a stream, in the formats `refrain scan`
// offers (see docs/records.md):
//
//   jsonl      one JSON object per line, proto field names, every field
//   textproto  `mention { ... }` blocks: a text-format `Mentions` message
//   binpb      length-delimited binary records (varint size, then bytes),
//              as protobuf's writeDelimitedTo / parseDelimitedFrom
//   text       one line per mention for people: source, date, claim, text
//              (control characters written visibly, see EscapeControls)
//
//   MentionWriter writer(&std::cout, MentionFormat::kJsonl);
//   RETURN_IF_ERROR(writer.Write(mention));
//
//   MentionReader reader(&file, MentionFormat::kBinpb, "mentions.binpb");
//   Mention m;
//   while (true) { ASSIGN_OR_RETURN(bool more, reader.Next(&m)); if (!more) break; ... }
#ifndef REFRAIN_ENGINE_STORE_MENTION_STREAM_H_
#define REFRAIN_ENGINE_STORE_MENTION_STREAM_H_

#include <cstdint>
#include <istream>
#include <memory>
#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/claim.pb.h"

namespace refrain {

enum class MentionFormat { kJsonl, kTextproto, kBinpb, kText };

// Parses "jsonl", "textproto", "binpb" or "text"; InvalidArgument naming the
// choices otherwise.
absl::StatusOr<MentionFormat> ParseMentionFormat(absl::string_view name);

// One mention as a JSON object (no newline): byte for byte what protobuf's
// JSON printer gives for it with proto field names and every field printed
// (`ToJsonLine`), about ten times faster. Strings must be valid UTF-8, as
// every string of a Mention is.
std::string MentionToJson(const Mention& mention);

// Writes mentions to a stream it does not own. Not thread-safe.
class MentionWriter {
 public:
  MentionWriter(std::ostream* out, MentionFormat format)
      : out_(out), format_(format) {}

  // Writes one mention. Returns DataLoss when the stream fails (e.g. the
  // disk is full); the stream is then unusable.
  absl::Status Write(const Mention& mention);

  // Flushes the stream; DataLoss when that fails.
  absl::Status Flush();

 private:
  std::ostream* out_;
  MentionFormat format_;
};

// Reads a stream of mentions written as jsonl or binpb. Not thread-safe.
class MentionReader {
 public:
  // Reads `format` (kJsonl or kBinpb) from `in`, which it does not own;
  // `path` names the stream in messages.
  MentionReader(std::istream* in, MentionFormat format, std::string path);
  ~MentionReader();

  // Reads the next record into `mention`. Returns false at the end of the
  // stream; InvalidArgument ("path:line: ...") for a JSON line that is not
  // a Mention, DataLoss ("path: record N: ...") for a truncated or damaged
  // binary record, and InvalidArgument ("path:line: bad Mention record:
  // ..." or "path: record N: bad Mention record: ...") for a record that
  // breaks the invariants of proto/claim.proto: it needs a `doc_id`, a
  // `claim_id` of `[a-z][a-z0-9_]*`, a date that is empty or YYYY, YYYY-MM
  // or YYYY-MM-DD, `begin <= end` with `end - begin` the size of `text`,
  // and, when it has a `sentence`, `text` at its place in the sentence.
  absl::StatusOr<bool> Next(Mention* mention);

 private:
  // Where the last record read is, for messages: "path:line" (jsonl) or
  // "path: record N" (binpb).
  std::string Where() const;

  std::istream* in_;
  MentionFormat format_;
  std::string path_;
  int64_t count_ = 0;  // records (binpb) or lines (jsonl) read
  struct Binary;
  std::unique_ptr<Binary> binary_;
};

}  // namespace refrain

#endif  // REFRAIN_ENGINE_STORE_MENTION_STREAM_H_
