#include "engine/rules/rule_compiler.h"

#include <algorithm>
#include <cstring>
#include <set>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/rules/pattern.h"
#include "engine/text/normalizer.h"
#include "engine/util/fingerprint.h"
#include "engine/util/identifier.h"
#include "engine/util/proto_util.h"

namespace refrain {
namespace {

// Lexicon names: [A-Z][A-Z0-9_]*.
bool IsUpperIdentifier(absl::string_view s) {
  if (s.empty() || !absl::ascii_isupper(s[0])) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return absl::ascii_isupper(c) || absl::ascii_isdigit(c) || c == '_';
  });
}

std::string Fingerprint(const RuleSet& rule_set) {
  return FingerprintHex(SerializeDeterministic(rule_set));
}

}  // namespace

// Compiles one file at a time; keeps what must be unique across files.
class RuleCompiler {
 public:
  RuleCompiler(const CompileOptions& options, std::vector<Diagnostic>* out)
      : options_(options), out_(out) {
    rules_->fold_diacritics_ = options.fold_diacritics;
  }

  void Add(RuleFile file);

  std::unique_ptr<CompiledRules> Finish() { return std::move(rules_); }

 private:
  enum class LexiconState { kUnvisited, kInProgress, kDone, kBroken };
  struct LexiconEntry {
    int index = 0;  // in RuleSet.lexicon
    LexiconState state = LexiconState::kUnvisited;
    std::string regex;
  };

  void Report(Diagnostic::Severity severity, SourceLocation where,
              const std::string& claim_id, std::string message) {
    Diagnostic d;
    d.severity = severity;
    d.file = file_->path;
    d.line = where.line;
    d.column = where.column;
    d.claim_id = claim_id;
    d.message = std::move(message);
    out_->push_back(std::move(d));
  }
  void Error(SourceLocation where, const std::string& claim_id,
             std::string message) {
    Report(Diagnostic::Severity::kError, where, claim_id, std::move(message));
  }
  // Marks the diagnostic reported last as being of `kind`.
  void MarkLast(Diagnostic::Kind kind) { out_->back().kind = kind; }

  void CheckRuleSetName(const FieldLocator& root);
  void IndexLexicons(const FieldLocator& root);
  absl::StatusOr<const std::string*> ResolveLexicon(const std::string& name);
  void CompileLexicon(const std::string& name, LexiconEntry* entry);
  void CompileClaim(int index, CompiledRuleSet* rule_set);
  // Checks the id of claim `index` (present, well-formed, unique); returns
  // where to report the claim's own errors.
  SourceLocation CheckClaimId(int index);
  // Checks the examples and counterexamples of claim `index`: text present,
  // expected slots among `captures` (when `patterns_ok`), none expected of
  // a counterexample, and both kinds there.
  void CheckExamples(int index, const SourceLocation& claim_site,
                     const std::set<std::string>& captures, bool patterns_ok);
  // Translates and compiles `text`, the `index`-th value of `field`, and
  // appends it to `patterns` and its capture names to `captures`.
  // Returns false (after reporting why) when it does not compile.
  bool CompilePattern(const FieldLocator& at, const char* field, int index,
                      const std::string& claim_id, const std::string& text,
                      std::vector<CompiledClaim::Pattern>* patterns,
                      std::set<std::string>* captures);
  void ReportPatternErrors(const FieldLocator& at, const char* field,
                           int index, const std::string& claim_id,
                           const std::vector<PatternError>& errors);
  // `regex`, translated from `text`, compiled with `options`; null (after
  // reporting why, in terms of `text` where RE2 allows) when it does not
  // compile.
  std::unique_ptr<RE2> CompileRegex(const FieldLocator& at, const char* field,
                                    int index, const std::string& claim_id,
                                    const std::string& text, const std::string& regex,
                                    const RE2::Options& options);
  // Whether every match of `re` holds some text and, for patterns and
  // anchors, a word; reports why not.
  bool MatchesWords(const FieldLocator& at, const char* field, int index,
                    const std::string& claim_id, const RE2& re);

  const CompileOptions& options_;
  std::vector<Diagnostic>* out_;
  std::unique_ptr<CompiledRules> rules_ = std::make_unique<CompiledRules>();
  // Where each claim id was first defined, across files.
  absl::flat_hash_map<std::string, std::string> claim_sites_;

