// One locale's catalogs, one JSON file per namespace (see docs/translating.md).
import common from './ar/common.json'
import shell from './ar/shell.json'
import commands from './ar/commands.json'
import menu from './ar/menu.json'
import settings from './ar/settings.json'
import library from './ar/library.json'
import reader from './ar/reader.json'
import notes from './ar/notes.json'
import search from './ar/search.json'
import exportMessages from './ar/export.json'
import cases from './ar/cases.json'
import claims from './ar/claims.json'
import ach from './ar/ach.json'
import entities from './ar/entities.json'
import errors from './ar/errors.json'
import cli from './ar/cli.json'

export default { common, shell, commands, menu, settings, library, reader, notes, search, export: exportMessages, cases, claims, ach, entities, errors, cli }
