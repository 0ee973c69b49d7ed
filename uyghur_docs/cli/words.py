"""A command whose bare words are its query: `udocs search forced labour -Uyghur`.

Click would read `-Uyghur` as options (`-U`, `-y`...) and `labour` as an extra argument.
Before click parses the command line, every token that is not one of the command's options
(or an option's value) is moved behind a `--`, in order, where it is a word of the query.
A short option takes an attached value only when it is a number (`-n5`, `-C2`), so that
`-nationalism` stays a word to exclude.
"""

import click


class QueryCommand(click.Command):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, query_last(self, ctx, args))


def query_last(command: click.Command, ctx: click.Context, args: list[str]) -> list[str]:
    """The options first, then `--` and the words of the query."""
    options = {name: p for p in command.get_params(ctx) for name in p.opts if name[0] == "-"}
    kept, words, rest = [], [], iter(args)
    for token in rest:
        if token == "--":
            words.extend(rest)
            break
        param = _option(options, token)
        if param is None:
            words.append(token)
            continue
        kept.append(token)
        if _takes_next(param, token):
            value = next(rest, None)
            if value is not None:
                kept.append(value)
    return [*kept, "--", *words] if words else kept


def _option(options: dict, token: str):
    """The option a token names (with its value attached or not), or None for a word."""
    if token.startswith("--"):
        name = token.split("=", 1)[0]
        # An unknown --name stays an option, for click to report.
        return options.get(name, token if len(token) > 2 else None)
    if len(token) < 2 or token[0] != "-":
        return None
    param = options.get(token[:2])
    if param is None or len(token) == 2:
        return param
    return param if not _is_flag(param) and token[2:].isdigit() else None


def _takes_next(param, token: str) -> bool:
    if isinstance(param, str) or _is_flag(param):
        return False
    return token in param.opts


def _is_flag(param) -> bool:
    return isinstance(param, click.Option) and (param.is_flag or param.count)
