#!/usr/bin/env bash
# Runs a fuzz target (built with fuzz_driver.cc) over its seed corpus.
# Usage: run_corpus.sh TARGET INPUT...
exec "$@"
