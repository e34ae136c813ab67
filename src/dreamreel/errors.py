"""Errors a user can cause. Each message says what is wrong and how to fix it.

The CLI prints ``str(error)`` on one line and exits 2; nothing else should ever
reach a user as a traceback.
"""


class DreamreelError(Exception):
    """Base for every error caused by input, configuration or environment."""

    exit_code = 2

    def __init__(self, message: str, *, where: str | None = None):
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class BadInputError(DreamreelError):
    """A file, request or argument is malformed."""


class BadRequestError(BadInputError):
    """The viewer's request text or numbers cannot be turned into a story."""


class UnknownNameError(BadInputError):
    """A name (genre, backend, format) is not one dreamreel knows."""


class MissingDependencyError(DreamreelError):
    """An optional package or program is needed for this feature."""


class BackendError(DreamreelError):
    """A backend (LLM endpoint, model file) failed in a way the user can fix."""


class OutputError(DreamreelError):
    """The output path cannot be written."""
