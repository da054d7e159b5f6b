# bash completion for actornet(1)                          -*- shell-script -*-
#
# Installed as PREFIX/share/bash-completion/completions/actornet, where the
# bash-completion package loads it on first use; without that package, source
# it from ~/.bashrc. It needs only bash 4 (complete -F, compgen, compopt,
# COMP_WORDS, COMP_CWORD), none of bash-completion's helpers.
#
# Completes the commands, each command's options (long ones, and short ones
# too when the word is "-"), the values of the options that take one of a
# fixed set, and after an option or in a place that takes a file, the files
# of the right type and every directory (to descend into).
#
# tests/completion.sh compares the options here with `actornet help COMMAND`:
# add an option to both.

# _actornet_options COMMAND: sets the caller's `long`, `short` and `valued`
# (the options that take a value, space-separated with a space at each end).
_actornet_options()
{
	local filters='--period --certain --undated --type --confidence --focus --depth --all-actors'
	local filters_valued='-p --period --undated -t --type -c --confidence -f --focus -d --depth'
	case $1 in
	render)
		long="--output --format --layout --draft --title --each --from --to --no-stable
			--ghost --jobs --no-merge --no-legend --no-source --cite --labels --theme
			--cluster --highlight --size --dpi --background --outline-text --id-prefix --keep-colours $filters
			--max-size --quiet --verbose --help"
		short='-o -T -l -j -p -t -c -f -d -q -v -h'
		valued=" -o --output -T --format -l --layout --title --each --from --to -j --jobs
			--labels --theme --cluster --highlight --size --dpi --background $filters_valued
			--max-size "
		;;
	check)
		long='--strict --max-size --quiet --help'
		short='-s -q -h'
		valued=' --max-size '
		;;
	stats)
		long="--by --format --table --output $filters --max-size --quiet --help"
		short='-T -o -p -t -c -f -d -q -h'
		valued=" --by -T --format --table -o --output $filters_valued --max-size "
		;;
	export)
		long="--output --format $filters --max-size --quiet --help"
		short='-o -T -p -t -c -f -d -q -h'
		valued=" -o --output -T --format $filters_valued --max-size "
		;;
	import)
		long='--actors --ties --sources --types --default-source --title --output --max-size --quiet --help'
		short='-o -q -h'
		valued=' --actors --ties --sources --types --default-source --title -o --output --max-size '
		;;
	*)
		long='' short='' valued=' '
		;;
	esac
	valued=${valued//[$'\t\n']/ }
}

# _actornet_words WORD...: offers those of the words that start with the caller's $cur.
_actornet_words()
{
	local w
	for w in $(compgen -W "$*" -- "$cur"); do
		COMPREPLY+=("$prefix$w")
	done
}

# _actornet_files EXTENSIONS: offers every directory and the files that end in
# one of the extensions ("svg png", any case; "" for any file) that start with
# the caller's $cur.
_actornet_files()
{
	local exts=$1 word=$cur f path lower e
	local -a found
	case $word in
	\'*) word=${word#\'} ;;
	\"*) word=${word#\"} ;;
	*) word=${word//\\/} ;;
	esac
	mapfile -t found < <(compgen -f -- "$word")
	for f in "${found[@]}"; do
		path=$f
		# shellcheck disable=SC2088 # a literal ~/ from compgen, expanded here
		[[ $path == "~/"* ]] && path=$HOME/${path#"~/"}
		if [[ -d $path || -z $exts ]]; then
			COMPREPLY+=("$prefix$f")
			continue
		fi
		lower=${f,,}
		for e in $exts; do
			if [[ $lower == *."$e" ]]; then
				COMPREPLY+=("$prefix$f")
				break
			fi
		done
	done
	# Quote what needs it, add a / to directories; harmless outside a completion.
	compopt -o filenames 2>/dev/null
	return 0
}

# _actornet_value COMMAND OPTION: offers the values OPTION takes.
_actornet_value()
{
	case $2 in
	-o | --output)
		case $1 in
		render) _actornet_files 'svg png pdf dot json html' ;;
		export) _actornet_files 'graphml gexf json' ;;
		import) _actornet_files 'yaml' ;;
		*) _actornet_files '' ;;
		esac
		;;
	-T | --format)
		case $1 in
		render) _actornet_words svg png pdf dot json html ;;
		stats) _actornet_words text csv json ;;
		export) _actornet_words graphml gexf json ;;
		esac
		;;
	-l | --layout) _actornet_words auto dot packed map neato fdp sfdp circo twopi ;;
	--labels) _actornet_words full short none ;;
	--theme) _actornet_words light dark print ;;
	--cluster) _actornet_words region ;;
	--undated) _actornet_words show hide ;;
	-c | --confidence) _actornet_words confirmed reported alleged disputed ;;
	--each | --by) _actornet_words decade year ;;
	--table) _actornet_words periods kinds actors ;;
	--size) _actornet_words a4 letter 16:9 4:3 ;;
	--background) _actornet_words transparent ;;
	--actors | --ties | --sources | --types) _actornet_files 'csv' ;;
	esac
	# Anything else (--period, --type, --focus, --title, --default-source, numbers) is free text.
	return 0
}

