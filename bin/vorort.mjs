#!/usr/bin/env node
// The `vorort` command: runs the TypeScript sources through tsx (no separate build step).
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
