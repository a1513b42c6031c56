"""Errors and exit codes that scripts can rely on."""
from __future__ import annotations

#: Exit codes of the ``cleaner`` command.
EXIT_OK = 0           # done
EXIT_USAGE = 2        # bad command line (argparse's own code)
EXIT_BAD_INPUT = 3    # a raw file or the manifest could not be used
EXIT_INTERNAL = 4     # a bug: an invariant such as conservation failed
EXIT_PUBLISH = 5      # the Hub refused the upload or could not be reached
EXIT_INTERRUPTED = 130


class BadInput(Exception):
    """A raw file that cannot be cleaned; says which file and where.

    >>> str(BadInput("binary", "binary file (PNG image)", file="raw/x.txt", byte=0))
    'raw/x.txt: byte 0: binary file (PNG image) [binary]'
    """

    def __init__(self, kind: str, message: str, *, file: str = "?",
                 line: int | None = None, byte: int | None = None):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.byte = byte

    def where(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.byte is not None:
            parts.append(f"byte {self.byte}")
        return ": ".join(parts)

    def __str__(self) -> str:
        return f"{self.where()}: {self.message} [{self.kind}]"

    def to_dict(self) -> dict:
        return {"file": self.file, "error": self.kind, "message": self.message,
                "line": self.line, "byte": self.byte}

    def __reduce__(self):  # picklable across worker processes
        return (_rebuild, (self.kind, self.message, self.file, self.line, self.byte))


def _rebuild(kind, message, file, line, byte):
    return BadInput(kind, message, file=file, line=line, byte=byte)


class InternalError(Exception):
    """A bug met while cleaning a file; the message names the file."""


class ConservationError(InternalError):
    """Text of the raw input that no field and no audit entry accounts for."""


class OutputRefused(Exception):
    """``--out`` or ``--card`` names something a build must not replace."""
