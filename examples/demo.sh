#!/bin/sh
# demo.sh EXAMPLE-DIR OUT-DIR: the main jobs of fazhi on the bundled 2019
# example of a district bureau, run by `make demo` with the programs of the
# build tree first on PATH.
set -e
ex=${1:?usage: demo.sh EXAMPLE-DIR OUT-DIR}
out=${2:?usage: demo.sh EXAMPLE-DIR OUT-DIR}
mkdir -p "$out"

say() { printf '\n== %s\n' "$*"; }

say "2019 tally by reporter: bureau inspections (检查单位家次, 出动检查人次, 违规, 取缔) and the towns' logs (镇街上报, 领导带队); cases (立案, 办结); complaints (处理举报电话3件次); documents (增量文件5件)"
fazhi-tally --year 2019 --by reported_by --calendar cn \
    "$ex/inspections.yaml" "$ex/cases.yaml" "$ex/complaints.yaml" \
    "$ex/documents.yaml" -o "$out/tally-2019.yaml"
cat "$out/tally-2019.yaml"

say "2019 case figures (案件指标: 重大案件, 简易程序, 45日内作出决定, 首违不罚, 听证, 复议与诉讼), a row a figure"
fazhi-render -f text -t tables "$out/tally-2019.yaml" | sed -n '/案件指标/,$p'

say "2019 bureau inspections by type (联合检查, 夜查, 专项)"
fazhi-tally --year 2019 --by type --where reported_by=bureau "$ex/inspections.yaml"

say "2019 travel agencies inspected (旅行社: units)"
fazhi-tally --year 2019 --where category=旅行社 --entities "$ex/entities.yaml" \
    "$ex/inspections.yaml"

say "Monthly tallies merged into the year (exact, units included)"
for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
	fazhi-tally --mergeable --month 2019-$m --by reported_by --calendar cn \
	    "$ex/inspections.yaml" "$ex/cases.yaml" "$ex/complaints.yaml" \
	    "$ex/documents.yaml" -o "$out/tally-2019-$m.yaml"
done
fazhi-tally --merge --calendar cn "$out"/tally-2019-??.yaml -o "$out/tally-2019-merged.yaml"
if cmp -s "$out/tally-2019.yaml" "$out/tally-2019-merged.yaml"; then
	echo "the 12 monthly tallies merge into exactly the tally of the year"
else
	echo "the merged tally differs from the tally of the year" >&2
	exit 1
fi

say "2019 approvals (最多跑一次): 58大项 106子项 56孙项, 913 completed, 换证 34, 注销 25, 勘察场地 37, every rate 100%, 满意度 10"
fazhi-metrics --year 2019 --calendar cn "$ex/matters.yaml" "$ex/applications.yaml" \
    -o "$out/metrics-2019.yaml"
cat "$out/metrics-2019.yaml"

say "2019 approvals of the 新闻出版 matters taken over from the press office (570 completed)"
fazhi-metrics --year 2019 --where office=新闻出版 "$ex/matters.yaml" \
    "$ex/applications.yaml" | sed -n '/^applications:/,/^rates:/p'

say "双随机: the 2019 H2 draw of internet cafés and entertainment venues, verified"
fazhi-draw -o "$out/draw-2019-h2.yaml" "$ex/plan-2019-h2.yaml" \
    "$ex/entities.yaml" "$ex/inspectors.yaml"
fazhi-draw --verify "$out/draw-2019-h2.yaml" "$ex/plan-2019-h2.yaml" \
    "$ex/entities.yaml" "$ex/inspectors.yaml"
cmp -s "$out/draw-2019-h2.yaml" "$ex/draw-2019-h2.yaml" &&
    echo "the draw is byte for byte the one published in $ex/draw-2019-h2.yaml"

say "跨部门联合: the joint draw with the fire brigade, verified"
fazhi-draw -o "$out/draw-2019-joint.yaml" "$ex/plan-2019-joint.yaml" \
    "$ex/entities.yaml" "$ex/inspectors.yaml"
