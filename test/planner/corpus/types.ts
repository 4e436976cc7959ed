import type {Case} from '../cases.js';

/** A corpus description: a suite case, tagged by what kind of input it is. */
export interface CorpusCase extends Case {
	kind: 'structured' | 'english';
	/** A pattern the plan's stated assumptions or left-out lines must match (it says what it guessed). */
	states?: RegExp;
}
