/**
 * The planner's headline said of a dry run: what a real run would do ("Would add slug to
 * Blog.Post"), never what was done, since nothing was written.
 */
const VERBS: Array<[RegExp, string]> = [
	[/^generated\b/i, 'would generate'],
	[/^added\b/i, 'would add'],
	[/^wrote\b/i, 'would write'],
	[/^created\b/i, 'would create'],
	[/^updated\b/i, 'would update'],
];

function clause(text: string): string {
	const said = text.replace(/\bso it is created\b/g, 'so it would be created').replace(/^Nothing was generated\b/, 'Nothing would be generated');
	for (const [verb, would] of VERBS) if (verb.test(said)) return said.replace(verb, would);
	return said;
}

export function wouldHeadline(headline: string): string {
	const said = headline.split('; ').map(clause).join('; ');
	return said.charAt(0).toUpperCase() + said.slice(1);
}
