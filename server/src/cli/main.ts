// Scaffold, replaced by the CLI host.
process.stderr.write('deploy-doctor: not built yet\n');
process.exit(2);
