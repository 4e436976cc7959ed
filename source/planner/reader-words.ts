/** The words the description reader's grammar turns on (see reader.ts). */
export const SEPARATORS = new Set([',', 'and', '&', 'plus']);
export const BELONG = new Set(['belong', 'belongs', 'belonging']);
export const HAVE = new Set(['has', 'have', 'having', 'with', 'contain', 'contains', 'containing', 'include', 'includes', 'including']);
export const JOIN = new Set(['join', 'joins', 'joining', 'link', 'links', 'linking', 'connect', 'connects', 'connecting', 'between']);
export const OWN_VERBS = new Set(['place', 'places', 'make', 'makes', 'write', 'writes', 'own', 'owns', 'create', 'creates', 'post', 'posts', 'send', 'sends', 'book', 'books', 'borrow', 'borrows', 'submit', 'submits', 'leave', 'leaves', 'publish', 'publishes', 'manage', 'manages', 'run', 'runs', 'upload', 'uploads', 'cast', 'casts']);
export const KEYWORDS = new Set([...HAVE, ...BELONG, ...JOIN, 'that', 'which', 'who', 'whose', 'where', 'and', 'or', 'is', 'are', 'to', 'of', 'plus', 'as', 'for', 'in', 'on', 'by', 'can', 'each', 'every', 'both', 'many', 'also', 'then', 'use', 'using', 'already', 'exist', 'exists']);
export const NAME_LEAD = new Set(['also', 'then', 'finally', 'plus', 'each', 'every', 'and', 'all', 'many', 'some', 'several', 'multiple']);
export const MAX_ENTITY_WORDS = 3;
/** Field names that are usually a fixed set of values: "status: draft, sent, paid". */
export const ENUM_NAMES = new Set(['status', 'state', 'kind', 'type', 'role', 'category', 'level', 'priority', 'stage', 'plan', 'tier', 'visibility', 'mode', 'severity', 'phase', 'size', 'color', 'colour', 'gender', 'frequency']);
/** Heads of a framing phrase that name the kind of software, not the domain. */
export const GENERIC_HEADS = new Set(['app', 'application', 'system', 'platform', 'site', 'website', 'service', 'tool', 'tracker', 'manager', 'project', 'backend', 'api', 'database', 'db', 'portal', 'software', 'program', 'solution', 'saas', 'webapp', 'thing', 'schema', 'schemas', 'model', 'models', 'table', 'tables', 'data']);
export const FRAMING_ADJECTIVES = new Set(['simple', 'small', 'basic', 'little', 'tiny', 'minimal', 'new', 'quick', 'personal', 'full', 'complete', 'web', 'mobile', 'phoenix', 'elixir']);
export const PLEASANTRIES = new Set(['hi', 'hello', 'hey', 'thanks', 'thank', 'you', 'please', 'cheers', 'ok', 'okay', 'following', 'below', 'this', 'these']);
