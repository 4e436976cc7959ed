/**
 * Stored env values and headers are secrets: lists, logs, exports and the screen show a mask unless
 * the user asks (--show-secrets, or "reveal" in the form). A value that is only a reference to our
 * environment (`${GITHUB_TOKEN}`) holds no secret and is shown as it is. Secrets also hide in
 * arguments (`--token=x`, `--api-key x`), URL query strings (`?key=x`), a URL's password and the
 * keys we keep of other clients (`oauth.clientSecret`): those are masked the same way.
 */
import {isRecord} from '../is-record.js';
import {isSecretKey} from '../log/redact.js';
import type {ServerFields} from './entry-fields.js';
import {isPassList} from './env-pass.js';
import {isOnlyReferences} from './env-references.js';

export const SECRET_MASK = '********';

export function maskValue(value: string): string {
	return isOnlyReferences(value) ? value : SECRET_MASK;
}

export function maskValues(values: Record<string, string>, show = false): Record<string, string> {
	return show ? {...values} : Object.fromEntries(Object.entries(values).map(([key, value]) => [key, isPassList(key, value) ? value : maskValue(value)]));
}

/** How many values a mask would hide. */
export function maskedCount(values: Record<string, string> | null | undefined): number {
	return Object.entries(values ?? {}).filter(([key, value]) => !isPassList(key, value) && maskValue(value) === SECRET_MASK).length;
}

/** A name that holds a secret: isSecretKey's, and anything ending in token, secret, password or credential(s). */
export function isSecretName(name: string): boolean {
	return isSecretKey(name) || /(?:token|secret|password|passwd|credentials?|apikey|sig|signature)$/.test(name.toLowerCase().replaceAll(/[-_.]/g, ''));
}

/** A value as masked, and whether it was. */
interface Masked<T> {
	value: T;
	masked: number;
}

const hidden = (value: string): string => (isOnlyReferences(value) ? value : SECRET_MASK);

// `?token=x`, `&api_key=x`; the user-info password of `https://user:pass@host`.
const QUERY_PARAMETER = /([?&;])([^=&;#\s]+)=([^&;#\s]*)/g;
const USER_PASSWORD = /(\/\/[^/:@\s]+:)([^@/\s]+)(@)/g;
const BEARER = /\b(Bearer|Basic)(\s+)(?!\$\{)([\w.~+/=-]{6,})/gi;
// Google API keys have a recognisable shape wherever they appear.
const GOOGLE_API_KEY = /\bAIza[\w-]{35}\b/g;

/** Text (a URL, an argument) with query-string secrets, URL passwords, bearer tokens and Google keys masked. */
export function maskInText(text: string): Masked<string> {
	let masked = 0;
	const count = (replacement: string, original: string) => {
		if (replacement !== original) masked++;
		return replacement;
	};
	const value = text
		.replace(QUERY_PARAMETER, (match, lead: string, name: string, item: string) => (isSecretName(name) && item !== '' ? count(`${lead}${name}=${hidden(item)}`, match) : match))
		.replace(USER_PASSWORD, (match, lead: string, password: string, at: string) => count(`${lead}${hidden(password)}${at}`, match))
		.replace(BEARER, (match, scheme: string, space: string, token: string) => count(`${scheme}${space}${hidden(token)}`, match))
		.replace(GOOGLE_API_KEY, () => count(SECRET_MASK, ''));
	return {value, masked};
}

/**
 * Arguments with secrets masked: `--token=x` and `TOKEN=x` by their name, the argument after a
 * flag such as `--api-key`, and whatever maskInText finds inside any argument.
 */
export function maskArgs(args: string[]): Masked<string[]> {
	let masked = 0;
	const value = args.map((arg, index) => {
		const previous = index > 0 ? args[index - 1]! : '';
		const flag = /^-{1,2}([A-Za-z][\w.-]*)$/.exec(previous);
		if (flag && isSecretName(flag[1]!) && !arg.startsWith('-') && hidden(arg) !== arg) {
			masked++;
			return SECRET_MASK;
		}

		const assignment = /^(-{0,2}[A-Za-z_][\w.-]*)=(.+)$/s.exec(arg);
		if (assignment && isSecretName(assignment[1]!.replace(/^-+/, '')) && hidden(assignment[2]!) !== assignment[2]) {
			masked++;
			return `${assignment[1]}=${SECRET_MASK}`;
		}

		const inText = maskInText(arg);
		masked += inText.masked;
		return inText.value;
	});
	return {value, masked};
}

type SecretFields = Pick<ServerFields, 'args' | 'env' | 'url' | 'headers' | 'clientKeys'>;

/** An entry's secrets masked (env and header values, args, the URL, other clients' keys) unless shown, with how many were. */
export function maskEntrySecrets<T extends SecretFields>(server: T, show = false): {entry: T; masked: number} {
	if (show) return {entry: server, masked: 0};
	const args = maskArgs(server.args);
	const url = server.url === null ? undefined : maskInText(server.url);
	const keys = server.clientKeys === null ? undefined : maskClientKeys(server.clientKeys);
	const entry: T = {
		...server,
		args: args.value,
		env: maskValues(server.env),
		url: url?.value ?? null,
		headers: server.headers ? maskValues(server.headers) : null,
		clientKeys: keys?.value ?? null,
	};
	return {entry, masked: args.masked + (url?.masked ?? 0) + (keys?.masked ?? 0) + maskedCount(server.env) + maskedCount(server.headers)};
}

/** Other clients' keys with every string under a secret-looking key (at any depth) masked, and strings scanned as text. */
export function maskClientKeys(keys: Record<string, unknown>): Masked<Record<string, unknown>> {
	let masked = 0;
	const walk = (item: unknown, secretKey: boolean): unknown => {
		if (typeof item === 'string') {
			if (secretKey && hidden(item) !== item) {
				masked++;
				return SECRET_MASK;
			}

			const inText = maskInText(item);
			masked += inText.masked;
			return inText.value;
		}

		if (Array.isArray(item)) return item.map(entry => walk(entry, secretKey));
		if (isRecord(item)) return Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, walk(entry, secretKey || isSecretName(key))]));
		return item;
	};
	const value = walk(keys, false) as Record<string, unknown>;
	return {value, masked};
}
