/** "All rights reserved" after the sign, in the languages analysts read most: no holder's name. */
const RIGHTS =
  'all rights|riproduzione riservata|tutti i diritti|alle rechte|tous droits|todos los derechos|todos os direitos|alle rechten|wszelkie prawa|все права|всі права|tüm hakları|alla rättigheter|alle rettigheder|kaikki oikeudet'
const ALL_RIGHTS = new RegExp(`^(?:${RIGHTS})`, 'iu')
/** "© 2026 北海日報 All rights reserved": the phrase after the name, with no stop between. */
const RIGHTS_AFTER_NAME = new RegExp(`\\s+(?:${RIGHTS})[^.;|]*$`, 'iu')

const COPYRIGHT = /^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?([^.;|]+?)\s*(?:[.;|].*)?$/iu

/**
 * Who holds the copyright a footer line claims: "© 2025 Baltic Press. All rights reserved.",
 * "Copyright 2025 The Associated Press.", "Copyright © 2026 Example Media Ltd, 1 Fleet Lane,
 * London." (the address after the name is not part of it). Null for a line that names no one.
 */
export function copyrightHolder(line: string): string | null {
  // "Copyright The Baltic Courier Ltd 2026.": the year after the name is not part of it.
  const holder = COPYRIGHT.exec(line)?.[1]
    ?.replace(RIGHTS_AFTER_NAME, '')
    .replace(/[\s,]+\d{4}(?:\s*[-–]\s*\d{4})?$/u, '')
    // "© 2026 Baltic Shipping News - All rights reserved.": the dash before the phrase goes with it.
    .replace(/\s+[-–—·]$/u, '')
    .replace(/,\s*\d.*$/u, '')
    .trim()
  if (holder && holder.length >= 2 && holder.length <= 80 && /\p{L}/u.test(holder) && holder.split(/\s+/).length <= 6 && !ALL_RIGHTS.test(holder)) return holder
  return null
}
