"""The command line, ``python -m netclarity COMMAND``: one module per command, and ``cli``
which lists them (see its docstring for adding one)."""
