#include "tools/bench/generated_rules.h"

#include <random>
#include <vector>

#include "absl/strings/str_cat.h"

namespace refrain {
namespace {

// Pronounceable made-up words.
std::string Word(std::mt19937_64& r) {
  static const char* const kOnsets[] = {"b", "d", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z"};
  static const char* const kVowels[] = {"a", "e", "i", "o", "u"};
  std::string w;
  const int syllables = 2 + static_cast<int>(r() % 2);
  for (int i = 0; i < syllables; ++i) {
    w += kOnsets[r() % 12];
    w += kVowels[r() % 5];
  }
  return w;
}

struct Words {
  std::string a, b, c, d;
};

std::vector<Words> AllWords(int claims) {
  std::mt19937_64 r(42);
  std::vector<Words> words;
  for (int i = 0; i < claims; ++i) {
    Words w;
    w.a = Word(r);
    w.b = Word(r);
    w.c = Word(r);
    w.d = Word(r);
    words.push_back(w);
  }
  return words;
}

}  // namespace

std::string GeneratedRules(int claims) {
  std::string out = absl::StrCat(
      "# Generated for benchmarks: ", claims, " claims.\nname: \"generated\"\n",
      "lexicon { name: \"ACTOR\" term: \"(?:the )?(?:city council|central bank|"
      "health ministry|football club|weather service)\" term: \"officials\" }\n",
      "lexicon { name: \"VERB\" term: \"approved|announced|postponed|welcomed|"
      "reviewed|criticised\" }\n",
      "lexicon { name: \"PLACE\" term: \"Hanoi|Beijing|the highlands|the delta\" }\n");
  const std::vector<Words> words = AllWords(claims);
  for (int i = 0; i < claims; ++i) {
    const Words& w = words[i];
    absl::StrAppend(
        &out, "claim {\n  id: \"generated_", i, "\"\n",
        "  pattern: \"(?P<who>{ACTOR}) (?P<verb>{VERB}) (?:a |an |the )?(?P<what>", w.a, " ",
        w.b, "s?)\"\n", "  pattern: \"(?P<what>", w.c, "(?:-| )", w.a,
        ") (?:of|for|in) (?P<place>{PLACE})\"\n", "  exclude: \"", w.d, " ", w.b, "\"\n",
        "  example { text: \"", GeneratedExample(claims, i), "\" }\n",
        "  counterexample { text: \"The city council approved a ", w.b, ".\" }\n}\n");
  }
  return out;
}

std::string GeneratedExample(int claims, int i) {
  const Words w = AllWords(claims)[i];
  return absl::StrCat("The city council approved a ", w.a, " ", w.b, ".");
}

}  // namespace refrain
