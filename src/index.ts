// The action's entry point: nothing but running `main`, so tests can import `main` without side effects.
import { run } from './main.js';

process.exitCode = await run();
