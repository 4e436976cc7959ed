import {EctosmithError} from '../errors.js';

/** The check was cancelled; its mix commands were killed. */
export class CheckCancelledError extends EctosmithError {
	constructor() {
		super('The check was cancelled; its mix commands were stopped.');
	}
}
