/** SQL column types (MySQL, PostgreSQL, SQLite) as grammar types, with what each mapping assumes. */

export interface Mapped {
	type: string;
	assumption?: string;
}

/** `type` is the SQL type lowercased with its size: `varchar(32)`, `int(11)`, `numeric(10,2)`. */
export function sqlType(raw: string): Mapped | undefined {
	const type = raw.toLowerCase().replace(/\s+/g, ' ').trim();
	const base = type
		.replace(/\(.*$/, '')
		.replace(/ unsigned$/, '')
		.trim();
	if (type.endsWith('[]')) {
		const inner = sqlType(type.slice(0, -2));
		return inner && !inner.type.includes(':') ? {type: `array:${inner.type}`} : undefined;
	}

	if (/^tinyint\(1\)/.test(type) || ['bool', 'boolean', 'bit'].includes(base)) return {type: 'boolean'};
	if (['int', 'integer', 'smallint', 'mediumint', 'tinyint', 'int2', 'int4', 'serial', 'smallserial'].includes(base)) return {type: 'integer'};
	if (['bigint', 'int8', 'bigserial'].includes(base))
		return {type: 'integer', assumption: 'BIGINT as integer (the grammar has no bigint; widen the migration column by hand if the values exceed 2^31)'};
	if (['varchar', 'character varying', 'nvarchar', 'char', 'character', 'nchar', 'citext', 'string', 'varchar2', 'tinytext'].includes(base)) return {type: 'string'};
	if (['text', 'mediumtext', 'longtext', 'clob', 'ntext'].includes(base)) return {type: 'text'};
	if (['decimal', 'numeric', 'money', 'number'].includes(base)) return {type: 'decimal'};
	if (['float', 'double', 'double precision', 'real', 'float4', 'float8'].includes(base)) return {type: 'float'};
	if (base === 'date') return {type: 'date'};
	if (['time', 'time without time zone'].includes(base)) return {type: 'time'};
	if (['timestamptz', 'timestamp with time zone'].includes(base)) return {type: 'utc_datetime'};
	if (['datetime', 'timestamp', 'timestamp without time zone', 'datetime2', 'smalldatetime'].includes(base)) return {type: 'naive_datetime'};
	if (['json', 'jsonb'].includes(base)) return {type: 'map'};
	if (['uuid', 'uniqueidentifier'].includes(base)) return {type: 'uuid'};
	if (['blob', 'bytea', 'binary', 'varbinary', 'longblob', 'mediumblob'].includes(base)) return {type: 'binary'};
	if (base === 'enum' || base === 'set') {
		const values = [...type.matchAll(/'([^']*)'/g)].map(match => match[1]!);
		if (values.length === 0) return undefined;
		return base === 'enum' ? {type: `enum:${values.join(':')}`} : {type: 'array:string', assumption: `SET(${values.join(', ')}) as an array of strings`};
	}

	return undefined;
}
