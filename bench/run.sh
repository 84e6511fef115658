#!/usr/bin/env bash
# The benchmark of issue 4 in one command: builds Release, starts a fresh S3 emulator and the API, runs every
# workload and prints the table (Markdown) on stdout; progress goes to stderr. About 10-15 minutes on 2 cores.
# Options go to the benchmark, e.g. `bench/run.sh --quick` for a one-minute smoke run; `--help` lists them.
set -euo pipefail
cd "$(dirname "$0")/.."

# The AppHost's build installs the emulator (fauxqs) and the Node 24 it runs on with npm.
if ! command -v npm >/dev/null 2>&1; then
  echo "npm is needed to install the S3 emulator: install Node.js and npm (e.g. apt-get install npm)." >&2
  exit 2
fi

dotnet build bench/CloudPocket.Benchmarks/CloudPocket.Benchmarks.csproj -c Release --nologo -v quiet -clp:ErrorsOnly >&2
exec dotnet bench/CloudPocket.Benchmarks/bin/Release/net10.0/CloudPocket.Benchmarks.dll "$@"
