"""`python -m kamsite` runs the command line."""

from kamsite.cli import main

main()
