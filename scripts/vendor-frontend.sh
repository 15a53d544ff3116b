#!/usr/bin/env bash
# Vendor the browser bundles that the web UI serves as static files:
#   @zazuko/yasgui   -> src/exgraph/web/static/vendor/yasgui/
#   swagger-ui-dist  -> src/exgraph/web/static/vendor/swagger-ui/
#   axe-core         -> tests/vendor/axe-core/ (test-only: the accessibility engine the browser
#                       tests inject into every page; never served)
#
# Usage: bash scripts/vendor-frontend.sh
#
# Needs only npm (for `npm pack`), node (npm's own runtime), tar and sha256sum;
# no package.json, node_modules or build step in this repository.  Each tarball
# is checked against the integrity pinned below, so a re-run either produces
# the same bytes or fails.  To upgrade: change a version, run the script once
# with the matching *_INTEGRITY set to "" (it prints the value npm reports),
# pin that value, run again, and update static/vendor/README.md.
set -euo pipefail

YASGUI_PACKAGE="@zazuko/yasgui"
YASGUI_VERSION="4.6.2"
YASGUI_INTEGRITY="sha512-Zw45KdPoAE1KRaAoxIHdQqeJxvaVG1oQdntw0hy0ktX35Zu8ZccuOLrXCLwR+GU+0xMzLw8Mjw6BkSZV2vUuQw=="

SWAGGER_UI_PACKAGE="swagger-ui-dist"
SWAGGER_UI_VERSION="5.35.0"
SWAGGER_UI_INTEGRITY="sha512-U06rpMtW9V3XPGOBeamTUSr0Z09jMX4IJuANpE/EZbAhw0G8CgwrzU4YmXkn/h0wCDNsXdGarTNNHC3sU8yVUQ=="

AXE_CORE_PACKAGE="axe-core"
AXE_CORE_VERSION="4.14.1"
AXE_CORE_INTEGRITY="sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="

export LC_ALL=C
umask 022

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
vendor_dir="$repo_root/src/exgraph/web/static/vendor"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# fetch SPEC EXPECTED_INTEGRITY -> prints "tarball-path<TAB>integrity"
fetch() {
    local spec="$1" expected="$2" json meta file integrity
    # Run from the temp dir so that no package.json nearby is picked up.
    json="$(cd "$work" && npm pack "$spec" --json --ignore-scripts \
                --pack-destination "$work" 2>"$work/npm-pack.log")" || {
        cat "$work/npm-pack.log" >&2
        echo "vendor-frontend: npm pack $spec failed" >&2
        exit 1
    }
    meta="$(printf '%s' "$json" | node -e '
        let s = "";
        process.stdin.on("data", d => s += d).on("end", () => {
            const p = JSON.parse(s)[0];
            process.stdout.write(p.filename + "\t" + p.integrity);
        });')"
    file="$work/${meta%%$'\t'*}"
    integrity="${meta#*$'\t'}"
    # Do not rely on npm alone: recompute the tarball's sha512 ourselves.
    local actual
    actual="sha512-$(node -e '
        const data = require("fs").readFileSync(process.argv[1]);
        process.stdout.write(require("crypto").createHash("sha512").update(data).digest("base64"));
    ' "$file")"
    if [[ "$actual" != "$integrity" ]]; then
        echo "vendor-frontend: $spec: tarball sha512 $actual != npm's $integrity" >&2
        exit 1
    fi
    if [[ -z "$expected" ]]; then
        echo "vendor-frontend: $spec: no pinned integrity; npm reports $integrity" >&2
    elif [[ "$integrity" != "$expected" ]]; then
        echo "vendor-frontend: $spec: integrity $integrity != pinned $expected" >&2
        exit 1
    fi
    printf '%s\t%s' "$file" "$integrity"
}

