#!/usr/bin/env bash
# Refresh the vendored graphology and sigma.js bundles of the offline explorer
# (src/hunyuan_kg/export/explorer_assets/) from the packages pinned in package-lock.json:
#   cd tests/js && npm ci && ./vendor_explorer.sh
# Both packages publish a minified UMD build (sigma's includes its dependencies events and
# graphology-utils); we copy them without their source-map comment, and their licences.
set -euo pipefail
cd "$(dirname "$0")"
dest=../../src/hunyuan_kg/export/explorer_assets
m=node_modules
sed '/^\/\/# sourceMappingURL=/d' "$m/graphology/dist/graphology.umd.min.js" >"$dest/graphology.umd.min.js"
sed '/^\/\/# sourceMappingURL=/d' "$m/sigma/dist/sigma.min.js" >"$dest/sigma.min.js"
{
  for pkg in sigma graphology graphology-utils events; do
    version=$(node -p "require('./$m/$pkg/package.json').version")
    echo "== $pkg $version (https://www.npmjs.com/package/$pkg) =="
    echo
    cat "$m/$pkg"/LICENSE*
    echo
  done
} >"$dest/THIRD_PARTY_LICENSES.txt"
ls -l "$dest"
