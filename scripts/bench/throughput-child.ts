/**
 * Matcher throughput in a child process, bundled by esbuild as the extension's code is (tsx's
 * module transform turns every imported constant into a getter call, which slows the hot loop about
 * threefold and is not what ships). Prints the rows as one JSON line.
 * Run by scripts/bench.ts as: node out/bench/bundled/throughput-child.js <label> <index.bin> <keys.json> <blocks.json>
 */
import { readFileSync } from 'node:fs';
import { BinaryIndex } from '../../src/core/index/binary';
import { benchThroughput } from './matcher';

const [label, indexPath, keysPath, blocksPath] = process.argv.slice(2);
if (!label || !indexPath || !keysPath || !blocksPath)
  throw new Error('usage: throughput-child <label> <index.bin> <keys.json> <blocks.json>');
const file = readFileSync(indexPath);
const index = new BinaryIndex(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
const keys = JSON.parse(readFileSync(keysPath, 'utf8')) as string[];
const blocks = JSON.parse(readFileSync(blocksPath, 'utf8')) as string[];
console.log(JSON.stringify(benchThroughput(label, index, keys, blocks)));
