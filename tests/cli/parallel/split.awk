# Cut one document of records, written a record a line as
# examples/haishu-2019/generate writes them, into n documents of
# consecutive records, each with the lines before the records (kind,
# version, comments), for tests/cli/parallel: read the file twice,
#   awk -v n=4 -v out=PREFIX -f split.awk FILE FILE
# writes PREFIX-1.yaml ... PREFIX-n.yaml.
NR == FNR {
	if (/^  - /)
		total++
	next
}
/^  - / {
	i++
	print >(out "-" (int((i - 1) * n / total) + 1) ".yaml")
	next
}
{
	for (k = 1; k <= n; k++)
		print >(out "-" k ".yaml")
}
