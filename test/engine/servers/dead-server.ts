/** An MCP server that never starts: it complains on stderr and exits before the handshake. */
process.stderr.write('dead-server: cannot open /nonexistent/config.toml\n');
process.exit(7);
