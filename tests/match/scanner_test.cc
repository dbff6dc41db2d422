// Tests of engine/match/scanner.h.
#include "engine/match/scanner.h"

#include <filesystem>

#include "engine/rules/rule_compiler.h"
#include "engine/text/document_reader.h"
#include "engine/text/sentence_splitter.h"
#include "engine/text/utf8.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/testing.h"

namespace refrain {
namespace {

using ::refrain::testing::ScannerFor;
using ::testing::ElementsAre;

std::vector<std::string> Describe(const std::vector<Mention>& mentions) {
  std::vector<std::string> out;
  for (const Mention& m : mentions) {
    out.push_back(m.claim_id() + "@" + std::to_string(m.begin()) + ":" + m.text());
  }
  return out;
}

TEST(Scanner, FindsBothDirectionsAndTwoClaimsInOneSentence) {
  auto scanner = ScannerFor(testing::kSmallRules);
  Document doc;
  doc.set_id("d1");
  doc.set_source("Lotus Wire");
  doc.set_date("2024-10");
  doc.set_text("Intro. China is Vietnam's largest partner, and as comrades and brothers, "
               "Vietnam is China's largest partner.\nOther text.");
  std::vector<Mention> mentions;
  scanner->Scan(doc, &mentions);
  EXPECT_THAT(Describe(mentions),
              ElementsAre("partner@7:China is Vietnam's largest partner",
                          "comrades@50:comrades and brothers",
                          "partner@73:Vietnam is China's largest partner"));
  ASSERT_EQ(mentions.size(), 3u);
  const Mention& m = mentions[0];
  EXPECT_EQ(m.doc_id(), "d1");
  EXPECT_EQ(m.source(), "Lotus Wire");
  EXPECT_EQ(m.date(), "2024-10");
  EXPECT_EQ(m.sentence_begin(), 7u);
  EXPECT_EQ(m.sentence(), doc.text().substr(7, doc.text().find('\n') - 7));
  EXPECT_EQ(m.slots().at("a"), "China");
  EXPECT_EQ(m.rule_set(), "t");
  EXPECT_EQ(m.rule_set_fingerprint(),
            scanner->rules().rule_sets()[0]->fingerprint());
}

TEST(Scanner, CountsHitsBeyondTheMentionLimitsInsteadOfRecordingThem) {
  ScanOptions options;
  options.max_mentions_per_sentence = 3;
  options.max_mentions_per_document = 5;
  auto scanner = ScannerFor(testing::kSmallRules, options);
  std::string sentence;
  for (int i = 0; i < 4; ++i) sentence += "China is Vietnam's largest partner, ";
  Document doc;
  doc.set_text(sentence + ". " + sentence + ". " + sentence + ".");
  std::vector<Mention> mentions;
  // 4 hits in each of 3 sentences: 3 + 2 recorded (the document's limit),
  // the other 7 counted.
  EXPECT_EQ(scanner->Scan(doc, &mentions), 7u);
  ASSERT_EQ(mentions.size(), 5u);
  EXPECT_EQ(mentions[0].begin(), 0u);
  EXPECT_EQ(mentions[3].begin(), sentence.size() + 2);
  for (size_t i = 1; i < mentions.size(); ++i) {
    EXPECT_LT(mentions[i - 1].begin(), mentions[i].begin());
  }
}

TEST(Scanner, KeepsAWindowOfALongSentenceAroundTheHit) {
  auto scanner = ScannerFor(testing::kSmallRules);
  std::string before, after = " ";
  for (int i = 0; i < 1500; ++i) before += "\u00E9";  // two bytes each
  for (int i = 0; i < 1500; ++i) after += "\u00E9";
  Document doc;
  // Both edges of the window fall inside an "é": the cut is moved outwards
  // to a character boundary.
  doc.set_text(before + " China is Vietnam's largest partner" + after + ".");
  std::vector<Mention> mentions;
  EXPECT_EQ(scanner->Scan(doc, &mentions), 0u);
  ASSERT_EQ(mentions.size(), 1u);
  const Mention& m = mentions[0];
  EXPECT_EQ(m.begin(), before.size() + 1);
  EXPECT_EQ(m.sentence_begin(), m.begin() - kContextBytes - 1);
  EXPECT_EQ(m.sentence().size(), m.text().size() + 2 * kContextBytes + 2);
  // The record's invariant: the sentence is the document's bytes there.
  EXPECT_EQ(m.sentence(), doc.text().substr(m.sentence_begin(), m.sentence().size()));
  EXPECT_EQ(FindInvalidUtf8(m.sentence()), absl::string_view::npos);
}

TEST(Scanner, SkipsDebrisLinesAndDocumentsWithoutCandidates) {
  auto scanner = ScannerFor(testing::kSmallRules);
  Document doc;
  doc.set_text("READ MORE: China is Vietnam's largest partner\nNothing here.");
  std::vector<Mention> mentions;
  scanner->Scan(doc, &mentions);
  EXPECT_TRUE(mentions.empty());
  doc.set_text("Entirely unrelated prose about weather.");
  scanner->Scan(doc, &mentions);
  EXPECT_TRUE(mentions.empty());
}

TEST(Scanner, MatchesDecomposedAndFoldedTextButRecordsTheOriginalBytes) {
  const std::string rules_text =
      "name: \"t\" claim { id: \"c\" pattern: \"(?P<who>Vi\u1EC7t Nam)'s partner\" }";
  Document doc;
  // "Việt" written with combining marks (NFD), as some sources do.
  doc.set_text("Ties: Vie\u0323\u0302t Nam's partner. Viet Nam's partner.");
  std::vector<Mention> mentions;
  ScannerFor(rules_text)->Scan(doc, &mentions);
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].text(), "Vie\u0323\u0302t Nam's partner");
  EXPECT_EQ(mentions[0].slots().at("who"), "Vie\u0323\u0302t Nam");
  EXPECT_EQ(mentions[0].begin(), 6u);

