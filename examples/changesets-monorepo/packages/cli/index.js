#!/usr/bin/env node
import { greet } from '@acme/core';

console.log(greet(process.argv[2] ?? 'world'));
