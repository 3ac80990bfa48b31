// One locale's catalogs, one JSON file per namespace (see docs/translating.md).
import common from './fr/common.json'
import shell from './fr/shell.json'
import commands from './fr/commands.json'
import menu from './fr/menu.json'
import settings from './fr/settings.json'
import library from './fr/library.json'
import reader from './fr/reader.json'
import notes from './fr/notes.json'
import search from './fr/search.json'
import exportMessages from './fr/export.json'
import cases from './fr/cases.json'
import claims from './fr/claims.json'
import ach from './fr/ach.json'
import entities from './fr/entities.json'
import errors from './fr/errors.json'
import cli from './fr/cli.json'

export default { common, shell, commands, menu, settings, library, reader, notes, search, export: exportMessages, cases, claims, ach, entities, errors, cli }
