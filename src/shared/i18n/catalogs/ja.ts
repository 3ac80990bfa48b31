// One locale's catalogs, one JSON file per namespace (see docs/translating.md).
import common from './ja/common.json'
import shell from './ja/shell.json'
import commands from './ja/commands.json'
import menu from './ja/menu.json'
import settings from './ja/settings.json'
import library from './ja/library.json'
import reader from './ja/reader.json'
import notes from './ja/notes.json'
import search from './ja/search.json'
import exportMessages from './ja/export.json'
import cases from './ja/cases.json'
import claims from './ja/claims.json'
import ach from './ja/ach.json'
import entities from './ja/entities.json'
import errors from './ja/errors.json'
import cli from './ja/cli.json'

export default { common, shell, commands, menu, settings, library, reader, notes, search, export: exportMessages, cases, claims, ach, entities, errors, cli }
