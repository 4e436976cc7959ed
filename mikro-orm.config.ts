// Configuration for MikroORM tooling. The program builds the same config through source/db/orm.ts,
// for the file chosen by --db / ECTOSMITH_DB / the XDG data folder.
import {ormConfig} from './source/db/config.js';
import {resolveDbPath} from './source/db/orm.js';

export default await ormConfig(resolveDbPath({env: process.env}));
