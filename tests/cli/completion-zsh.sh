#!/bin/sh
# The zsh completion (completion/_fazhi), in an interactive zsh driven by
# tests/cli/zsh-complete.zsh: tests/cli/completion-zsh/*/cmd.  Without
# zsh, or its zsh/zpty module, the suite is skipped.
. "${top_srcdir:-.}/tests/cli/lib.sh"
if ! command -v zsh >/dev/null 2>&1; then
	echo "SKIP: completion-zsh: zsh is not installed (Debian package zsh)"
	exit 77
fi
if ! zsh -fc 'zmodload zsh/zpty' 2>/dev/null; then
	echo "SKIP: completion-zsh: zsh has no zsh/zpty module"
	exit 77
fi
run_cases completion-zsh
