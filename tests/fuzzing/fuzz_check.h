// FUZZ_CHECK: an invariant of a fuzz target. Aborts (a finding) when false,
// in fuzzing builds and in the regression runs alike.
#ifndef REFRAIN_TESTS_FUZZING_FUZZ_CHECK_H_
#define REFRAIN_TESTS_FUZZING_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                                  \
  do {                                                                         \
    if (!(condition)) {                                                        \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, \
                   #condition);                                                \
      std::abort();                                                            \
    }                                                                          \
  } while (0)

#endif  // REFRAIN_TESTS_FUZZING_FUZZ_CHECK_H_
