#!/usr/bin/env bash
# The A/B variants of bench/README.md ("Speed mechanisms"): each is this checkout with ONE speed
# mechanism taken out by the smallest edit that switches it off, built in its own git worktree
# next to it, node_modules shared. Compare one with `npm run bench -- --ab <worktree>`.
#
#   bash bench/variants.sh <dir> [name...]     (default: every variant)
#
# The edits are sed expressions on the lines that switch each mechanism on; a line that is no
# longer there makes the script fail loudly rather than build a variant identical to A.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:?usage: bash bench/variants.sh <dir> [name...]}
shift
names=("$@")

declare -A file edit
file[no-fonts-cache]=src/fonts/subset.ts
edit[no-fonts-cache]='s/if (!cache) return subsetFaces(text, characters, format, faces);/if (!cache || Number.isNaN(Number.NaN)) return subsetFaces(text, characters, format, faces);/'
file[no-charts-cache]=src/charts/render.ts
edit[no-charts-cache]="s/const cached = await cache?.read('charts', key);/const cached = false ? await cache?.read('charts', key) : undefined;/"
file[no-pdf-rewrite]=src/pdf/finalize.ts
edit[no-pdf-rewrite]='s/const rewritten = rewriteChromiumPdf(pdf, written);/const rewritten = rewriteChromiumPdf(new Uint8Array(0), written);/'
file[no-runtime-reuse]=src/charts/engine.ts
edit[no-runtime-reuse]='s/parsed.set(key, runtime);/void key;/'
file[no-page-reuse]=src/pdf/print.ts
edit[no-page-reuse]='s/if (healthy) releasePage(browser, locked);/if (healthy) await page.close().catch(() => {});/'
file[no-font-keeping-swap]=src/pdf/pages.ts
edit[no-font-keeping-swap]='s/if (fonts \&\& locked.fonts === fonts.hash) {/if (fonts \&\& locked.fonts === fonts.hash \&\& Number.NaN > 0) {/'

[ ${#names[@]} -gt 0 ] || names=("${!file[@]}")
mkdir -p "$dir"
for name in "${names[@]}"; do
  target="$dir/$name"
  [ -n "${file[$name]:-}" ] || { echo "variants: no variant $name" >&2; exit 2; }
  rm -rf "$target"
  git -C "$root" worktree prune
  git -C "$root" worktree add -q --detach "$target" HEAD
  # The working tree's uncommitted changes too: A is what is checked out, not only what is committed.
  (cd "$root" && git diff HEAD) | (cd "$target" && git apply --allow-empty)
  before=$(sha256sum "$target/${file[$name]}")
  sed -i "${edit[$name]}" "$target/${file[$name]}"
  [ "$before" != "$(sha256sum "$target/${file[$name]}")" ] ||
    { echo "variants: $name: the line to edit is not in ${file[$name]}" >&2; exit 1; }
  ln -s "$root/node_modules" "$target/node_modules"
  (cd "$target" && npx tsc -p tsconfig.build.json)
  echo "$target"
done
