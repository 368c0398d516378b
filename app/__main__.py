"""Composition root: ``towndesk`` runs a command, or opens the window when given none."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from app.core_dumps import forbid_core_dumps

    forbid_core_dumps()  # before anything secret is in memory
    try:
        from app.cli.main import run

        return run(sys.argv[1:] if argv is None else argv)
    except ImportError as error:  # a system library missing on this machine
        from app.system_libraries import missing_library_line

        line = missing_library_line(error)
        if line is None:
            raise
        print(line, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
