// One locale's catalogs, one JSON file per namespace (see docs/translating.md).
import common from './en/common.json'
import shell from './en/shell.json'
import commands from './en/commands.json'
import menu from './en/menu.json'
import settings from './en/settings.json'
import library from './en/library.json'
import reader from './en/reader.json'
import notes from './en/notes.json'
import search from './en/search.json'
import exportMessages from './en/export.json'
import cases from './en/cases.json'
import claims from './en/claims.json'
import ach from './en/ach.json'
import entities from './en/entities.json'
import errors from './en/errors.json'
import cli from './en/cli.json'

export default { common, shell, commands, menu, settings, library, reader, notes, search, export: exportMessages, cases, claims, ach, entities, errors, cli }
