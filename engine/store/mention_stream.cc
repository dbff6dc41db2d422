#include "engine/store/mention_stream.h"

#include <algorithm>
#include <cerrno>
#include <map>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "engine/text/date.h"
#include "engine/text/escape.h"
#include "engine/text/utf8.h"
#include "engine/util/identifier.h"
#include "engine/util/file_util.h"
#include "engine/util/proto_util.h"
#include "engine/util/status_macros.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/io/zero_copy_stream_impl.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "google/protobuf/util/json_util.h"

namespace refrain {
namespace {

// "text" format: `source  date  claim_id  "text"  slot=value ...`.
std::string HumanLine(const Mention& m) {
  std::string line = absl::StrCat(m.source().empty() ? "-" : m.source(), "  ",
                                  m.date().empty() ? "-" : m.date(), "  ",
                                  m.claim_id(), "  \"", m.text(), "\"");
  // Slots sorted by name, so lines are stable.
  std::map<std::string, std::string> slots(m.slots().begin(), m.slots().end());
  for (const auto& [name, value] : slots) absl::StrAppend(&line, "  ", name, "=", value);
  // Line breaks in the text become spaces, then whatever else could
  // control a terminal is written visibly.
  for (char& c : line) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return EscapeControls(line);
}

// The \uXXXX escape protobuf's JSON printer writes for code point `cp`
// (below 0x10000), lower-case hex.
void AppendUnicodeEscape(uint32_t cp, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  const char escape[] = {'\\', 'u', kHex[(cp >> 12) & 0xF], kHex[(cp >> 8) & 0xF],
                         kHex[(cp >> 4) & 0xF], kHex[cp & 0xF]};
  out->append(escape, sizeof(escape));
}

// Whether protobuf's JSON printer escapes code point `cp` (at least 0x80):
// C1 controls, and invisible or direction-changing characters that are
// escaped to keep JavaScript consumers safe.
bool EscapedAboveAscii(uint32_t cp) {
  return cp < 0xA0 || cp == 0xAD || (cp >= 0x600 && cp <= 0x603) || cp == 0x6DD ||
         cp == 0x70F || cp == 0x17B4 || cp == 0x17B5 || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
         (cp >= 0x206A && cp <= 0x206F) || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
         cp == 0xE0001 || (cp >= 0x1D173 && cp <= 0x1D17A) ||
         (cp >= 0xE0020 && cp <= 0xE007F);
}

// Appends `text` as a JSON string, escaped as protobuf's JSON printer does.
void AppendJsonString(absl::string_view text, std::string* out) {
  out->push_back('"');
  size_t plain = 0;  // start of the run not yet copied
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '<' && c != '>') {
      ++i;
      continue;
    }
    const size_t length = std::min(Utf8SequenceLength(text[i]), text.size() - i);
    uint32_t cp = c;
    if (c >= 0xC0) {  // a lead byte, perhaps cut short by the end of `text`
      cp = c & (0x3F >> (length - 1));
      for (size_t k = 1; k < length; ++k) {
        cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
      }
      if (!EscapedAboveAscii(cp)) {
        i += length;
        continue;
      }
    }
    out->append(text.data() + plain, i - plain);
    switch (cp) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\t': out->append("\\t"); break;
      case '\n': out->append("\\n"); break;
      case '\f': out->append("\\f"); break;
      case '\r': out->append("\\r"); break;
      default:
        if (cp >= 0x10000) {  // as a UTF-16 surrogate pair
          AppendUnicodeEscape(0xD800 + ((cp - 0x10000) >> 10), out);
          AppendUnicodeEscape(0xDC00 + ((cp - 0x10000) & 0x3FF), out);
        } else {
          AppendUnicodeEscape(cp, out);
        }
    }
    i += length;
    plain = i;
  }
  out->append(text.data() + plain, text.size() - plain);
  out->push_back('"');
}

