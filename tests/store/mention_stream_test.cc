// Tests of engine/store/mention_stream.h.
#include "engine/store/mention_stream.h"

#include <fstream>
#include <sstream>

#include "engine/util/proto_util.h"
#include "google/protobuf/io/zero_copy_stream_impl.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/testing.h"

namespace refrain {
namespace {

Mention Sample(int i) {
  Mention m;
  m.set_claim_id("largest_trading_partner");
  m.set_doc_id("doc-" + std::to_string(i));
  m.set_source("Lotus Wire");
  m.set_begin(0);
  m.set_end(5);
  m.set_text("China");
  m.set_sentence("China\tis big.");
  (*m.mutable_slots())["rank"] = "largest";
  (*m.mutable_slots())["partner"] = "Vietnam";
  return m;
}

std::string WriteAll(MentionFormat format, int n) {
  std::ostringstream out;
  MentionWriter writer(&out, format);
  for (int i = 0; i < n; ++i) EXPECT_TRUE(writer.Write(Sample(i)).ok());
  EXPECT_TRUE(writer.Flush().ok());
  return out.str();
}

TEST(MentionStream, ParsesFormatNames) {
  EXPECT_EQ(*ParseMentionFormat("binpb"), MentionFormat::kBinpb);
  EXPECT_EQ(ParseMentionFormat("xml").status().message(),
            "unknown format 'xml' (choose jsonl, textproto, binpb or text)");
}

TEST(MentionStream, BinpbIsLengthDelimitedAndReadsBack) {
  std::istringstream in(WriteAll(MentionFormat::kBinpb, 3));
  google::protobuf::io::IstreamInputStream stream(&in);
  for (int i = 0; i < 3; ++i) {
    Mention m;
    bool clean_eof = false;
    ASSERT_TRUE(google::protobuf::util::ParseDelimitedFromZeroCopyStream(&m, &stream,
                                                                      &clean_eof));
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(m, Sample(i)));
  }
  Mention extra;
  bool clean_eof = false;
  EXPECT_FALSE(google::protobuf::util::ParseDelimitedFromZeroCopyStream(&extra, &stream,
                                                                     &clean_eof));
  EXPECT_TRUE(clean_eof);
}

TEST(MentionStream, JsonlUsesProtoFieldNamesAndPrintsZeroes) {
  std::string line = WriteAll(MentionFormat::kJsonl, 1);
  EXPECT_THAT(line, ::testing::StartsWith("{\"claim_id\":\"largest_trading_partner\","
                                          "\"doc_id\":\"doc-0\""));
  EXPECT_THAT(line, ::testing::HasSubstr("\"begin\":0,\"end\":5,"));
  EXPECT_THAT(line, ::testing::HasSubstr("\"pattern_index\":0"));
  EXPECT_EQ(std::count(line.begin(), line.end(), '\n'), 1);
}

// The JSON Lines writer renders records itself, for speed; its output must
// stay byte-identical to protobuf's JSON printer: every Unicode code point
// in every kind of field, numbers up to the largest uint32, no slots.
TEST(MentionStream, JsonlIsWhatProtobufPrintsForEveryCodePoint) {
  Mention empty;
  EXPECT_EQ(MentionToJson(empty), ToJsonLine(empty));
  Mention numbers = Sample(1);
  numbers.set_begin(4294967295u);
  numbers.set_sentence_begin(7);
  numbers.set_pattern_index(12);
  EXPECT_EQ(MentionToJson(numbers), ToJsonLine(numbers));

  int compared = 0;
  for (uint32_t first = 0; first <= 0x10FFFF; first += 512) {
    std::string text = "a", head;
    for (uint32_t cp = first; cp < first + 512 && cp <= 0x10FFFF; ++cp) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // surrogates are not UTF-8
      text += testing::EncodeUtf8(cp);
      if (cp < first + 8) head = text;
    }
    Mention m = Sample(0);
    m.set_text(text);
    m.set_sentence(text + "\"z");
    m.set_source(head);
    (*m.mutable_slots())[head] = text;
    ASSERT_EQ(MentionToJson(m), ToJsonLine(m)) << "code points from " << first;
    ++compared;
  }
  EXPECT_EQ(compared, 2176);
}

