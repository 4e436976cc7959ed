/** The file URL of tsx's loader, for `node --import <it>` children run from any cwd. */
export const tsxLoader = import.meta.resolve('tsx');
