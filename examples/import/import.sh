#!/bin/sh
# import.sh OUT-DIR: the entity directory's spreadsheet, saved as GB18030
# CSV the way Excel on Chinese Windows saves it, imported into fazhi and
# checked.  Needs iconv(1) and the fazhi programs on PATH.
set -e
here=$(dirname "$0")
out=${1:?usage: import.sh OUT-DIR}
mkdir -p "$out"
iconv -f UTF-8 -t GB18030 "$here/entities.csv" > "$out/名录库.csv"
fazhi-import --kind entities --encoding gb18030 --map '序号=-,经营地址=-' \
    -o "$out/entities.yaml" "$out/名录库.csv"
fazhi-check --strict "$out/entities.yaml"
echo "$out/entities.yaml: $(grep -c '^- id:' "$out/entities.yaml") entities imported and checked"
