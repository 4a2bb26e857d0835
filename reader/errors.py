"""Error types shared by the core and the CLI, each with the exit status it maps to."""


class ReaderError(Exception):
    """A failure the user should see as one line; exit status 1."""

    exit_code = 1


class InputError(ReaderError):
    """Bad usage or bad input (a file, an id, a quote); exit status 2."""

    exit_code = 2
