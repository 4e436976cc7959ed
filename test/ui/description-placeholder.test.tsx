import test from 'ava';
import React, {useState} from 'react';
import {DescriptionBox} from '../../source/ui/components/description-box.js';
import {press, render, settled} from './_frames.js';

// The placeholder's text, dim (SGR 2) up to the reset of dim (SGR 22).
const DIM_EXAMPLE = /\u001B\[2me\.g\. add a unique slug to posts\u001B\[22m/;

function Box({followUp}: {followUp: boolean}) {
	const [value, setValue] = useState('');
	return <DescriptionBox value={value} onChange={setValue} onSubmit={() => undefined} recent={[]} onEditor={() => undefined} width={60} height={5} focused active busy={false} followUp={followUp} />;
}

test('the description placeholder reads as an example, wholly dim, the cursor apart from it; the first key removes it', async t => {
	const app = render(<Box followUp />);
	t.teardown(() => app.unmount());
	await settled();
	const styled = app.styledFrame()!;
	t.regex(styled, DIM_EXAMPLE, 'every letter of the example is dim, none under the cursor');
	t.regex(app.lastFrame()!, /› {2}e\.g\. add a unique slug to posts/, 'the cursor is a blank of its own before the example');
	await press(app, 'x');
	t.regex(app.lastFrame()!, /› x/);
	t.notRegex(app.lastFrame()!, /e\.g\.|unique slug/, 'the example is gone at the first key');
});

test('a new conversation has its own example, dim too', async t => {
	const app = render(<Box followUp={false} />);
	t.teardown(() => app.unmount());
	await settled();
	t.regex(app.styledFrame()!, /\u001B\[2me\.g\. posts with title and body/);
});
