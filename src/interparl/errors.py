"""Errors that mean "the user gave bad input": every command shows them as one line each and exits with status 2,
the API answers them with a 4xx that names the problem."""


class InputError(Exception):
    """Input the registry cannot use: a wrong value, a file that cannot be loaded, an id that names nothing."""

    @property
    def lines(self) -> list[str]:
        return [str(self)]


class DatasetError(InputError):
    """Input that cannot be read or loaded; ``problems`` are lines such as 'file:line: key: reason'."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))

    @property
    def lines(self) -> list[str]:
        return self.problems


class NotFound(InputError, LookupError):
    """An id that names nothing in the registry."""
