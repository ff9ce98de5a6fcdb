import 'reflect-metadata';
import { runCli } from './cli/cli';

await runCli(process.argv);
