import {homedir} from 'node:os';
import {join, resolve} from 'node:path';
import test from 'ava';
import {resolveDbPath} from '../../source/db/orm.js';

test('default path is under XDG_DATA_HOME, else ~/.local/share', t => {
	t.is(resolveDbPath({env: {XDG_DATA_HOME: '/data/xdg'}}), '/data/xdg/ectosmith/ectosmith.db');
	t.is(resolveDbPath({env: {HOME: '/home/someone'}}), '/home/someone/.local/share/ectosmith/ectosmith.db');
	t.is(resolveDbPath({env: {}}), join(homedir(), '.local/share/ectosmith/ectosmith.db'));
	// The XDG spec says a relative value is invalid and must be ignored.
	t.is(resolveDbPath({env: {XDG_DATA_HOME: 'relative/dir', HOME: '/h'}}), '/h/.local/share/ectosmith/ectosmith.db');
});

test('ECTOSMITH_DB overrides the default and --db overrides both', t => {
	const env = {XDG_DATA_HOME: '/data/xdg', ECTOSMITH_DB: '/env/choice.db'};
	t.is(resolveDbPath({env}), '/env/choice.db');
	t.is(resolveDbPath({env, db: '/flag/choice.db'}), '/flag/choice.db');
	t.is(resolveDbPath({env, db: 'relative.db'}), resolve('relative.db'));
	t.is(resolveDbPath({env: {ECTOSMITH_DB: '', XDG_DATA_HOME: '/x'}}), '/x/ectosmith/ectosmith.db');
	t.throws(() => resolveDbPath({env, db: ' '}), {message: /--db needs a file path/});
});