  // State of the file being compiled.
  const RuleFile* file_ = nullptr;
  absl::flat_hash_map<std::string, LexiconEntry> lexicons_;
  absl::flat_hash_set<std::string> used_lexicons_;
  std::vector<std::string> lexicon_stack_;  // for cycle messages
  FieldLocator root_;
};

void RuleCompiler::Add(RuleFile file) {
  auto owned = std::make_unique<RuleFile>(std::move(file));
  file_ = owned.get();
  root_ = RootLocator(*file_);
  lexicons_.clear();
  used_lexicons_.clear();
  const RuleSet& rules = file_->rule_set;

  CheckRuleSetName(root_);
  IndexLexicons(root_);
  for (int i = 0; i < rules.lexicon_size(); ++i) {
    auto it = lexicons_.find(rules.lexicon(i).name());
    if (it != lexicons_.end() && it->second.index == i &&
        it->second.state == LexiconState::kUnvisited) {
      CompileLexicon(it->first, &it->second);
    }
  }

  auto rule_set =
      std::make_unique<CompiledRuleSet>(std::move(owned), Fingerprint(rules));
  for (int i = 0; i < rules.claim_size(); ++i) {
    CompileClaim(i, rule_set.get());
  }

  for (int i = 0; i < rules.lexicon_size(); ++i) {
    const std::string& name = rules.lexicon(i).name();
    auto it = lexicons_.find(name);
    if (it != lexicons_.end() && it->second.index == i &&
        !used_lexicons_.contains(name)) {
      Report(Diagnostic::Severity::kWarning,
             root_.Nested("lexicon", i).Field("name"), "",
             absl::StrCat("lexicon {", name, "} is never used"));
    }
  }

  for (const CompiledClaim& claim : rule_set->claims()) {
    rules_->by_id_.emplace(claim.id(), &claim);
  }
  rules_->rule_sets_.push_back(std::move(rule_set));
}

void RuleCompiler::CheckRuleSetName(const FieldLocator& root) {
  const std::string& name = file_->rule_set.name();
  if (name.empty()) {
    Error({1, 1}, "", "rule set has no `name`; add e.g. name: \"my_rules\"");
  } else if (!IsLowerIdentifier(name)) {
    Error(root.Field("name"), "",
          absl::StrCat("rule set name '", name,
                       "' must be lower case letters, digits and '_', "
                       "starting with a letter"));
  }
}

void RuleCompiler::IndexLexicons(const FieldLocator& root) {
  const RuleSet& rules = file_->rule_set;
  for (int i = 0; i < rules.lexicon_size(); ++i) {
    const Lexicon& lexicon = rules.lexicon(i);
    FieldLocator at = root.Nested("lexicon", i);
    if (lexicon.name().empty()) {
      Error(root.Field("lexicon", i), "", "lexicon has no `name`");
      continue;
    }
    if (!IsUpperIdentifier(lexicon.name())) {
      Error(at.Field("name"), "",
            absl::StrCat("lexicon name '", lexicon.name(),
                         "' must be upper case letters, digits and '_', "
                         "starting with a letter"));
      continue;
    }
    auto [it, inserted] = lexicons_.try_emplace(lexicon.name());
    if (!inserted) {
      SourceLocation first =
          root.Nested("lexicon", it->second.index).Field("name");
      Error(at.Field("name"), "",
            absl::StrCat("lexicon {", lexicon.name(), "} is defined twice (first at ",
                         file_->path, ":", first.line, ":", first.column, ")"));
      continue;
    }
    it->second.index = i;
    if (lexicon.term_size() == 0) {
      Error(root.Field("lexicon", i), "",
            absl::StrCat("lexicon {", lexicon.name(), "} has no terms"));
      it->second.state = LexiconState::kBroken;
    }
  }
}

absl::StatusOr<const std::string*> RuleCompiler::ResolveLexicon(
    const std::string& name) {
  used_lexicons_.insert(name);
  auto it = lexicons_.find(name);
  if (it == lexicons_.end()) {
    std::string message = absl::StrCat("undefined lexicon {", name, "}");
    for (const auto& [defined, entry] : lexicons_) {
      if (absl::EqualsIgnoreCase(defined, name)) {
        absl::StrAppend(&message, "; did you mean {", defined, "}?");
      }
    }
    return absl::NotFoundError(message);
  }
  LexiconEntry& entry = it->second;
  switch (entry.state) {
    case LexiconState::kUnvisited:
      CompileLexicon(name, &entry);
      return entry.state == LexiconState::kDone ? &entry.regex : nullptr;
    case LexiconState::kInProgress: {
      auto from = std::find(lexicon_stack_.begin(), lexicon_stack_.end(), name);
      std::vector<std::string> cycle(from, lexicon_stack_.end());
      cycle.push_back(name);
      return absl::FailedPreconditionError(absl::StrCat(
          "lexicon {", name, "} refers to itself: ",
          absl::StrJoin(cycle, " -> ", [](std::string* out, const std::string& n) {
            absl::StrAppend(out, "{", n, "}");
          })));
    }
    case LexiconState::kDone:
      return &entry.regex;
    case LexiconState::kBroken:
      return nullptr;
  }
  return nullptr;
}