_actornet()
{
	local commands='render check stats export import help'
	local cword=$COMP_CWORD
	local cur=${COMP_WORDS[COMP_CWORD]} prev='' prefix='' value=0
	local long short valued cmd i w npos=0 ddash=0
	COMPREPLY=()
	((cword > 0)) && prev=${COMP_WORDS[cword - 1]}

	# --option=value: bash splits it into "--option" "=" "value" when = is in
	# COMP_WORDBREAKS (the default), and leaves it whole otherwise.
	if [[ $cur == = && $prev == --* ]]; then
		cur=
		value=1
	elif [[ $prev == = ]] && ((cword >= 2)) && [[ ${COMP_WORDS[cword - 2]} == --* ]]; then
		prev=${COMP_WORDS[cword - 2]}
		value=1
	elif [[ $cur == --*=* ]]; then
		prev=${cur%%=*}
		prefix=$prev=
		cur=${cur#*=}
		value=1
	fi

	if ((cword <= 1)); then
		if [[ $cur == -* ]]; then
			if [[ $cur == - ]]; then
				_actornet_words -h -V --help --version
			else
				_actornet_words --help --version
			fi
		else
			_actornet_words $commands
		fi
		return 0
	fi

	cmd=${COMP_WORDS[1]}
	if [[ $cmd == help ]]; then
		((cword == 2)) && _actornet_words render check stats export import
		return 0
	fi
	[[ " $commands " == *" $cmd "* ]] || return 0
	_actornet_options "$cmd"

	# The value of an option.
	if ((value)) || [[ $prev == -?* && $valued == *" $prev "* ]]; then
		[[ $valued == *" $prev "* ]] && _actornet_value "$cmd" "$prev"
		return 0
	fi

	# How many operands (network files) come before this word.
	for ((i = 2; i < cword; i++)); do
		w=${COMP_WORDS[i]}
		if ((ddash)); then
			((npos++))
			continue
		fi
		case $w in
		--) ddash=1 ;;
		--*=*) ;;
		-?*)
			if [[ $valued == *" $w "* ]]; then
				[[ ${COMP_WORDS[i + 1]} == = ]] && ((i++))
				((i++))
			fi
			;;
		=) ;;
		*) ((npos++)) ;;
		esac
	done

	if [[ $cur == -* ]] && ((!ddash)); then
		if [[ $cur == - ]]; then
			_actornet_words $short $long
		else
			_actornet_words $long
		fi
		return 0
	fi

	case $cmd in
	check) _actornet_files 'yaml yml' ;;
	render | stats | export)
		if ((npos == 0 || ddash)); then
			_actornet_files 'yaml yml'
		elif [[ -z $cur ]]; then
			_actornet_words $long
		fi
		;;
	import) [[ -z $cur ]] && _actornet_words $long ;;
	esac
	return 0
}

complete -F _actornet actornet
