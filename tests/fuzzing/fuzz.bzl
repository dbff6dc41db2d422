"""refrain_fuzz_target: a libFuzzer target and its regression test.

`bazel build --config=fuzz //tests/fuzzing:NAME` links libFuzzer (clang,
ASan, UBSan); see tools/fuzz.sh. In every other build NAME links
fuzz_driver.cc instead, and NAME_regression_test runs it over the seed
corpus as an ordinary test.
"""

def refrain_fuzz_target(name, srcs, deps, corpus, data = []):
    native.cc_binary(
        name = name,
        srcs = srcs + ["fuzz_check.h"],
        linkopts = select({
            ":fuzzing": ["-fsanitize=fuzzer"],
            "//conditions:default": [],
        }),
        data = data,
        deps = deps + select({
            ":fuzzing": [],
            "//conditions:default": [":fuzz_driver"],
        }),
    )
    native.sh_test(
        name = name + "_regression_test",
        size = "small",
        srcs = ["run_corpus.sh"],
        args = ["$(rootpath :%s)" % name] + ["$(rootpaths %s)" % c for c in corpus],
        data = [":" + name] + corpus + data,
    )