void RuleCompiler::CompileLexicon(const std::string& name, LexiconEntry* entry) {
  const Lexicon& lexicon = file_->rule_set.lexicon(entry->index);
  FieldLocator at = root_.Nested("lexicon", entry->index);
  entry->state = LexiconState::kInProgress;
  lexicon_stack_.push_back(name);

  bool ok = true;
  std::vector<std::string> terms;
  for (int t = 0; t < lexicon.term_size(); ++t) {
    std::vector<CompiledClaim::Pattern> compiled;
    std::set<std::string> captures;
    if (!CompilePattern(at, "term", t, "", lexicon.term(t), &compiled, &captures)) {
      ok = false;
      continue;
    }
    if (!captures.empty()) {
      Error(at.Field("term", t), "",
            absl::StrCat("lexicon {", name, "} term has a named capture '",
                         *captures.begin(),
                         "'; captures belong in patterns, around the {",
                         name, "} reference"));
      ok = false;
      continue;
    }
    terms.push_back(std::move(compiled[0].regex));
  }

  lexicon_stack_.pop_back();
  entry->state = ok ? LexiconState::kDone : LexiconState::kBroken;
  if (ok) entry->regex = absl::StrCat("(?:", absl::StrJoin(terms, "|"), ")");
}

void RuleCompiler::ReportPatternErrors(const FieldLocator& at, const char* field,
                                       int index, const std::string& claim_id,
                                       const std::vector<PatternError>& errors) {
  for (const PatternError& e : errors) {
    if (e.message.empty()) continue;  // reported where the lexicon is defined
    Error(at.InValue(field, index, e.offset), claim_id, e.message);
  }
}

std::unique_ptr<RE2> RuleCompiler::CompileRegex(const FieldLocator& at, const char* field,
                                              int index, const std::string& claim_id,
                                              const std::string& text,
                                              const std::string& regex,
                                              const RE2::Options& options) {
  auto re = std::make_unique<RE2>(regex, options);
  if (re->ok()) return re;
  if (re->error_code() == RE2::ErrorPatternTooLarge) {
    Error(at.Field(field, index), claim_id,
          absl::StrCat(field, " is too large: it needs more than RE2's "
                       "memory budget of ",
                       options_.max_pattern_memory,
                       " bytes; split it into several patterns or use "
                       "fewer repetitions"));
    MarkLast(Diagnostic::Kind::kPatternTooLarge);
    return nullptr;
  }
  // Prefer RE2's message about the text as the author wrote it.
  RE2 raw(text, options);
  const RE2& culprit = raw.ok() ? *re : raw;
  size_t offset = text.find(culprit.error_arg());
  Error(offset == std::string::npos || culprit.error_arg().empty()
            ? at.Field(field, index)
            : at.InValue(field, index, offset),
        claim_id, absl::StrCat("invalid RE2 ", field, ": ", culprit.error()));
  return nullptr;
}

bool RuleCompiler::MatchesWords(const FieldLocator& at, const char* field, int index,
                                const std::string& claim_id, const RE2& re) {
  // A hit must cover some text; probe for an empty match in a few contexts.
  for (const char* probe : {"", " ", "a", "a b"}) {
    re2::StringPiece m;
    re2::StringPiece p(probe);
    if (re.Match(p, 0, p.size(), RE2::UNANCHORED, &m, 1) && m.empty()) {
      Error(at.Field(field, index), claim_id,
            absl::StrCat(field,
                         " can match the empty string; make sure some part "
                         "of it is not optional (look for `?`, `*` or an "
                         "empty alternative)"));
      return false;
    }
  }

  // A hit must hold a word: a gap or joiner alone matches punctuation.
  if (std::strcmp(field, "pattern") == 0 || std::strcmp(field, "anchor") == 0) {
    re2::StringPiece m;
    const re2::StringPiece p(" , ; : - . ( ) ' \" ! ? / + & ");
    if (re.Match(p, 0, p.size(), RE2::UNANCHORED, &m, 1)) {
      Error(at.Field(field, index), claim_id,
            absl::StrCat(field, " can match punctuation and spaces alone ('",
                         std::string(m), "'); a gap or joiner needs words "
                         "on both sides"));
      return false;
    }
  }
  return true;
}

