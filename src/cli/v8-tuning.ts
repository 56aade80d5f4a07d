// V8 inlining budget for the simulator's hot path. One event runs a deep chain of small calls
// (engine -> orchestrator core -> policy -> host -> recorders -> event heap); with V8's default
// cumulative inlining budget part of that chain stays out-of-line, and measured side by side the
// engine runs about 10% slower (bench/README.md). Raising the budget changes only how much the
// JIT inlines, never a result. Imported first by the CLI entry point, before anything is hot;
// flags are process-wide, so worker threads inherit them.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--max-inlined-bytecode-size=1000');
setFlagsFromString('--max-inlined-bytecode-size-cumulative=4000');