fazhi-draw --verify "$out/draw-2019-joint.yaml" "$ex/plan-2019-joint.yaml" \
    "$ex/entities.yaml" "$ex/inspectors.yaml"

say "信用分类: the Q4 draw with ratios by credit class (D all, C a fifth or more, A the fewest), verified"
fazhi-draw -o "$out/draw-2019-credit.yaml" "$ex/plan-2019-credit.yaml" \
    "$ex/entities.yaml" "$ex/inspectors.yaml" "$ex/credit.yaml"
sed -n '/^strata:/,/^selections:/p' "$out/draw-2019-credit.yaml"
fazhi-draw --verify "$out/draw-2019-credit.yaml" "$ex/plan-2019-credit.yaml" \
    "$ex/entities.yaml" "$ex/inspectors.yaml" "$ex/credit.yaml"
cmp -s "$out/draw-2019-credit.yaml" "$ex/draw-2019-credit.yaml" &&
    echo "the draw is byte for byte the one published in $ex/draw-2019-credit.yaml"

say "一单: the March draw for the item list (half the 网吧, a quarter of the 娱乐场所), verified"
fazhi-draw -o "$out/draw-2019-year.yaml" "$ex/plan-2019-year.yaml" \
    "$ex/entities.yaml" "$ex/inspectors.yaml"
fazhi-draw --verify "$out/draw-2019-year.yaml" "$ex/plan-2019-year.yaml" \
    "$ex/entities.yaml" "$ex/inspectors.yaml"
cmp -s "$out/draw-2019-year.yaml" "$ex/draw-2019-year.yaml" &&
    echo "the draw is byte for byte the one published in $ex/draw-2019-year.yaml"

say "The 2019 data against the law (fazhi-check --rules): two inspectors, 回避, notice, collective discussion, hearings, 90 days, legal review, service, payment and publication"
(cd "$ex" && fazhi-check --strict --rules --as-of 2019-12-31 organization.yaml entities.yaml \
    inspectors.yaml towns.yaml plan-2019-*.yaml draw-2019-*.yaml inspections.yaml \
    cases.yaml matters.yaml applications.yaml credit.yaml items.yaml complaints.yaml documents.yaml activities.yaml) && echo "clean"

say "案卷评查: the review of the 29 case files of 2019, every rule of --rules on every case (符合 / 不符合 / 不适用), a page per case, printable, as a Word document and a workbook"
(cd "$ex" && fazhi-check --rules --as-of 2019-12-31 -f yaml \
    -o "$out/casefile-2019.yaml" organization.yaml entities.yaml \
    inspectors.yaml cases.yaml)
for f in md html docx; do
	fazhi-render -t casefile -o "$out/casefile-2019.$f" \
	    "$out/casefile-2019.yaml" "$ex/organization.yaml"
done
fazhi-render -o "$out/casefile-2019.xlsx" "$out/casefile-2019.yaml"
sed -n '/^## 评查汇总/,$p' "$out/casefile-2019.md"

