#!/bin/sh
# import.sh OUT-DIR [DIRECTORY]: spreadsheet exports of the entity
# directory, saved as GB18030 CSV the way Excel on Chinese Windows saves
# them, imported into fazhi.  Needs iconv(1) and the fazhi programs on
# PATH.
#
# 1. The bureau's sheet, entities.csv here, with its own headers: the
#    usual ones go by fazhi-import's built-in map, 序号 and 经营地址 are
#    skipped with --map; the directory imported is checked.
# 2. DIRECTORY (default: the 2019 example's), exported by fazhi-render
#    with a byte order mark, converted to GB18030 and imported back: the
#    import must give the directory again, record for record.
set -e
here=$(dirname "$0")
out=${1:?usage: import.sh OUT-DIR [DIRECTORY]}
dir=${2:-$here/../haishu-2019/entities.yaml}
mkdir -p "$out"

iconv -f UTF-8 -t GB18030 "$here/entities.csv" > "$out/名录库.csv"
fazhi-import --kind entities --encoding gb18030 --map '序号=-,经营地址=-' \
    -o "$out/entities.yaml" "$out/名录库.csv"
fazhi-check --strict "$out/entities.yaml"
echo "名录库.csv: $(grep -c '^- id:' "$out/entities.yaml") entities imported and checked"

fazhi-render -f csv --bom "$dir" | iconv -f UTF-8 -t GB18030 > "$out/export.csv"
fazhi-import --kind entities --encoding gb18030 -o "$out/directory.yaml" \
    "$out/export.csv"
fazhi-render -f csv "$dir" > "$out/before.csv"
fazhi-render -f csv "$out/directory.yaml" > "$out/after.csv"
if cmp -s "$out/before.csv" "$out/after.csv"; then
	echo "export.csv: the GB18030 export imports into the directory, record for record"
else
	echo "export.csv: the import differs from the directory" >&2
	diff "$out/before.csv" "$out/after.csv" | head >&2
	exit 1
fi
