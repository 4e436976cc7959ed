/**
 * The alternate screen: entered when the TUI starts and left on every way out (q, Ctrl-C twice,
 * an error, SIGTERM), so the user's scrollback is as it was. Leaving twice is harmless.
 */
const ENTER = '\u001B[?1049h\u001B[H';
const LEAVE = '\u001B[?25h\u001B[?1049l';

export interface AlternateScreen {
	enter(): void;
	leave(): void;
	readonly inside: boolean;
}

export function alternateScreen(out: NodeJS.WriteStream): AlternateScreen {
	let inside = false;
	return {
		enter() {
			if (inside) return;
			out.write(ENTER);
			inside = true;
		},
		leave() {
			if (!inside) return;
			out.write(LEAVE);
			inside = false;
		},
		get inside() {
			return inside;
		},
	};
}
