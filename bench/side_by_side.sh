#!/usr/bin/env bash
# The README's "Measured on this project's machine" figures: PyTorch's kernels, then Tensorlane's JMH benchmarks
# (kernels, peers, the MLP), then PyTorch's kernels again, all on one thread, into OUT (default ./side-by-side).
#   bench/side_by_side.sh [OUT]                                            JDK 17 (java on the PATH)
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/side_by_side.sh out25   another JDK
# Then bench/jmh_medians.py OUT/*.json. Needs python3-torch and libopenblas0-pthread (Debian). About 15 minutes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "${1:-side-by-side}" && cd "${1:-side-by-side}" && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
mvn -q -B -f "$root/pom.xml" install -DskipTests
mvn -q -B -f "$root/jmh/pom.xml" package
jmh() { OPENBLAS_NUM_THREADS=1 "$java" --add-modules jdk.incubator.vector -jar "$root/jmh/target/benchmarks.jar" "$@" \
        -f 1 -wi 3 -i 7 -w 1 -r 1; }
/usr/bin/python3 "$root/bench/pytorch_kernels.py" > "$out/pytorch-kernels-before.txt"
jmh 'ElementwiseBenchmark.(exp|sigmoid|exp_jdkLanewise)$' -p backend=vector -p size=100000 -rf json -rff "$out/exp-sigmoid.json"
jmh 'ElementwiseBenchmark.(relu|reluInPlace|copy_memoryReference)$' -p backend=vector -p size=10000000 -rf json -rff "$out/relu.json"
if command -v gcc > /dev/null; then   # the machine's memory speed for the same in-place relu, as C compiles it
    gcc -O3 -march=native -o "$out/relu_memory_speed" "$root/bench/relu_memory_speed.c"
    "$out/relu_memory_speed" > "$out/relu-memory-speed.txt"
fi
jmh SoftmaxBenchmark -p backend=vector -p matrix=4096x10,1024x1000 -rf json -rff "$out/softmax.json"
jmh PeersBenchmark -p impl=tensorlane,netlib-native -p problem=linear:64x784x128,linear:64x784x256,linear:64x128x64,linear:64x64x10,linear:1x784x128,gemm:1024 -rf json -rff "$out/peers.json"
jmh MlpBenchmark -p model=mlp -rf json -rff "$out/mlp.json"
/usr/bin/python3 "$root/bench/pytorch_kernels.py" > "$out/pytorch-kernels-after.txt"
echo "results in $out"