TEST(MentionStream, TextprotoIsAMentionsMessage) {
  Mentions all;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      WriteAll(MentionFormat::kTextproto, 2), &all));
  ASSERT_EQ(all.mention_size(), 2);
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(all.mention(1), Sample(1)));
}

TEST(MentionStream, TextIsOneLinePerMentionForPeople) {
  EXPECT_EQ(WriteAll(MentionFormat::kText, 1),
            "Lotus Wire  -  largest_trading_partner  \"China\"  partner=Vietnam  "
            "rank=largest\n");
}

// The error of reading `m`, written as `format`, after one good record.
std::string ReadError(const Mention& m, MentionFormat format) {
  std::stringstream stream;
  MentionWriter writer(&stream, format);
  EXPECT_TRUE(writer.Write(Sample(1)).ok());
  EXPECT_TRUE(writer.Write(m).ok());
  MentionReader reader(&stream, format, "s");
  Mention read;
  EXPECT_TRUE(*reader.Next(&read));
  absl::StatusOr<bool> more = reader.Next(&read);
  EXPECT_TRUE(absl::IsInvalidArgument(more.status())) << more.status();
  return std::string(more.status().message());
}

TEST(MentionStream, RejectsRecordsThatBreakTheirInvariantsWithTheirPlace) {
  Mention m = Sample(2);
  m.clear_doc_id();
  EXPECT_EQ(ReadError(m, MentionFormat::kJsonl), "s:2: bad Mention record: no doc_id");
  EXPECT_EQ(ReadError(m, MentionFormat::kBinpb), "s: record 2: bad Mention record: no doc_id");
  m = Sample(2);
  m.set_claim_id("Bad id<b>");
  EXPECT_EQ(ReadError(m, MentionFormat::kJsonl),
            "s:2: bad Mention record: claim_id \"Bad id<b>\" is not [a-z][a-z0-9_]*");
  m.clear_claim_id();
  EXPECT_EQ(ReadError(m, MentionFormat::kJsonl), "s:2: bad Mention record: no claim_id");
  m = Sample(2);
  m.set_date("yesterday <b>");
  EXPECT_EQ(ReadError(m, MentionFormat::kJsonl),
            "s:2: bad Mention record: date \"yesterday <b>\" is not YYYY, YYYY-MM or "
            "YYYY-MM-DD");
  m = Sample(2);
  m.set_begin(9);
  EXPECT_EQ(ReadError(m, MentionFormat::kJsonl),
            "s:2: bad Mention record: begin 9 is after end 5");
  m = Sample(2);
  m.set_end(4);
  EXPECT_EQ(ReadError(m, MentionFormat::kJsonl),
            "s:2: bad Mention record: text has 5 bytes, but end - begin is 4");
  m = Sample(2);
  m.set_sentence_begin(1);
  EXPECT_EQ(ReadError(m, MentionFormat::kJsonl),
            "s:2: bad Mention record: [0, 5) is not inside its sentence [1, 14)");
  m = Sample(2);
  m.set_sentence("Chine\tis big.");
  EXPECT_EQ(ReadError(m, MentionFormat::kJsonl),
            "s:2: bad Mention record: text is not the sentence's bytes at [0, 5)");
}

TEST(MentionStream, ReadsRecordsWithoutASentenceOrADate) {
  Mention m = Sample(2);
  m.clear_sentence();
  m.set_sentence_begin(100);
  m.set_date("2024-10");
  std::stringstream stream;
  ASSERT_TRUE(MentionWriter(&stream, MentionFormat::kJsonl).Write(m).ok());
  MentionReader reader(&stream, MentionFormat::kJsonl, "s");
  Mention read;
  absl::StatusOr<bool> more = reader.Next(&read);
  ASSERT_TRUE(more.ok()) << more.status();
  EXPECT_TRUE(*more);
}

TEST(MentionStream, ReportsAFullDisk) {
  std::ofstream full("/dev/full");
  ASSERT_TRUE(full.good());
  MentionWriter writer(&full, MentionFormat::kJsonl);
  absl::Status status = writer.Write(Sample(0));
  if (status.ok()) status = writer.Flush();
  EXPECT_TRUE(absl::IsDataLoss(status)) << status;
  EXPECT_EQ(status.message(), "cannot write output: No space left on device");
}

}  // namespace
}  // namespace refrain