  // The same rules compiled to fold diacritics find the plain spelling too.
  std::vector<RuleFile> files;
  std::vector<Diagnostic> diagnostics;
  files.push_back(*ParseRuleFile("t.textproto", rules_text, &diagnostics));
  CompileOptions fold;
  fold.fold_diacritics = true;
  auto rules = CompileRules(std::move(files), fold, &diagnostics);
  ASSERT_TRUE(rules.ok());
  auto scanner = Scanner::Create(std::shared_ptr<const CompiledRules>(std::move(*rules)));
  mentions.clear();
  (*scanner)->Scan(doc, &mentions);
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[1].text(), "Viet Nam's partner");
  for (const Mention& m : mentions) {
    EXPECT_EQ(m.text(), doc.text().substr(m.begin(), m.end() - m.begin()));
    EXPECT_EQ(m.sentence(), doc.text().substr(m.sentence_begin(), m.sentence().size()));
  }
}

// The project's own corpus, and the sample articles of ../shared when it
// is there (under CI it must be).
std::vector<Document> SampleCorpus() {
  std::vector<Document> docs = testing::ProjectCorpus();
  if (!testing::SharedDir()) {
    EXPECT_FALSE(testing::UnderCi()) << "REFRAIN_SHARED is not set under CI";
    return docs;
  }
  for (Document& doc : testing::ReadArticles(*testing::SharedDir() + "/corpus/seeds")) {
    docs.push_back(std::move(doc));
  }
  return docs;
}

std::shared_ptr<const CompiledRules> ShippedRules() {
  std::vector<Diagnostic> diagnostics;
  auto rules = LoadRules({"rules"}, CompileOptions(), &diagnostics);
  EXPECT_TRUE(rules.ok()) << rules.status();
  return std::move(*rules);
}

TEST(Scanner, OffsetsPointIntoTheOriginalTextOfEverySampleArticle) {
  auto scanner = Scanner::Create(ShippedRules());
  ASSERT_TRUE(scanner.ok());
  int checked = 0;
  for (const Document& doc : SampleCorpus()) {
    std::vector<Mention> mentions;
    (*scanner)->Scan(doc, &mentions);
    for (const Mention& m : mentions) {
      ASSERT_LT(m.begin(), m.end());
      ASSERT_LE(m.end(), doc.text().size());
      EXPECT_EQ(m.text(), doc.text().substr(m.begin(), m.end() - m.begin()));
      EXPECT_EQ(m.sentence(), doc.text().substr(m.sentence_begin(), m.sentence().size()));
      EXPECT_GE(m.begin(), m.sentence_begin());
      EXPECT_LE(m.end(), m.sentence_begin() + m.sentence().size());
      ++checked;
    }
  }
  // The project corpus alone has 24 mentions (the seeds add more than 40),
  // several over text that normalisation changes (NFD "Việt Nam").
  EXPECT_GT(checked, testing::SharedDir() ? 60 : 20);
}

// Neither prefilter (the set of full patterns used for small rule sets, the
// literal prefilter used for large ones) may lose a hit: compare each with
// matching every claim against every sentence (normalised alone, as the
// scanner normalises the document).
TEST(Scanner, PrefiltersFindWhatMatchingEveryClaimFinds) {
  std::shared_ptr<const CompiledRules> rules = ShippedRules();
  ScanOptions literal_only;
  literal_only.max_exact_patterns = 0;
  for (const ScanOptions& options : {ScanOptions(), literal_only}) {
    auto scanner = Scanner::Create(rules, options);
    ASSERT_TRUE(scanner.ok());
    for (const Document& doc : SampleCorpus()) {
      std::vector<Mention> mentions;
      (*scanner)->Scan(doc, &mentions);
      std::multiset<std::string> fast, slow;
      for (const Mention& m : mentions) fast.insert(m.claim_id() + "@" + std::to_string(m.begin()));
      for (const Sentence& s : SplitSentences(doc.text())) {
        if (s.debris) continue;
        absl::string_view sentence(doc.text().data() + s.begin, s.end - s.begin);
        for (const auto& rule_set : rules->rule_sets()) {
          for (const CompiledClaim& claim : rule_set->claims()) {
            std::vector<ClaimMatch> hits;
            rules->MatchNormalized(claim, sentence, &hits);
            for (const ClaimMatch& h : hits) {
              slow.insert(claim.id() + "@" + std::to_string(s.begin + h.begin));
            }
          }
        }
      }
      EXPECT_EQ(fast, slow) << doc.id() << " max_exact_patterns=" << options.max_exact_patterns;
    }
  }
}

}  // namespace
}  // namespace refrain
