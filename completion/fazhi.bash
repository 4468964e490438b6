# Bash completion for the fazhi programs: their options (from --help),
# what --by and --where take and the values of a --where key, canonical
# and Chinese (from PROG --complete WHAT), the built-in templates of -t,
# the formats of -f, files for the rest.  Installed where bash-completion
# looks (share/bash-completion/completions), under each program's name.

# The words of the current line as typed, split at blanks only (bash
# also splits at = and :, which --where town=月湖街道 holds): the word
# being completed into _fz_cur, the one before into _fz_prev.
_fazhi_words()
{
	local line=${COMP_LINE:0:COMP_POINT}
	local -a w
	IFS=$' \t' read -r -a w <<<"$line"
	if [[ $line == *[[:blank:]] || ${#w[@]} -eq 0 ]]; then
		_fz_cur=
		_fz_prev=${w[${#w[@]}-1]}
	else
		_fz_cur=${w[${#w[@]}-1]}
		_fz_prev=${w[${#w[@]}-2]}
	fi
}

# COMPREPLY from whole words for _fz_cur, cut to the part of it bash
# takes as the word (what follows its last = or :).
_fazhi_reply()
{
	local bcur=${COMP_WORDS[COMP_CWORD]} cut r
	cut=$(( ${#_fz_cur} - ${#bcur} ))
	[[ $cut -lt 0 ]] && cut=0
	COMPREPLY=()
	for r in "$@"; do
		COMPREPLY+=("${r:cut}")
	done
}

_fazhi()
{
	local prog=${COMP_WORDS[0]} cur prev head IFS=$'\n'
	local -a words
	_fazhi_words
	cur=$_fz_cur
	prev=$_fz_prev
	# --opt=value: the value, after its option.
	if [[ $cur == --*=* ]]; then
		prev=${cur%%=*}
		head=${cur%%=*}=
		cur=${cur#*=}
	fi
	case $prev in
	--by)
		local done=
		[[ $cur == *,* ]] && done=${cur%,*},
		words=($(compgen -P "$head$done" -W "$("$prog" --complete by 2>/dev/null)" -- "${cur##*,}"))
		_fazhi_reply "${words[@]}"
		return 0
		;;
	--where)
		if [[ $cur == *=* ]]; then
			words=($(compgen -P "$head${cur%%=*}=" -W "$("$prog" --complete "value=${cur%%=*}" 2>/dev/null)" -- "${cur#*=}"))
		else
			words=($(compgen -P "$head" -S = -W "$("$prog" --complete where 2>/dev/null)" -- "$cur"))
			compopt -o nospace 2>/dev/null
		fi
		_fazhi_reply "${words[@]}"
		return 0
		;;
	-t|--template)
		words=($(compgen -P "$head" -W "$("$prog" --list 2>/dev/null | cut -f1)" -- "$cur") $(compgen -f -- "$cur"))
		_fazhi_reply "${words[@]}"
		return 0
		;;
	--calendar)
		# The two built-in calendars (fazhi(7)), or a file of one.
		words=($(compgen -P "$head" -W $'cn\nweekdays' -- "$cur") $(compgen -f -- "$cur"))
		_fazhi_reply "${words[@]}"
		return 0
		;;
	-o|--output)
		;;
	-*)
		# An option whose values the program knows (--complete gives
		# nothing for the others: they take files).
		local opt=${prev#--}
		case $prev in -f) opt=format ;; -k) opt=kind ;; esac
		words=($(compgen -P "$head" -W "$("$prog" --complete "$opt" 2>/dev/null)" -- "$cur"))
		if [[ ${#words[@]} -gt 0 ]]; then
			_fazhi_reply "${words[@]}"
			return 0
		fi
		;;
	esac
	if [[ $cur == -* && -z $head ]]; then
		words=($(compgen -W "$("$prog" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u)" -- "$cur"))
		_fazhi_reply "${words[@]}"
		return 0
	fi
	compopt -o filenames 2>/dev/null
	words=($(compgen -f -- "$cur"))
	_fazhi_reply "${words[@]}"
	return 0
}

complete -F _fazhi fazhi-tally fazhi-metrics fazhi-draw fazhi-check \
    fazhi-import fazhi-render fazhi-results
