#!/usr/bin/env bash
# The benchmark of issue 4 in one command: builds Release, starts a fresh S3 emulator and the API, runs every
# workload and prints the table (Markdown) on stdout; progress goes to stderr. About 30 minutes on 2 cores, most of it
# the index at a million files (seeding the emulator, its listing, deleting its data folder).
# Options go to the benchmark, e.g. `bench/run.sh --quick` for a smoke run of a few minutes, `--only index,replicas`
# for some workloads; `--help` lists them.
set -euo pipefail
cd "$(dirname "$0")/.."

# The benchmark starts the emulator (fauxqs) itself, from CloudPocket.AppHost's node_modules on the Node 24 npm puts
# there: install them as the AppHost's build does, when missing or older than the lock file. npm's output goes to stderr.
apphost=CloudPocket.AppHost
if [[ ! -e $apphost/node_modules/.package-lock.json || $apphost/package-lock.json -nt $apphost/node_modules/.package-lock.json ]]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "npm is needed to install the S3 emulator: install Node.js and npm (e.g. apt-get install npm)." >&2
    exit 2
  fi
  (cd "$apphost" && npm ci --no-audit --no-fund --loglevel=error) >&2
  # npm may leave its hidden lock file untouched: mark the install as done, as the AppHost's build does.
  touch "$apphost/node_modules/.package-lock.json"
fi

dotnet build bench/CloudPocket.Benchmarks/CloudPocket.Benchmarks.csproj -c Release --nologo -v quiet -clp:ErrorsOnly >&2
exec dotnet bench/CloudPocket.Benchmarks/bin/Release/net10.0/CloudPocket.Benchmarks.dll "$@"
