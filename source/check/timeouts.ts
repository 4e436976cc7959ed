/**
 * The step timeouts of a check server, from its entry's env: ECTOSMITH_CHECK_TIMEOUT_MS for every
 * step, ECTOSMITH_CHECK_<STEP>_TIMEOUT_MS for one (COMPILE, MIGRATIONS, TEST, FORMAT).
 */
import {EctosmithError} from '../errors.js';
import {type CheckStepName, checkStepNames} from '../tool-results/check-result.js';

export class CheckTimeoutError extends EctosmithError {}

function parse(name: string, value: string): number {
	const number = Number(value);
	if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number <= 0) {
		throw new CheckTimeoutError(`${name} must be a positive whole number of milliseconds, not ${JSON.stringify(value)}`);
	}

	return number;
}

export function timeoutsFromEnv(env: NodeJS.ProcessEnv): Partial<Record<CheckStepName, number>> {
	const timeouts: Partial<Record<CheckStepName, number>> = {};
	const all = env['ECTOSMITH_CHECK_TIMEOUT_MS'];
	for (const step of checkStepNames) {
		const name = `ECTOSMITH_CHECK_${step.toUpperCase()}_TIMEOUT_MS`;
		const value = env[name] ?? all;
		if (value !== undefined && value !== '') timeouts[step] = parse(env[name] === undefined ? 'ECTOSMITH_CHECK_TIMEOUT_MS' : name, value);
	}

	return timeouts;
}
