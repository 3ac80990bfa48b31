/**
 * A short article written for Dossier, so a first-time user can try highlighting at once.
 * It is shaped like what analysts receive: a headline, a dateline, and some site chrome at the end.
 */
export const SAMPLE_ARTICLE_NAME = 'sample-harbour-ice.txt'

export const SAMPLE_ARTICLE_TEXT = `Harbour authorities weigh icebreaker pact as Baltic winter tightens

Published: 3 November 2026

By Mira Kalnins, Staff writer

RIGA, Latvia — Port operators along the eastern Baltic are negotiating a shared icebreaker schedule for the first time in a decade, after two mild winters left several fleets short of crews and spare parts.

“Nobody wants to be the port that closes for a week in February,” said Andris Ozols, who manages cargo planning at a mid-sized terminal. “A shared rota costs less than a single stranded grain ship.”

The draft agreement, seen by this newspaper, would pool four vessels and let any signatory call on the nearest one. Insurers have pushed for it quietly; premiums for winter sailings rose by nearly a fifth last season.

Critics say the pact favours the larger ports, which would host the vessels and set the priorities. Smaller harbours want a guaranteed minimum of escort hours written into the text before they sign.

Meteorologists expect a colder season than the last two, though forecasts this far ahead remain uncertain. A decision on the pact is due before the end of the month.

Share this article

Related

Subscribe to our newsletter
`
