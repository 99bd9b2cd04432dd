"""`carsight sql`: an interactive, read-only SQL shell on the configured warehouse."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from app.cli.common import cli_settings, refuse, require_warehouse

PROMPT, MORE = "carsight> ", "     ...> "
MAX_ROWS = 200  # rows a table shows (the middle ones elided); --csv prints every row
HELP = """Statements end with ';'. Only queries run: SELECT, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN.
  .tables          list the tables and views (docs/schema.md describes every column)
  .schema NAME     the columns of a table or view
  .help            this text
  .quit / .exit    leave (Ctrl-D too)"""


@click.command("sql")
@click.option("--db", type=click.Path(path_type=Path), help="Warehouse file (default: settings).")
@click.option(
    "-c",
    "--command",
    "command",
    metavar="SQL",
    help="Run SQL (one or more ';'-separated queries), print the results and exit.",
)
@click.option(
    "--csv",
    "as_csv",
    is_flag=True,
    help="Print results as CSV (every row) instead of a table.",
)
def sql(db: Path | None, command: str | None, as_csv: bool) -> None:
    """Query the warehouse read-only, as an analyst would with the DuckDB CLI.

    Without -c, an interactive shell starts. Statements that would write
    (CREATE, INSERT, DROP, COPY, ATTACH, ...) are refused with a message;
    only `carsight build` and `carsight ingest` write the warehouse.
    """
    from warehouse.errors import FileRefused
    from warehouse.shell import open_session

    settings = cli_settings(db=db)
    require_warehouse(settings.db)
    try:
        con = open_session(settings.db)
    except FileRefused as exc:
        refuse(exc)
        return
    try:
        if command is not None:
            failure = _run(con, command, as_csv)
            if failure:
                refuse(Exception(failure))
            return
        _interactive(con, settings.db, as_csv)
    finally:
        con.close()


def _run(con, text: str, as_csv: bool) -> str | None:
    """Run every statement of `text`, printing results; the error message, or None."""
    import duckdb

    from warehouse.export import csv_text
    from warehouse.shell import WriteRefused, check_read_only

    try:
        for statement in check_read_only(con, text):
            relation = con.sql(statement)
            if relation is None:
                continue
            if as_csv:
                sys.stdout.write(csv_text(relation.pl()))
            else:
                relation.show(max_rows=MAX_ROWS)
    except (WriteRefused, duckdb.Error) as exc:
        return str(exc).splitlines()[0]
    return None


def _interactive(con, db: Path, as_csv: bool) -> None:
    with contextlib.suppress(ImportError):  # line editing and history where available
        import readline  # noqa: F401
    click.echo(f"carsight sql: {db} (read-only). .help for help, .quit to leave.")
    buffer: list[str] = []
    while True:
        try:
            line = input(MORE if buffer else PROMPT)
        except EOFError:
            click.echo()
            return
        except KeyboardInterrupt:
            click.echo()
            buffer = []
            continue
        stripped = line.strip()
        if not buffer and stripped.startswith("."):
            if not _dot_command(con, stripped, as_csv):
                return
            continue
        buffer.append(line)
        if stripped.endswith(";"):
            failure = _run(con, "\n".join(buffer), as_csv)
            if failure:
                click.echo(f"error: {failure}", err=True)
            buffer = []


def _dot_command(con, line: str, as_csv: bool) -> bool:
    """Run a dot command; False when the shell should end."""
    name, _, arg = line.partition(" ")
    if name in (".quit", ".exit"):
        return False
    if name == ".help":
        click.echo(HELP)
    elif name == ".tables":
        _report(_run(con, "show tables;", as_csv))
    elif name == ".schema" and arg.strip():
        table = arg.strip().strip(";").replace('"', '""')
        _report(_run(con, f'describe "{table}";', as_csv))
    else:
        click.echo(f"error: unknown command {line!r}; .help lists the commands", err=True)
    return True


def _report(failure: str | None) -> None:
    if failure:
        click.echo(f"error: {failure}", err=True)
