import {join} from 'node:path';
import test from 'ava';
import {packageRoot} from '../../../source/package-root.js';
import {onSmallDisk, smallDiskAvailable} from '../../helpers/small-disk.js';

const script = (name: string) => join(packageRoot(), 'test', 'helpers', 'small-disk', name);

test('a project whose disk is full gets one clear line from a writing call, and no empty write lock is left', async t => {
	if (!smallDiskAvailable(t)) return t.pass();
	const found = await onSmallDisk<{isError: boolean; text: string; build: string[]; lib: string[]}>(t, script('lock-on-full-disk.ts'), 512);
	t.true(found.isError);
	t.regex(found.text, /no space is left on its disk \(ENOSPC\)/);
	t.notRegex(found.text, /Internal error/);
	t.false(found.text.includes('\n'), 'one line');
	t.deepEqual(found.build, [], 'no lock file (nor its folder) left in _build');
	t.false(found.lib.includes('blog'), 'nothing was written');
});
