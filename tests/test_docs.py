"""The README documents every command and every setting (Datasette's habit): a new one without
its line in the README fails here."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import click
import pytest

from kgdebate.cli import cli
from kgdebate.config import Settings

README = (Path(__file__).parent.parent / "README.md").read_text("utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_is_in_the_readme(name: str) -> None:
    assert f"`kgdebate {name}" in README, f"README: the Commands table lacks kgdebate {name}"


@pytest.mark.parametrize("name", [item.name for item in fields(Settings)])
def test_every_setting_is_in_the_readme(name: str) -> None:
    settings_section = README[README.index("## Settings") :]
    assert re.search(rf"`{name}`", settings_section), f"README, Settings: no row for {name}"


def test_every_option_of_every_command_is_in_its_help() -> None:
    """Options come with a help text: `kgdebate COMMAND --help` is the rest of the manual."""
    for command in cli.commands.values():
        for option in command.params:
            if isinstance(option, click.Option):
                assert option.help, f"kgdebate {command.name} {option.opts[0]}: no help text"