bool RuleCompiler::CompilePattern(const FieldLocator& at, const char* field,
                                  int index, const std::string& claim_id,
                                  const std::string& text,
                                  std::vector<CompiledClaim::Pattern>* patterns,
                                  std::set<std::string>* captures) {
  if (text.empty() || absl::StripAsciiWhitespace(text).empty()) {
    Error(at.Field(field, index), claim_id, absl::StrCat("empty ", field));
    return false;
  }
  std::vector<PatternError> errors;
  TranslatedPattern translated = TranslatePattern(
      text, [this](const std::string& name) { return ResolveLexicon(name); },
      &errors);
  if (!errors.empty()) {
    ReportPatternErrors(at, field, index, claim_id, errors);
    return false;
  }

  if (options_.fold_diacritics) {
    translated.regex = FoldDiacritics(translated.regex);
    translated.shortest = FoldDiacritics(translated.shortest);
    for (std::string& segment : translated.prefilter) {
      segment = FoldDiacritics(segment);
    }
  }
  RE2::Options re2_options;
  re2_options.set_case_sensitive(false);
  re2_options.set_longest_match(true);
  re2_options.set_log_errors(false);
  re2_options.set_max_mem(options_.max_pattern_memory);
  std::unique_ptr<RE2> re =
      CompileRegex(at, field, index, claim_id, text, translated.regex, re2_options);
  if (re == nullptr || !MatchesWords(at, field, index, claim_id, *re)) return false;

  captures->insert(translated.captures.begin(), translated.captures.end());
  std::vector<std::pair<std::string, int>> slots;
  for (const auto& [name, group] : re->NamedCapturingGroups()) {
    slots.emplace_back(SlotName(name), group);
  }
  std::unique_ptr<const LazyRegex> shortest;
  if (translated.has_gaps) {
    // Same groups as `re` (only the gaps' repetitions differ), so `slots`
    // serves both. If it does not compile, hits keep the longest match.
    re2_options.set_longest_match(false);
    shortest = std::make_unique<LazyRegex>(std::move(translated.shortest), re2_options);
  }
  patterns->push_back({std::move(translated.regex), std::move(re),
                       std::move(slots), std::move(shortest),
                       std::move(translated.prefilter)});
  return true;
}

SourceLocation RuleCompiler::CheckClaimId(int index) {
  const std::string& id = file_->rule_set.claim(index).id();
  SourceLocation claim_site = root_.Nested("claim", index).Field("id");
  if (id.empty()) {
    claim_site = root_.Field("claim", index);
    Error(claim_site, "", "claim has no `id`");
  } else if (!IsLowerIdentifier(id)) {
    Error(claim_site, id,
          "claim id must be lower case letters, digits and '_', starting "
          "with a letter");
  } else {
    std::string site =
        absl::StrCat(file_->path, ":", claim_site.line, ":", claim_site.column);
    auto [it, inserted] = claim_sites_.try_emplace(id, site);
    if (!inserted) {
      Error(claim_site, id,
            absl::StrCat("duplicate claim id (first defined at ", it->second, ")"));
    }
  }
  return claim_site;
}

