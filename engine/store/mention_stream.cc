#include "engine/store/mention_stream.h"

#include <cerrno>
#include <cstring>
#include <map>

#include "absl/strings/str_cat.h"
#include "engine/util/proto_util.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/io/zero_copy_stream_impl.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "google/protobuf/util/json_util.h"

namespace refrain {
namespace {

absl::Status WriteError() {
  return absl::DataLossError(
      absl::StrCat("cannot write output: ", errno ? std::strerror(errno) : "stream error"));
}

// "text" format: `source  date  claim_id  "text"  slot=value ...`.
std::string HumanLine(const Mention& m) {
  std::string line = absl::StrCat(m.source().empty() ? "-" : m.source(), "  ",
                                  m.date().empty() ? "-" : m.date(), "  ",
                                  m.claim_id(), "  \"", m.text(), "\"");
  // Slots sorted by name, so lines are stable.
  std::map<std::string, std::string> slots(m.slots().begin(), m.slots().end());
  for (const auto& [name, value] : slots) absl::StrAppend(&line, "  ", name, "=", value);
  for (char& c : line) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return line;
}

}  // namespace

absl::StatusOr<MentionFormat> ParseMentionFormat(absl::string_view name) {
  if (name == "jsonl") return MentionFormat::kJsonl;
  if (name == "textproto") return MentionFormat::kTextproto;
  if (name == "binpb") return MentionFormat::kBinpb;
  if (name == "text") return MentionFormat::kText;
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown format '", name, "' (choose jsonl, textproto, binpb or text)"));
}

absl::Status MentionWriter::Write(const Mention& mention) {
  errno = 0;
  switch (format_) {
    case MentionFormat::kJsonl:
      *out_ << ToJsonLine(mention) << '\n';
      break;
    case MentionFormat::kTextproto: {
      std::string text;
      google::protobuf::TextFormat::Printer printer;
      printer.SetInitialIndentLevel(1);
      printer.PrintToString(mention, &text);
      *out_ << "mention {\n" << text << "}\n";
      break;
    }
    case MentionFormat::kBinpb: {
      // A varint size, then the record: protobuf's delimited framing.
      const std::string bytes = SerializeDeterministic(mention);
      std::string frame;
      {
        google::protobuf::io::StringOutputStream stream(&frame);
        google::protobuf::io::CodedOutputStream coded(&stream);
        coded.WriteVarint32(static_cast<uint32_t>(bytes.size()));
      }
      *out_ << frame << bytes;
      break;
    }
    case MentionFormat::kText:
      *out_ << HumanLine(mention) << '\n';
      break;
  }
  return out_->good() ? absl::OkStatus() : WriteError();
}

absl::Status MentionWriter::Flush() {
  errno = 0;
  out_->flush();
  return out_->good() ? absl::OkStatus() : WriteError();
}

struct MentionReader::Binary {
  explicit Binary(std::istream* in) : stream(in) {}
  google::protobuf::io::IstreamInputStream stream;
};

MentionReader::MentionReader(std::istream* in, MentionFormat format, std::string path)
    : in_(in), format_(format), path_(std::move(path)) {
  if (format_ == MentionFormat::kBinpb) binary_ = std::make_unique<Binary>(in_);
}

MentionReader::~MentionReader() = default;

absl::StatusOr<bool> MentionReader::Next(Mention* mention) {
  mention->Clear();
  if (format_ == MentionFormat::kBinpb) {
    ++count_;
    bool clean_eof = false;
    if (google::protobuf::util::ParseDelimitedFromZeroCopyStream(
            mention, &binary_->stream, &clean_eof)) {
      return true;
    }
    if (clean_eof) return false;
    return absl::DataLossError(absl::StrCat(
        path_, ": record ", count_, ": truncated or damaged (not a binpb Mention stream?)"));
  }
  std::string line;
  while (std::getline(*in_, line)) {
    ++count_;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto status = google::protobuf::util::JsonStringToMessage(line, mention);
    if (!status.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          path_, ":", count_, ": not a Mention record: ", status.message().ToString()));
    }
    return true;
  }
  if (in_->bad()) return absl::DataLossError(absl::StrCat(path_, ": read error"));
  return false;
}

}  // namespace refrain
