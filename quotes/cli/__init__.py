"""The ``quotes`` command: the group and its entry point (:mod:`.main`), one module per command
group (:mod:`.extract`, :mod:`.report`, :mod:`.rules`) and the options they share (:mod:`.common`)."""

from quotes.cli.main import cli, main

__all__ = ["cli", "main"]
