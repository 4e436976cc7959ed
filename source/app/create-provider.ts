/**
 * Picks the provider for a run. Without --provider: a script file means scripted, a Gemini key
 * means gemini, otherwise the offline planner (so the product works with nothing configured).
 * An explicit choice is honoured or refused with a message that says what to do.
 */

import {UsageError} from '../errors.js';
import {GeminiProvider, type GeminiProviderOptions} from '../llm/gemini.js';
import {type LlmProvider, ProviderError, type ProviderName, parseProviderName} from '../llm/provider.js';
import {ScriptedProvider} from '../llm/scripted.js';
import {RecordingProvider} from '../llm/scripted-recorder.js';
import type {Logger} from '../log/types.js';
import {OfflineProvider} from '../planner/offline-provider.js';

export {PROVIDER_NAMES, parseProviderName} from '../llm/provider.js';

export interface CreateProviderOptions {
	provider?: ProviderName;
	/** The workflow's llm_model or --model; used by gemini (the others have fixed names). */
	model?: string;
	/** Where the key and GOOGLE_GEMINI_BASE_URL are read; default process.env. */
	env?: NodeJS.ProcessEnv;
	/** The fixture the scripted provider plays (--script). */
	scriptFile?: string;
	/** Save the session as a scripted fixture after every turn (--record). */
	recordFile?: string;
	logger?: Logger;
	/** The offline planner refuses a plan that needed an assumption (--strict). */
	strict?: boolean;
	/** Gemini retry/backoff tuning (tests pass a fast sleep). */
	gemini?: Pick<GeminiProviderOptions, 'retry' | 'maxInvalidAnswerAttempts'>;
}

export function createProvider(options: CreateProviderOptions = {}): LlmProvider {
	const env = options.env ?? process.env;
	const provider = chooseProvider(options, env);
	return options.recordFile ? new RecordingProvider(provider, options.recordFile) : provider;
}

/** The Gemini key, GEMINI_API_KEY first; blank values count as unset. */
export function geminiApiKey(env: NodeJS.ProcessEnv): string | undefined {
	return env.GEMINI_API_KEY?.trim() || env.GOOGLE_API_KEY?.trim() || undefined;
}

function chooseProvider(options: CreateProviderOptions, env: NodeJS.ProcessEnv): LlmProvider {
	// The flag arrives as a string from the command line: check it here, whatever the type says.
	const requested = options.provider === undefined ? undefined : parseProviderName(String(options.provider));
	const logger = options.logger?.child('llm');
	const key = geminiApiKey(env);

	if (requested === 'scripted' || (requested === undefined && options.scriptFile)) {
		if (!options.scriptFile) {
			throw new UsageError('The scripted provider plays a recorded conversation: pass --script FILE (e.g. fixtures/conversations/blog.json).');
		}
		return new ScriptedProvider(options.scriptFile);
	}
	const offline = () => new OfflineProvider(options.strict ? {strict: true} : {});
	if (requested === 'offline') return offline();
	if (requested === 'gemini' || (requested === undefined && key)) {
		if (!key) {
			throw new ProviderError('The gemini provider needs an API key: set GEMINI_API_KEY (or GOOGLE_API_KEY), or use --provider offline.');
		}
		const baseUrl = env.GOOGLE_GEMINI_BASE_URL?.trim() || undefined;
		return new GeminiProvider({apiKey: key, model: options.model, baseUrl, logger, ...options.gemini});
	}
	return offline();
}
