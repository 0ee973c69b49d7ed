"""The exit statuses of `udocs`, in one place."""

from enum import IntEnum


class ExitStatus(IntEnum):
    SUCCESS = 0  # no hits is success too
    ERROR = 1  # a user or runtime error, with a one-line message saying what to do
    USAGE = 2  # click's own: an unknown option or a bad value
    INTERRUPTED = 130  # Ctrl-C
