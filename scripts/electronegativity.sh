#!/usr/bin/env bash
# Electron security lint (Doyensec Electronegativity 1.10.3) over electron/:
# fails on any finding of MEDIUM severity or above (the tool itself always
# exits 0). Fetched with npx on purpose: it pulls eslint 7 and TypeScript 4,
# which must not enter our devDependencies (docs/TOOLCHAIN.md). About 10-30 s.
# Findings reviewed by hand are marked in the source with
# `// eng-disable <CHECK>` next to the reason.
#
# The scan goes through the package's API rather than its `-o x.csv`: that
# writer races with itself and sometimes loses findings (see
# electronegativity-scan.cjs). The CSV is kept for reading at
# $ELECTRONEGATIVITY_CSV, or in a temporary file.
set -euo pipefail
cd "$(dirname "$0")/.."
input="${1:-electron}"
csv="${ELECTRONEGATIVITY_CSV:-$(mktemp -d)/electronegativity.csv}"
log="$(mktemp)"
if ! npx -y -p @doyensec/electronegativity@1.10.3 -c "node scripts/electronegativity-scan.cjs '$input' '$csv'" >"$log" 2>&1; then
  cat "$log" >&2
  echo "electronegativity: the scan did not run (could npx fetch @doyensec/electronegativity?)" >&2
  exit 1
fi
# Its offline chatter ("No connectivity?", translations) is harmless here.
grep -v -e 'No connectivity' -e 'retrieve updated translations' -e "Fetching Electron's new releases" "$log" || true
rm -f "$log"
exec node scripts/electronegativity-verdict.cjs "$csv"
