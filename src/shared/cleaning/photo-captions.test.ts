import { describe, expect, it } from 'vitest'
import { isPhotoCaption } from './photo-captions'

describe('isPhotoCaption', () => {
  it.each([
    'Daily newspapers are stacked at a kiosk in the old town in Tallinn, Feb. 13, 2025.',
    'Strikers gather at the ferry terminal in Helsinki, Sunday, Sept. 4, 2026.',
    'Photo: Jane Doe',
    'Pictured: the new quay at dawn',
    'Photo by Jane Doe for Baltic Daily',
    'Dock workers unload grain at the port of Klaipėda (Reuters)',
    'Dock workers unload grain at the port of Klaipėda. (AP Photo/Jane Doe)',
    'The ferry leaves the harbour at dusk / AP',
    'The ferry leaves the harbour at dusk. Jane Doe/AFP via Getty Images',
    'The ferry leaves the harbour at dusk. Photo: Jane Doe',
    'Passengers wait at the ferry terminal on Tuesday. (Photo: Jane Doe/Baltic Press)',
    'Dockers vote on the offer in the union hall (Photograph by Jane Doe)'
  ])('%j is a caption', (line) => {
    expect(isPhotoCaption(line)).toBe(true)
  })

  it.each([
    'The agreement was signed on Feb. 13, 2025, after months of talks.',
    'The talks began in Moscow. They ended in Riga, Feb. 13, 2025.',
    'Officials told Reuters the port would reopen.',
    'Prices rose 3 / 4 of a point',
    'Port officials met on Monday.',
    'The union (photo agencies included) rejected the offer on Tuesday.'
  ])('%j is not a caption', (line) => {
    expect(isPhotoCaption(line)).toBe(false)
  })
})
