"""Errors a person can cause. Each carries one plain sentence that says what to do."""


class UserError(Exception):
    """Something a person typed or a file they gave us is not usable.

    ``str(error)`` is one plain sentence, fit to show as it is.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message


class TextTooLong(UserError):
    pass


class DateNotUnderstood(UserError):
    pass


class NotFound(UserError):
    pass
