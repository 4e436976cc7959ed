/** A server that dies before speaking MCP, like one with a broken config. */
process.stderr.write('starting fixture\n');
process.stderr.write('fatal: cannot open config file /nonexistent/settings.toml\n');
process.exit(1);