# write_version DEST NAME VERSION TARBALL INTEGRITY FILE...
write_version() {
    local dest="$1" name="$2" version="$3" tarball="$4" integrity="$5"
    shift 5
    {
        echo "package: $name"
        echo "version: $version"
        echo "tarball: $(basename "$tarball")"
        echo "integrity: $integrity"
        echo "tarball-sha256: $(sha256sum "$tarball" | cut -d' ' -f1)"
        echo "vendored-by: scripts/vendor-frontend.sh"
        echo "files (sha256sum format):"
        (cd "$dest" && sha256sum -- "$@")
    } > "$dest/VERSION"
    chmod 0644 "$dest/VERSION"
}

# vendor NAME VERSION INTEGRITY DEST_SUBDIR "SRC:DEST" ...
vendor() {
    local name="$1" version="$2" expected="$3" sub="$4"
    shift 4
    local out tarball integrity unpack dest
    out="$(fetch "$name@$version" "$expected")"
    tarball="${out%%$'\t'*}"
    integrity="${out#*$'\t'}"
    unpack="$work/unpack-$sub"
    mkdir -p "$unpack"
    tar -xzf "$tarball" -C "$unpack" --no-same-owner --no-same-permissions
    dest="${VENDOR_DIR:-$vendor_dir}/$sub"
    rm -rf "$dest"
    mkdir -p "$dest"
    local pair src dst names=()
    for pair in "$@"; do
        src="${pair%%:*}"
        dst="${pair#*:}"
        if [[ ! -f "$unpack/package/$src" ]]; then
            echo "vendor-frontend: $name@$version has no $src" >&2
            exit 1
        fi
        install -m 0644 "$unpack/package/$src" "$dest/$dst"
        names+=("$dst")
    done
    if [[ "$sub" == yasgui && ! -f "$dest/LICENSE" ]]; then
        write_yasgui_license "$dest/LICENSE" "$version"
        names+=("LICENSE")
    fi
    write_version "$dest" "$name" "$version" "$tarball" "$integrity" "${names[@]}"
    echo "vendored $name@$version -> ${dest#"$repo_root/"}/ (${names[*]})"
}

# The @zazuko/yasgui npm tarball ships no LICENSE file.  Its package.json says
# "license": "MIT" (author "Triply <info@triply.cc>", contributor "Zazuko
# GmbH") and the upstream README says "This code is released under the MIT
# license", so we write the standard MIT text with those holders.
write_yasgui_license() {
    local file="$1" version="$2"
    cat > "$file" <<EOF
[Note from exgraph: the @zazuko/yasgui $version npm package ships no LICENSE
file. Its package.json declares "license": "MIT", author "Triply
<info@triply.cc>", contributor "Zazuko GmbH", and the upstream README
(github.com/rdfjs/Yasgui) states "This code is released under the MIT
license." The standard MIT License text follows.]

MIT License

Copyright (c) Triply <info@triply.cc>
Copyright (c) Zazuko GmbH

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
EOF
    chmod 0644 "$file"
}

# Source maps (3-4 MB each) are left out on purpose; the bundles still end in a
# sourceMappingURL comment, which only makes browser devtools ask for a .map.
vendor "$YASGUI_PACKAGE" "$YASGUI_VERSION" "$YASGUI_INTEGRITY" yasgui \
    build/yasgui.min.js:yasgui.min.js \
    build/yasgui.min.css:yasgui.min.css

vendor "$SWAGGER_UI_PACKAGE" "$SWAGGER_UI_VERSION" "$SWAGGER_UI_INTEGRITY" swagger-ui \
    swagger-ui-bundle.js:swagger-ui-bundle.js \
    swagger-ui-bundle.js.LICENSE.txt:swagger-ui-bundle.js.LICENSE.txt \
    swagger-ui.css:swagger-ui.css \
    LICENSE:LICENSE \
    NOTICE:NOTICE

# axe-core is for the tests only (MPL-2.0: shipped unchanged with its licence texts).
VENDOR_DIR="$repo_root/tests/vendor" \
vendor "$AXE_CORE_PACKAGE" "$AXE_CORE_VERSION" "$AXE_CORE_INTEGRITY" axe-core \
    axe.min.js:axe.min.js \
    LICENSE:LICENSE \
    LICENSE-3RD-PARTY.txt:LICENSE-3RD-PARTY.txt
