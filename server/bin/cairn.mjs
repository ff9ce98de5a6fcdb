#!/usr/bin/env node
// The `cairn` command. Runs the TypeScript sources through tsx (decorator types are explicit,
// so no decorator metadata emit is needed).
import { register } from 'tsx/esm/api';
register();
await import('../src/main.ts');
