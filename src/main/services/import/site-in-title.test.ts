import { describe, expect, it } from 'vitest'
import { siteInTitle } from './site-in-title'

describe('the site named at the end of a page title', () => {
  it.each([
    ['Fernwärme wird teurer – Rheinische Rundschau', ['Fernwärme wird teurer: Stadtwerke erhöhen um 18 Prozent'], 'Rheinische Rundschau', 'Fernwärme wird teurer'],
    ['Grain corridor talks stall | World | The Meridian Post', ['Grain corridor talks stall as insurers balk'], 'The Meridian Post', 'Grain corridor talks stall | World'],
    ['Les ports se préparent à l’hiver - Le Courrier du Nord', [null, 'Les ports se préparent à l’hiver'], 'Le Courrier du Nord', 'Les ports se préparent à l’hiver'],
    ['港湾スト、3週目に突入 物流に影響広がる｜北海日報', ['港湾スト、3週目に突入 物流に影響広がる'], '北海日報', '港湾スト、3週目に突入 物流に影響広がる'],
    // The kind of page before the headline the page prints.
    ['Press release: Ministry publishes review of flood defences - Ministry of Environment', [null, 'Ministry publishes review of flood defences'], 'Ministry of Environment', 'Press release: Ministry publishes review of flood defences'],
    // Some sites put their name first.
    ['Northern Gazette - Council approves tram extension after five-year wait', [null, 'Council approves tram extension after five-year wait'], 'Northern Gazette', 'Council approves tram extension after five-year wait'],
    // A title written shorter than the headline the page prints.
    ['Northwind Bio Reports Phase 2 Results | GlobeNewswire', [null, 'Northwind Bio Reports Positive Phase 2 Results for NW-201'], 'GlobeNewswire', 'Northwind Bio Reports Phase 2 Results']
  ])('%j names %j', (title, headlines, site, head) => {
    expect(siteInTitle(title, headlines)).toEqual({ site, head, headline: headlines.find(Boolean) })
  })

  it.each([
    // A series and its number, not a publisher.
    ['Supply Chain Resilience in Critical Minerals — Policy Brief No. 14', ['Supply Chain Resilience in Critical Minerals']],
    // The headline itself has a colon or a dash: nothing before it is the page's headline.
    ['Ports: the winter plan', ['A different story altogether']],
    ['Why ferries stop - and when they return', ['Why ferries stop - and when they return']],
    ['Harbour fees rise - Minister Responds', ['Harbour fees rise - Minister Responds']],
    ['Harbour fees rise again this winter - and then', ['Harbour fees rise again this winter']],
    ['No separator here', ['No separator here']],
    // Words of the headline, but not from its start, or too few to tell.
    ['Phase 2 Results Reported | GlobeNewswire', ['Northwind Bio Reports Positive Phase 2 Results Reported']],
    ['Northwind Bio Results | GlobeNewswire', ['Northwind Bio Reports Positive Results']],
    ['Ice – Port News', ['Ice']],
    // A section before the headline is no site.
    ['Opinion | Council approves tram extension after five-year wait', ['Council approves tram extension after five-year wait']],
    ['LIVE - Harbour strike enters its second day', ['Harbour strike enters its second day']]
  ])('%j names no site', (title, headlines) => {
    expect(siteInTitle(title, headlines)).toBeNull()
  })
})
