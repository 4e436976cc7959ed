/**
 * Words and punctuation of an English description, lowercased. Hyphenated words become one
 * snake_case word (`e-mail` → `e_mail`); colon syntax (`notes:string`) stays one token; anything
 * else that is not a word, number or list punctuation is kept as its own token so it can be
 * reported as unreadable rather than dropped.
 */
const PATTERNS: RegExp[] = [
	/[a-z_][a-z0-9_]*(?::[a-z0-9_]+)+/y,
	/[a-z_][a-z0-9_]*(?:-[a-z0-9_]+)*(?:'s)?/y,
	/\d+(?:\.\d+)?/y,
	/[,()&/|:;-]/y,
	/[^\s,()&/|:;]+/y,
];

export function tokenize(text: string): string[] {
	const source = text.toLowerCase().replace(/[’‘]/g, "'");
	const tokens: string[] = [];
	let at = 0;
	while (at < source.length) {
		if (/\s/.test(source[at]!)) {
			at++;
			continue;
		}

		for (const pattern of PATTERNS) {
			pattern.lastIndex = at;
			const match = pattern.exec(source);
			if (!match) continue;
			tokens.push(match[0].replaceAll('-', match[0].length > 1 ? '_' : '-').replace(/'s$/, ''));
			at += match[0].length;
			break;
		}
	}

	// A sentence's final full stop is not part of the last word.
	return tokens.map(token => (token.length > 1 ? token.replace(/\.+$/, '') : token)).filter(token => token !== '.' && token.length > 0);
}

const WORD = /^[a-z][a-z0-9_]*$/;
export function isWord(token: string | undefined): token is string {
	return token !== undefined && WORD.test(token);
}

export function isNumber(token: string | undefined): token is string {
	return token !== undefined && /^\d+(?:\.\d+)?$/.test(token);
}