void RuleCompiler::CheckExamples(int index, const SourceLocation& claim_site,
                                 const std::set<std::string>& captures,
                                 bool patterns_ok) {
  const Claim& claim = file_->rule_set.claim(index);
  const FieldLocator at = root_.Nested("claim", index);
  const std::string& id = claim.id();
  for (int i = 0; i < claim.example_size(); ++i) {
    const Example& example = claim.example(i);
    if (example.text().empty()) {
      Error(at.Field("example", i), id, "example has no `text`");
    }
    for (const auto& [slot, value] : example.slot()) {
      if (!captures.count(slot) && patterns_ok) {
        Error(at.Field("example", i), id,
              absl::StrCat("example expects slot '", slot,
                           "', but no pattern captures it (captures: ",
                           captures.empty() ? "none" : absl::StrJoin(captures, ", "),
                           ")"));
      }
    }
  }
  for (int i = 0; i < claim.counterexample_size(); ++i) {
    const Example& example = claim.counterexample(i);
    if (example.text().empty()) {
      Error(at.Field("counterexample", i), id, "counterexample has no `text`");
    }
    if (!example.slot().empty()) {
      Error(at.Field("counterexample", i), id,
            "counterexample cannot expect slots: it must not match at all");
    }
  }
  if (claim.example_size() == 0 || claim.counterexample_size() == 0) {
    Report(Diagnostic::Severity::kWarning, claim_site, id,
           "claim needs both `example` and `counterexample` sentences");
    MarkLast(Diagnostic::Kind::kUntestedClaim);
  }
}

void RuleCompiler::CompileClaim(int index, CompiledRuleSet* rule_set) {
  const Claim& claim = file_->rule_set.claim(index);
  const FieldLocator at = root_.Nested("claim", index);
  const std::string& id = claim.id();
  const SourceLocation claim_site = CheckClaimId(index);

  bool ok = true;
  CompiledClaim::Patterns patterns;
  std::set<std::string> captures;
  if (claim.pattern_size() == 0) {
    Error(claim_site, id, "claim has no `pattern`");
    ok = false;
  }
  for (int i = 0; i < claim.pattern_size(); ++i) {
    ok &= CompilePattern(at, "pattern", i, id, claim.pattern(i),
                         &patterns.pattern, &captures);
  }
  std::set<std::string> ignored;  // captures of the other kinds
  for (auto [field, values, compiled] :
       {std::make_tuple("exclude", &claim.exclude(), &patterns.exclude),
        std::make_tuple("exclude_overlap", &claim.exclude_overlap(),
                        &patterns.exclude_overlap),
        std::make_tuple("require", &claim.require(), &patterns.require),
        std::make_tuple("anchor", &claim.anchor(), &patterns.anchor)}) {
    for (int i = 0; i < values->size(); ++i) {
      ok &= CompilePattern(at, field, i, id, values->Get(i), compiled, &ignored);
    }
  }
  CheckExamples(index, claim_site, captures, ok);

  if (ok && !id.empty()) {
    rule_set->claims_.emplace_back(&claim, index, std::move(patterns));
  }
}

// InvalidArgument counting the errors in `diagnostics` from `first` on, or OK.
absl::Status ErrorsSince(const std::vector<Diagnostic>& diagnostics,
                         size_t first) {
  std::vector<Diagnostic> mine(diagnostics.begin() + first, diagnostics.end());
  const int errors = CountErrors(mine);
  if (errors == 0) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      errors, errors == 1 ? " error" : " errors", " in rule files"));
}

absl::StatusOr<std::unique_ptr<const CompiledRules>> CompileRules(
    std::vector<RuleFile> files, const CompileOptions& options,
    std::vector<Diagnostic>* diagnostics) {
  const size_t first = diagnostics->size();
  RuleCompiler compiler(options, diagnostics);
  for (RuleFile& file : files) compiler.Add(std::move(file));
  absl::Status status = ErrorsSince(*diagnostics, first);
  if (!status.ok()) return status;
  return std::unique_ptr<const CompiledRules>(compiler.Finish());
}

absl::StatusOr<std::unique_ptr<const CompiledRules>> LoadRules(
    const std::vector<std::string>& paths, const CompileOptions& options,
    std::vector<Diagnostic>* diagnostics) {
  absl::StatusOr<std::vector<std::string>> listed = ListRuleFiles(paths);
  if (!listed.ok()) return listed.status();
  const size_t first = diagnostics->size();
  std::vector<RuleFile> files;
  for (const std::string& path : *listed) {
    absl::StatusOr<RuleFile> file = LoadRuleFile(path, diagnostics);
    if (file.ok()) {
      files.push_back(std::move(*file));
    } else if (!absl::IsInvalidArgument(file.status())) {
      return file.status();  // unreadable; syntax errors are diagnostics
    }
  }
  absl::StatusOr<std::unique_ptr<const CompiledRules>> rules =
      CompileRules(std::move(files), options, diagnostics);
  SortDiagnostics(diagnostics->begin() + first, diagnostics->end());
  absl::Status status = ErrorsSince(*diagnostics, first);
  if (!status.ok()) return status;
  return rules;
}

}  // namespace refrain
