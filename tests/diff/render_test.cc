// Tests of engine/diff/render.h: what hostile values become in each report.
#include "engine/diff/render.h"

#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "engine/diff/report_builder.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace refrain {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Raw HTML, a table break, Markdown markup, a terminal escape: in every
// string field of a mention, and so in every field a report shows.
constexpr char kHostile[] =
    "x|y\n<img src=x onerror=alert(1)>`c` *b* _i_ [l](u) # ~s~ &amp; \x1b]0;t\x07\r\n| z";

std::vector<Mention> HostileMentions() {
  std::vector<Mention> mentions;
  for (int i = 0; i < 3; ++i) {
    Mention m;
    m.set_claim_id(i == 2 ? "plain_claim" : std::string("claim ") + kHostile);
    m.set_doc_id(std::string("doc ") + kHostile + std::to_string(i));
    m.set_source(std::string("source ") + kHostile + std::to_string(i % 2));
    m.set_date(i == 0 ? std::string("yesterday ") + kHostile : "2025-04");
    m.set_text(i == 0 ? std::string("china is ") + kHostile : "china is vietnam's partner");
    m.set_sentence(m.text());
    (*m.mutable_slots())[std::string("slot ") + kHostile] = std::string("value ") + kHostile;
    mentions.push_back(m);
  }
  return mentions;
}

std::string Render(ReportFormat format) {
  RenderOptions options;
  options.title = std::string("title ") + kHostile;
  return RenderReport(BuildReport(HostileMentions()), format, options);
}

// The cells of a Markdown table row: split at each `|` not escaped by a
// backslash. Empty when the line is not a row.
std::vector<std::string> Cells(const std::string& line) {
  std::vector<std::string> cells;
  if (line.empty() || line.front() != '|' || line.back() != '|') return cells;
  std::string cell;
  for (size_t i = 1; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) {
      cell += line.substr(i, 2);
      ++i;
    } else if (line[i] == '|') {
      cells.push_back(cell);
      cell.clear();
    } else {
      cell += line[i];
    }
  }
  return cells;
}

TEST(RenderMarkdown, EscapesEveryValueInEveryContext) {
  const std::string md = Render(ReportFormat::kMarkdown);
  EXPECT_THAT(md, Not(HasSubstr("<"))) << md;
  EXPECT_THAT(md, Not(HasSubstr(">"))) << md;
  EXPECT_THAT(md, Not(HasSubstr("\x1b"))) << md;
  EXPECT_THAT(md, Not(HasSubstr("\r"))) << md;
  EXPECT_THAT(md, Not(HasSubstr("`c`"))) << md;
  EXPECT_THAT(md, Not(HasSubstr("&amp;amp;x"))) << md;
  EXPECT_THAT(md, HasSubstr("&amp;amp;")) << md;  // the text "&amp;" as written
  // Every line is a heading, a table row, the claim list or a head line;
  // every row of a table has as many cells as its header.
  size_t columns = 0;
  for (const std::string& line : std::vector<std::string>(absl::StrSplit(md, '\n'))) {
    if (line.empty()) {
      columns = 0;
      continue;
    }
    if (line[0] == '|') {
      const std::vector<std::string> cells = Cells(line);
      ASSERT_FALSE(cells.empty()) << "not a row: " << line;
      if (columns == 0) columns = cells.size();
      EXPECT_EQ(cells.size(), columns) << "a value broke the table: " << line;
      continue;
    }
    EXPECT_EQ(columns, 0u) << "a value broke a table row: " << line;
    EXPECT_TRUE(line.rfind("# ", 0) == 0 || line.rfind("## ", 0) == 0 ||
                line.rfind("### ", 0) == 0 || line.rfind("Claims: ", 0) == 0 ||
                line.find(" mention") != std::string::npos)
        << "a value made a line of its own: " << line;
  }
}

TEST(RenderMarkdown, LinksEachClaimToItsHeading) {
  Mention m;
  m.set_claim_id("largest_trading_partner");
  m.set_text("china is vietnam's largest trading partner");
  const std::string md = RenderReport(BuildReport({m}), ReportFormat::kMarkdown, {});
  EXPECT_THAT(md, HasSubstr("[largest\\_trading\\_partner](#largest_trading_partner)"));
  EXPECT_THAT(md, HasSubstr("\n## largest\\_trading\\_partner\n"));
}

}  // namespace
}  // namespace refrain
