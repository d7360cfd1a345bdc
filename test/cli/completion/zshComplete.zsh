# Completes a command line in a real interactive zsh, through a pseudo-terminal, and prints the
# matches one a line: zsh -f zshComplete.zsh SCRIPT 'btcfi project --format '
# compadd is wrapped to print what it is given; a completion post-function marks the end.
script=$1 line=$2
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PS1=''; PROMPT=''; RPROMPT=''"
zpty -w z "autoload -Uz compinit; compinit -u -D"
zpty -w z "source ${(q)script}"
zpty -w z 'compadd () { local -a __m; builtin compadd -O __m "$@"; (( $#__m )) && print -rl -- "<ma""tch>"${^__m}"</ma""tch>"; builtin compadd "$@" }'
zpty -w z 'comppostfuncs=(__end); __end() { print -r -- "<do""ne>"; compstate[insert]=""; compstate[list]="" }'
zpty -w z "$line"$'\t'
zpty -r -m z out '*<done>*'
print -r -- ${out//$'\r'/} | grep -ao "<match>[^<]*</match>" | sed "s/<[/]*match>//g" | sort -u
zpty -d z
