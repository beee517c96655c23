"""Errors that mean "the input is wrong": every command shows them as one line each and exits with status 2."""


class DatasetError(Exception):
    """Input that cannot be read or loaded; ``problems`` are lines such as 'file:line: key: reason'."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))
