"""The command line: ``main.run`` is the entry; one ``cmd_*`` module per command group."""
