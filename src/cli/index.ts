// Runs the CLI with the process arguments (bin/concerto.js imports the compiled form).
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
