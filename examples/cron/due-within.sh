#!/bin/sh
# due-within.sh DATA-DIR ADDRESS [DAYS]: the daily reminder of the cases
# whose time runs out within DAYS days (default 7): decisions due under
# the 90-day limit (行政处罚法 art. 60) and publications due within 7
# working days (国办发〔2018〕118号), with every breach already made and
# every problem of the data.  Mailed to ADDRESS when there is anything to
# say; nothing is sent on a quiet day.  From cron, on working days:
#
#   30 7 * * 1-5  /usr/local/share/doc/fazhi/examples/cron/due-within.sh /srv/fazhi/data fzk@example.org
#
# MAIL_COMMAND replaces the mailer, which is called as
# "$MAIL_COMMAND -s SUBJECT ADDRESS" with the text on standard input
# (MAIL_COMMAND=cat to see it on the terminal); AS_OF replaces today.
set -u
data=${1:?usage: due-within.sh DATA-DIR ADDRESS [DAYS]}
to=${2:?usage: due-within.sh DATA-DIR ADDRESS [DAYS]}
days=${3:-7}
mailer=${MAIL_COMMAND:-mail}
today=${AS_OF:-$(date +%Y-%m-%d)}

status=0
report=$(fazhi-check --rules --due-within "$days" --as-of "$today" \
    "$data"/*.yaml 2>&1) || status=$?

if [ "$status" -gt 1 ]; then
	subject="fazhi: 数据无法检查 ($today)"
elif [ -z "$report" ]; then
	exit 0
else
	notes=$(printf '%s\n' "$report" | grep -c ': note: ')
	errors=$(printf '%s\n' "$report" | grep -c ': error: ')
	subject="fazhi: ${notes} 项到期提醒, ${errors} 个问题 ($today)"
fi
# cat (or any command that takes no mail options) shows the mail as it
# would go out, its subject and address first.
if [ "$mailer" = cat ]; then
	printf 'To: %s\nSubject: %s\n\n%s\n' "$to" "$subject" "$report"
else
	printf '%s\n' "$report" | $mailer -s "$subject" "$to"
fi
