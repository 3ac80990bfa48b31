#!/usr/bin/env node
/**
 * `node scripts/generate-icons.mjs`: every icon the installers need, from the one source image
 * resources/icon.svg. The generated files are committed; run this again after changing the SVG.
 *
 * Only what is installed already: Chromium (through Playwright, as the e2e tests use it) draws the
 * SVG at each size, and the .ico and .icns containers are written here, both holding PNG images.
 *
 *   resources/icons/<N>x<N>.png  Linux (AppImage, deb) and the window icon, 16–1024 px
 *   resources/icons/icon.png     1024 px, electron-builder's fallback
 *   resources/icons/icon.ico     Windows: 16, 24, 32, 48, 64, 128, 256
 *   resources/icons/icon.icns    macOS: 16–1024 including the @2x variants
 */
import { chromium } from '@playwright/test'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SOURCE = join(ROOT, 'resources', 'icon.svg')
const OUT = join(ROOT, 'resources', 'icons')
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
/** ICNS element types that hold PNG data, with their pixel size. */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512]
]

/** A Windows icon: a directory of images, each stored as PNG (supported since Windows Vista). */
export function encodeIco(images) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(images.length, 4)
  let offset = 6 + 16 * images.length
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16)
    entry.writeUInt8(size >= 256 ? 0 : size, 0) // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1)
    entry.writeUInt8(0, 2)
    entry.writeUInt8(0, 3)
    entry.writeUInt16LE(1, 4)
    entry.writeUInt16LE(32, 6)
    entry.writeUInt32LE(png.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += png.length
    return entry
  })
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)])
}

/** A macOS icon: 'icns', the total length, then (type, length, PNG) elements. */
export function encodeIcns(elements) {
  const parts = elements.map(({ type, png }) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const header = Buffer.alloc(8)
  header.write('icns', 0, 'ascii')
  header.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4)
  return Buffer.concat([header, ...parts])
}

async function render(svg, sizes) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
  try {
    const page = await browser.newPage()
    const pngs = new Map()
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size })
      const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
      await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="${dataUrl}" width="${size}" height="${size}">`)
      await page.locator('img').evaluate((img) => img.decode())
      pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }))
    }
    return pngs
  } finally {
    await browser.close()
  }
}

async function main() {
  const svg = readFileSync(SOURCE, 'utf8')
  const pngs = await render(svg, PNG_SIZES)
  mkdirSync(OUT, { recursive: true })
  for (const size of PNG_SIZES) writeFileSync(join(OUT, `${size}x${size}.png`), pngs.get(size))
  writeFileSync(join(OUT, 'icon.png'), pngs.get(1024))
  writeFileSync(join(OUT, 'icon.ico'), encodeIco(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))))
  writeFileSync(join(OUT, 'icon.icns'), encodeIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: pngs.get(size) }))))
  console.log(`icons: ${PNG_SIZES.length} PNG sizes, icon.ico and icon.icns in ${OUT}`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(`generate-icons: ${err instanceof Error ? err.message : String(err)}`)
    process.exitCode = 1
  })
}
