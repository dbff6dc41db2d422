// Generated rule sets for benchmarks: N claims in the shipped rule
// language, with lexicons, captures, an exclusion and examples.
#ifndef REFRAIN_TOOLS_BENCH_GENERATED_RULES_H_
#define REFRAIN_TOOLS_BENCH_GENERATED_RULES_H_

#include <string>

namespace refrain {

// A rule file (text format) of `claims` claims; deterministic. Claim i
// matches e.g. "The city council approved a <word> <word>" with made-up
// words, so generated claims rarely match ordinary prose by accident.
std::string GeneratedRules(int claims);

// A sentence that claim `i` of GeneratedRules(n), n > i, matches.
std::string GeneratedExample(int claims, int i);

}  // namespace refrain

#endif  // REFRAIN_TOOLS_BENCH_GENERATED_RULES_H_