say "A faulty set: every check firing"
(cd "$ex/.." && fazhi-check --rules --as-of 2019-12-31 faulty/*.yaml) || true

say "The entity directory as a GB18030 export, imported"
sh "$ex/../import/import.sh" "$out/import"

say "抽查结果: the H2 draw followed up at the end of 2019 (exit status 1: something is flagged)"
status=0
fazhi-results --as-of 2019-12-31 --calendar cn -o "$out/results-2019-h2.yaml" \
    "$ex/draw-2019-h2.yaml" "$ex/inspections.yaml" "$ex/cases.yaml" \
    "$ex/organization.yaml" || status=$?
test "$status" = 1
sed -n '/^summary:/,/^selections:/p' "$out/results-2019-h2.yaml"
fazhi-render -t draw-results -o "$out/results-2019-h2.md" \
    "$out/results-2019-h2.yaml" "$ex/organization.yaml" "$ex/notes.yaml"
fazhi-render -t draw-results -o "$out/results-2019-h2.html" \
    "$out/results-2019-h2.yaml" "$ex/organization.yaml" "$ex/notes.yaml"
fazhi-render -t draw-results -o "$out/results-2019-h2.docx" \
    "$out/results-2019-h2.yaml" "$ex/organization.yaml" "$ex/notes.yaml"

say "一单: the 2019 item list's coverage by the year's draws (exit status 1: an item falls short or a venue passes its cap), and its published notice"
status=0
fazhi-results --coverage --year 2019 -o "$out/coverage-2019.yaml" \
    "$ex/items.yaml" "$ex"/draw-2019-*.yaml "$ex/entities.yaml" \
    "$ex/inspections.yaml" "$ex/credit.yaml" "$ex/plan-2019-credit.yaml" ||
    status=$?
test "$status" = 1
grep -E '^(summary:|- code:|  (population|needed|inspected|reached|rounds|short):)' \
    "$out/coverage-2019.yaml"
sed -n '/^checks:/,$p' "$out/coverage-2019.yaml"
for f in md html docx; do
	fazhi-render -t items-notice -o "$out/items-2019.$f" "$ex/items.yaml" \
	    "$ex/organization.yaml"
done
fazhi-render -o "$out/items-2019.xlsx" "$ex/items.yaml"

say "The 2019 annual report (法治政府建设年度报告): Markdown, a printable page, a Word document (公文), a workbook"
fazhi-tally --year 2019 --by type --where reported_by=bureau "$ex/inspections.yaml" \
    -o "$out/tally-2019-type.yaml"
fazhi-tally --year 2019 --by month --calendar cn "$ex/inspections.yaml" \
    "$ex/cases.yaml" -o "$out/tally-2019-month.yaml"
# The special actions by campaign (扫黑除恶 432家次, 安全生产 19次), the
# cases by source (依据镇街线索办理案件11件) and the activities of the year
# by type (上报检查信息117条 ...), the demo sites by level: the figures of
# 二 (二) and (三).
fazhi-tally --year 2019 --by campaign "$ex/inspections.yaml" \
    -o "$out/tally-2019-campaign.yaml"
fazhi-tally --year 2019 --by source "$ex/cases.yaml" \
    -o "$out/tally-2019-source.yaml"
fazhi-tally --year 2019 --by type "$ex/activities.yaml" \
    -o "$out/tally-2019-activities.yaml"
fazhi-tally --year 2019 --where type=demo_site --by level "$ex/activities.yaml" \
    -o "$out/tally-2019-demo-sites.yaml"
acts="$out/tally-2019-campaign.yaml $out/tally-2019-source.yaml $out/tally-2019-activities.yaml $out/tally-2019-demo-sites.yaml"
set -- "$out/tally-2019.yaml" "$out/tally-2019-type.yaml" \
    "$out/tally-2019-month.yaml" "$out/metrics-2019.yaml"
for f in md html docx; do
	fazhi-render -t annual -o "$out/annual-2019.$f" "$@" $acts \
	    "$out/draw-2019-h2.yaml" "$out/draw-2019-joint.yaml" \
	    "$ex/organization.yaml" "$ex/notes.yaml"
done
fazhi-render -o "$out/annual-2019.xlsx" "$@"
sed -n '/依法行政/,/最多跑一次/p' "$out/annual-2019.md"
# 同比 against tally-2018.yaml, an illustration: the 2019 report gives no
# figure of 2018, so the bureau's report above has none, and this copy,
# named for what it is, shows what --previous adds.
say "同比 (fazhi-render --previous): the same report against an ILLUSTRATIVE 2018 tally, not the bureau's figures"
fazhi-render -t annual --previous "$ex/tally-2018.yaml" \
    -o "$out/annual-2019-yoy-illustration.md" "$@" $acts \
    "$out/draw-2019-h2.yaml" "$out/draw-2019-joint.yaml" "$ex/organization.yaml" "$ex/notes.yaml"
grep -m 1 '比上年' "$out/annual-2019-yoy-illustration.md"
fazhi-render -o "$out/draw-2019-h2-notice.html" "$out/draw-2019-h2.yaml" "$ex/organization.yaml"
fazhi-render -o "$out/draw-2019-h2-notice.docx" "$out/draw-2019-h2.yaml" "$ex/organization.yaml"
say "The self-verifying notices (抽查名单公示): open one in a browser and pick the plan, entities.yaml and inspectors.yaml of $ex"
fazhi-render -o "$out/draw-2019-joint-notice.html" "$out/draw-2019-joint.yaml" "$ex/organization.yaml"
fazhi-render -t draw-verify -o "$out/draw-2019-h2-verify.html" "$out/draw-2019-h2.yaml" "$ex/organization.yaml"
fazhi-render -t draw-verify -o "$out/draw-2019-joint-verify.html" "$out/draw-2019-joint.yaml" "$ex/organization.yaml"
fazhi-render -t draw-tasks -o "$out/draw-2019-h2-tasks.html" "$out/draw-2019-h2.yaml" "$ex/organization.yaml"
say "2019 行政执法统计年报 (the yearly enforcement statistics, due 31 January): penalties by the heaviest of a case's, 罚没金额 in 万元, licences, inspections, complaints, 持证率; Markdown, a printable page, a Word document, a workbook"
set -- "$out/tally-2019.yaml" "$out/tally-2019-type.yaml" \
    "$out/metrics-2019.yaml" "$ex/inspectors.yaml" "$ex/organization.yaml"
for f in md html docx xlsx; do
	fazhi-render -t statistics -o "$out/statistics-2019.$f" "$@"
done
sed -n '/^### 表一/,/^### 表二/p' "$out/statistics-2019.md"
say "A month's report (文化市场执法统计, 2019年3月): by town and by category, a printable page, a Word document and a workbook"
for by in town category; do
	fazhi-tally --month 2019-03 --by $by --calendar cn "$ex/inspections.yaml" \
	    "$ex/cases.yaml" -o "$out/tally-2019-03-$by.yaml"
done
set -- "$out/tally-2019-03-town.yaml" "$out/tally-2019-03-category.yaml"
fazhi-render -t monthly -o "$out/monthly-2019-03.html" "$@" "$ex/organization.yaml"
fazhi-render -t monthly -o "$out/monthly-2019-03.docx" "$@" "$ex/organization.yaml"
fazhi-render -o "$out/monthly-2019-03.xlsx" "$@"
sed -n '1,/^$/p' "$out/tally-2019-03-town.yaml" | grep -E '^(from|to|by):'

say "一店一本: the venue book of one karaoke venue (its directory record, its 16 inspections and its case), printable and as a Word document"
for f in html docx; do
	fazhi-render -t venue-book --where entity=91330203252954281Q \
	    -o "$out/venue-91330203252954281Q.$f" "$ex/entities.yaml" \
	    "$ex/inspectors.yaml" "$ex/inspections.yaml" "$ex/cases.yaml" \
	    "$ex/organization.yaml"
done

printf '\nReports: %s\n' "$out/annual-2019.md $out/annual-2019.html $out/annual-2019.docx $out/annual-2019.xlsx $out/monthly-2019-03.html $out/monthly-2019-03.docx $out/monthly-2019-03.xlsx $out/draw-2019-h2-notice.html $out/draw-2019-joint-notice.html $out/draw-2019-h2-verify.html $out/draw-2019-h2-notice.docx $out/results-2019-h2.md $out/results-2019-h2.docx $out/venue-91330203252954281Q.html $out/venue-91330203252954281Q.docx $out/coverage-2019.yaml $out/items-2019.html $out/items-2019.docx $out/items-2019.xlsx $out/casefile-2019.md $out/casefile-2019.html $out/casefile-2019.docx $out/casefile-2019.xlsx $out/statistics-2019.md $out/statistics-2019.html $out/statistics-2019.docx $out/statistics-2019.xlsx"

printf '\nOutputs are in %s\n' "$out"