// What is wrong with `m` (see MentionReader::Next), or OK.
absl::Status CheckRecord(const Mention& m) {
  if (m.doc_id().empty()) return absl::InvalidArgumentError("no doc_id");
  if (m.claim_id().empty()) return absl::InvalidArgumentError("no claim_id");
  if (!IsLowerIdentifier(m.claim_id())) {
    return absl::InvalidArgumentError(
        absl::StrCat("claim_id \"", m.claim_id(), "\" is not [a-z][a-z0-9_]*"));
  }
  if (!m.date().empty()) RETURN_IF_ERROR(CheckDate(m.date()));
  if (m.begin() > m.end()) {
    return absl::InvalidArgumentError(
        absl::StrCat("begin ", m.begin(), " is after end ", m.end()));
  }
  if (m.text().size() != m.end() - m.begin()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "text has ", m.text().size(), " bytes, but end - begin is ", m.end() - m.begin()));
  }
  if (m.sentence().empty()) return absl::OkStatus();
  const uint64_t sentence_end = uint64_t{m.sentence_begin()} + m.sentence().size();
  if (m.begin() < m.sentence_begin() || m.end() > sentence_end) {
    return absl::InvalidArgumentError(absl::StrCat("[", m.begin(), ", ", m.end(),
                                                   ") is not inside its sentence [",
                                                   m.sentence_begin(), ", ", sentence_end, ")"));
  }
  if (m.sentence().compare(m.begin() - m.sentence_begin(), m.text().size(), m.text()) != 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "text is not the sentence's bytes at [", m.begin(), ", ", m.end(), ")"));
  }
  return absl::OkStatus();
}

}  // namespace

std::string MentionToJson(const Mention& m) {
  std::string json;
  json.reserve(256 + m.text().size() + m.sentence().size());
  auto field = [&json](absl::string_view name, absl::string_view value) {
    absl::StrAppend(&json, json.empty() ? "{\"" : ",\"", name, "\":");
    AppendJsonString(value, &json);
  };
  auto number = [&json](absl::string_view name, uint32_t value) {
    absl::StrAppend(&json, ",\"", name, "\":", value);
  };
  // Fields in field-number order, as protobuf prints them.
  field("claim_id", m.claim_id());
  field("doc_id", m.doc_id());
  field("source", m.source());
  field("date", m.date());
  number("begin", m.begin());
  number("end", m.end());
  field("text", m.text());
  field("sentence", m.sentence());
  number("sentence_begin", m.sentence_begin());
  json.append(",\"slots\":{");
  // Sorted by name, as deterministic serialisation orders map entries.
  std::vector<std::pair<absl::string_view, absl::string_view>> slots(m.slots().begin(),
                                                                     m.slots().end());
  std::sort(slots.begin(), slots.end());
  for (size_t i = 0; i < slots.size(); ++i) {
    if (i > 0) json.push_back(',');
    AppendJsonString(slots[i].first, &json);
    json.push_back(':');
    AppendJsonString(slots[i].second, &json);
  }
  json.push_back('}');
  field("rule_set", m.rule_set());
  field("rule_set_fingerprint", m.rule_set_fingerprint());
  number("pattern_index", m.pattern_index());
  json.push_back('}');
  return json;
}

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
      *out_ << MentionToJson(mention) << '\n';
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
  return WriteStatus(*out_);
}

absl::Status MentionWriter::Flush() {
  errno = 0;
  out_->flush();
  return WriteStatus(*out_);
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

std::string MentionReader::Where() const {
  return format_ == MentionFormat::kBinpb ? absl::StrCat(path_, ": record ", count_)
                                          : absl::StrCat(path_, ":", count_);
}

absl::StatusOr<bool> MentionReader::Next(Mention* mention) {
  mention->Clear();
  bool read = false;
  if (format_ == MentionFormat::kBinpb) {
    ++count_;
    bool clean_eof = false;
    read = google::protobuf::util::ParseDelimitedFromZeroCopyStream(
        mention, &binary_->stream, &clean_eof);
    if (!read && !clean_eof) {
      return absl::DataLossError(
          absl::StrCat(Where(), ": truncated or damaged (not a binpb Mention stream?)"));
    }
  } else {
    std::string line;
    while (!read && std::getline(*in_, line)) {
      ++count_;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      auto status = google::protobuf::util::JsonStringToMessage(line, mention);
      if (!status.ok()) {
        return absl::InvalidArgumentError(
            absl::StrCat(Where(), ": not a Mention record: ", status.message().ToString()));
      }
      read = true;
    }
    if (!read && in_->bad()) return absl::DataLossError(absl::StrCat(path_, ": read error"));
  }
  if (!read) return false;
  if (absl::Status bad = CheckRecord(*mention); !bad.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(Where(), ": bad Mention record: ", bad.message()));
  }
  return true;
}

}  // namespace refrain
