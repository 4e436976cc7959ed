/**
 * The one error the generators throw. Its message is written for a model (or a person) to act on:
 * it names the bad part of the input and says what is allowed.
 */
import {EctosmithError} from '../errors.js';
export class GeneratorError extends EctosmithError {
	constructor(message: string) {
		super(message);
		this.name = 'GeneratorError';
	}
}
