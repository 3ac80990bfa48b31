import { describe, expect, it } from 'vitest'
import { validBitcoin, validEthereum, validIban, validImo } from './checksums'
import { findSelectors } from './find-selectors'
import { validIpv6 } from './ip-address'

const found = (text: string) => findSelectors(text).map((m) => [m.kind, m.text, m.name])

describe('selectors', () => {
  it('finds e-mail addresses, URLs and bare domains, each once', () => {
    expect(found('Write to Press.Office@Example.org or see https://example.org/a?b=1 (mirror: www.example.net/x).')).toEqual([
      ['email', 'Press.Office@Example.org', 'press.office@example.org'],
      ['url', 'https://example.org/a?b=1', 'https://example.org/a?b=1'],
      ['url', 'www.example.net/x', 'www.example.net/x']
    ])
    expect(found('The site update-lantern.com went dark; bbc.co.uk reported it.')).toEqual([
      ['domain', 'update-lantern.com', 'update-lantern.com'],
      ['domain', 'bbc.co.uk', 'bbc.co.uk']
    ])
  })

  it('refuses file names, abbreviations and versions that look like domains', () => {
    expect(found('See report.pdf, e.g. the U.S. figures, version 3.5 and Mr.Smith.')).toEqual([])
  })

  it('takes IP addresses and refuses out-of-range or clock-like look-alikes', () => {
    expect(found('Servers 185.220.101.47 and 2001:db8:85a3::8a2e:370:7334 and ::1.')).toEqual([
      ['ipv4', '185.220.101.47', '185.220.101.47'],
      ['ipv6', '2001:db8:85a3::8a2e:370:7334', '2001:db8:85a3::8a2e:370:7334'],
      ['ipv6', '::1', '::1']
    ])
    expect(found('Not 256.1.1.1, not 1.2.3.4.5, not at 10:30:15 or 12:00.')).toEqual([])
    expect(validIpv6('1:2:3:4:5:6:7:8')).toBe(true)
    expect(validIpv6('1:2:3:4:5:6:7')).toBe(false)
    expect(validIpv6('1::2::3')).toBe(false)
  })

  it('takes an IBAN only when mod 97 and the country length hold', () => {
    expect(found('Account NL91 ABNA 0417 1643 00 and DE89370400440532013000.')).toEqual([
      ['iban', 'NL91 ABNA 0417 1643 00', 'NL91ABNA0417164300'],
      ['iban', 'DE89370400440532013000', 'DE89370400440532013000']
    ])
    expect(found('Account NL92 ABNA 0417 1643 00.')).toEqual([])
    expect(validIban('NL91ABNA0417164300')).toBe(true)
    expect(validIban('NL91ABNA041716430')).toBe(false)
    expect(validIban('GB82WEST12345698765432')).toBe(true)
    expect(validIban('GB82WEST12345698765433')).toBe(false)
  })

  it('takes an IMO number only with the right check digit', () => {
    expect(found('The tanker (IMO 9395044) and IMO No. 9074729.')).toEqual([
      ['imo', 'IMO 9395044', 'IMO 9395044'],
      ['imo', 'IMO No. 9074729', 'IMO 9074729']
    ])
    expect(found('The tanker (IMO 9395045).')).toEqual([])
    expect(validImo('9395044')).toBe(true)
    expect(validImo('9395040')).toBe(false)
  })

  it('takes Bitcoin addresses whose base58check or bech32 checksum holds', () => {
    expect(found('Pay 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 or bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq.')).toEqual([
      ['btc', '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2'],
      ['btc', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq']
    ])
    // One character changed in each.
    expect(validBitcoin('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3')).toBe(false)
    expect(validBitcoin('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr')).toBe(false)
    expect(found('Pay 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3.')).toEqual([])
  })

  it('takes Ethereum addresses, checking EIP-55 case where the case is mixed', () => {
    expect(found('Wallet 0x52908400098527886E0F7030069857D2E4169EE7.')).toEqual([
      ['eth', '0x52908400098527886E0F7030069857D2E4169EE7', '0x52908400098527886e0f7030069857d2e4169ee7']
    ])
    expect(validEthereum('0x52908400098527886e0f7030069857d2e4169ee7')).toBe(true)
    expect(validEthereum('0x52908400098527886E0F7030069857D2E4169Ee7')).toBe(false)
  })

  it('takes international phone numbers and leaves other digit runs alone', () => {
    expect(found('Call +372 663 0299 or 0044 20 7946 0958.')).toEqual([
      ['phone', '+372 663 0299', '+3726630299'],
      ['phone', '0044 20 7946 0958', '+442079460958']
    ])
    expect(found('In 2024 it cost 1 250 000 euros; ref 12-345-678.')).toEqual([])
  })

  it('gives offsets that cut the exact text from the article', () => {
    const text = 'Contact: a@b.io, then https://x.org/p).'
    for (const m of findSelectors(text)) expect(text.slice(m.start, m.end)).toBe(m.text)
  })
})
