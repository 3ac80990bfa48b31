/**
 * Packaging for macOS, Windows and Linux (decision 0013). `npm run dist` builds the app and
 * packages it for this platform; `npm run dist:mac|win|linux` names one. Packaging downloads
 * Electron, so it cannot run on CI; src/packaging/builder-config.test.ts checks this file against
 * electron-builder's schema and checks that every file it names exists.
 *
 * Notarization (macOS) is off unless DOSSIER_NOTARIZE=1, with Apple's credentials in the
 * environment as electron-builder reads them (APPLE_API_KEY, APPLE_API_KEY_ID, APPLE_API_ISSUER,
 * or APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID).
 */
const notarize = process.env.DOSSIER_NOTARIZE === '1'

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.dossier.desktop',
  productName: 'Dossier',
  copyright: 'Copyright © 2026 Dossier developers',
  directories: { output: 'dist', buildResources: 'resources' },
  files: [
    'out/**/*',
    '!out/**/*.map',
    'package.json',
    // The Electron-ABI SQLite build the beforePack hook made for this target (decision 0002).
    'native/electron-*/better_sqlite3.node',
    // better-sqlite3's own (Node-ABI) build and sources are of no use inside the app.
    '!node_modules/better-sqlite3/{build,deps,src}/**/*',
    '!**/*.{md,markdown,d.ts,map}',
    '!**/{test,tests,__tests__,docs,example,examples}/**/*'
  ],
  // A .node file cannot be loaded from inside an asar archive. pdf.js's standard fonts and
  // character maps are read by plain fs calls in the parse workers (pdf-document.ts looks in
  // app.asar.unpacked first): unpacked, they never depend on asar support inside worker threads.
  asarUnpack: ['native/**/*', 'node_modules/pdfjs-dist/standard_fonts/**/*', 'node_modules/pdfjs-dist/cmaps/**/*'],
  // electron-builder would rebuild node_modules/better-sqlite3 in place for Electron and break the
  // Node-ABI build the tests, the CLI and browser mode load; the beforePack hook builds it apart.
  npmRebuild: false,
  beforePack: './scripts/packaging/before-pack.cjs',
  afterPack: './scripts/packaging/after-pack.cjs',
  protocols: [{ name: 'Dossier link', schemes: ['dossier'] }],
  fileAssociations: [],
  mac: {
    category: 'public.app-category.productivity',
    icon: 'resources/icons/icon.icns',
    target: [
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] }
    ],
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'resources/entitlements.mac.plist',
    entitlementsInherit: 'resources/entitlements.mac.inherit.plist',
    notarize
  },
  dmg: { title: '${productName} ${version}' },
  win: {
    icon: 'resources/icons/icon.ico',
    target: [{ target: 'nsis', arch: ['x64', 'arm64'] }]
  },
  nsis: {
    // Per user, no administrator rights, and the analyst picks the folder.
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    installerIcon: 'resources/icons/icon.ico',
    uninstallerIcon: 'resources/icons/icon.ico',
    // The library lives in the user-data folder and stays when Dossier is uninstalled.
    deleteAppDataOnUninstall: false
  },
  linux: {
    icon: 'resources/icons',
    target: [
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] }
    ],
    category: 'Office',
    executableName: 'dossier',
    maintainer: 'Dossier developers <dev@dossier.invalid>',
    synopsis: 'Offline research notes for analysts',
    description: 'Import articles, highlight passages, annotate them and export your notes to Markdown. Works offline.',
    desktop: {
      entry: {
        Name: 'Dossier',
        GenericName: 'Research Notes',
        Comment: 'Offline research notes for analysts',
        Categories: 'Office;Education;Literature;',
        Keywords: 'notes;highlights;research;articles;markdown;',
        // The dossier:// links of exported notes open the app (with the link in argv).
        MimeType: 'x-scheme-handler/dossier;',
        StartupWMClass: 'Dossier'
      }
    }
  },
  deb: { priority: 'optional' }
}
