"""`python -m app.cli ...` runs the `carsight` command line."""

from app.cli import main

main()
