#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang, ASan and UBSan, and runs each one for a while on a copy
# of its committed seed corpus. Exits non-zero on the first crash, leak, timeout or trap, and prints the input.
#   tools/fuzz.sh              every target, LA_FUZZ_SECONDS (default 30) each
#   tools/fuzz.sh gltf tour    only these
# Build dir: build-fuzz/ (LA_FUZZ_BUILD_DIR overrides).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${LA_FUZZ_SECONDS:-30}
BUILD_DIR=${LA_FUZZ_BUILD_DIR:-build-fuzz}
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(gltf assimp structure pain tour settings wire)

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DLA_BUILD_FUZZ=ON -DLA_BUILD_TESTS=OFF -DLA_BUILD_BENCH=OFF -DLA_BUILD_MODELGEN=OFF "${launcher[@]}" >/dev/null
cmake --build "$BUILD_DIR" -j"$(nproc)" --target "${TARGETS[@]/#/fuzz_}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Allocations beyond 2 GB fail (and become a one-line error) instead of being reported as a crash; the
# importer's child has no address-space limit under ASan.
export ASAN_OPTIONS=${ASAN_OPTIONS:-allocator_may_return_null=1:max_allocation_size_mb=2048:detect_leaks=1}
for t in "${TARGETS[@]}"; do
  mkdir -p "$work/$t"
  echo "fuzz_$t: ${SECONDS_EACH} s"
  if ! "$BUILD_DIR/tests/fuzz/fuzz_$t" -max_total_time="$SECONDS_EACH" -timeout=15 -rss_limit_mb=3072 \
      -max_len=65536 -artifact_prefix="$work/$t-" -print_final_stats=1 "$work/$t" "tests/fuzz/corpus/$t" \
      >"$work/$t.log" 2>&1; then
    tail -n 40 "$work/$t.log"
    for a in "$work/$t"-*; do [ -e "$a" ] && { echo "input: $a"; od -A x -t x1z "$a" | head -n 20; }; done
    echo "fuzz_$t FAILED" >&2
    exit 1
  fi
  grep -E "stat::number_of_executed_units|stat::new_units_added" "$work/$t.log" | sed "s/^/  /"
done
