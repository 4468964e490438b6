#!/usr/bin/env zsh
# zsh-complete.zsh LINE...: what zsh's completion system offers at the
# end of each LINE, typed into an interactive zsh (zsh/zpty) whose fpath
# holds $SRC/completion: the matches of every compadd of the completion
# widget, sorted, on one line, then "<- LINE".  The programs are found
# on PATH.
emulate -L zsh
zmodload zsh/zpty || exit 77
out=${TMPDIR:-/tmp}/zsh-complete.$$
trap 'zpty -d fz 2>/dev/null; rm -f $out' EXIT
zpty fz zsh -f -i
# A compadd that also writes down what it adds, and a TAB whose
# completion writes DONE when it has ended.
zpty -w fz "fpath=(${(q)SRC}/completion \$fpath)
autoload -U compinit && compinit -u -D
compadd() { local -a m; builtin compadd -O m \"\$@\"; print -rl -- \$m >>${(q)out}; builtin compadd \"\$@\" }
_fz_done() { print -r -- DONE >>${(q)out} }
_fz_tab() { comppostfuncs=(_fz_done); zle complete-word }
zle -N _fz_tab; bindkey '^I' _fz_tab
zstyle ':completion:*' list-prompt ''
zstyle ':completion:*' menu no
PROMPT='> ' LISTMAX=100000
unsetopt beep
print READY"
zpty -r fz got '*READY*' || exit 1
local -a m
for line in "$@"; do
	: >$out
	zpty -w -n fz "$line"$'\t'
	# The widget is done when its post-function has written DONE (five
	# minutes at most: the programs may run under valgrind, or built
	# with the sanitizers on a busy machine, where one line once took
	# more than a minute).
	for i in {1..6000}; do
		[[ $(<$out) == *DONE ]] && break
		sleep 0.05
	done
	if [[ $(<$out) != *DONE ]]; then
		print -ru2 -- "zsh-complete.zsh: no completion ended for: $line"
		exit 1
	fi
	# ctrl-U clears the line; the mark's words joined by the shell, so
	# only its output (not the echo of the typed line) matches.
	zpty -w -n fz $'\x15'
	zpty -w fz 'print MA""RK'
	zpty -r fz got '*MARK*' || exit 1
	m=(${(f)"$(<$out)"})
	m=(${(ou)m:#DONE})
	print -r -- "${(j: :)m} <- $line"
done
