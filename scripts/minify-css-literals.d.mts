// Types of scripts/minify-css-literals.mjs (plain JavaScript, run by Vite and by the benchmark).
import type { Plugin } from 'vite';

export function minifyCssTemplate(body: string): string | undefined;
export function minifyCssLiterals(code: string): string;
export function minifyCssLiteralsPlugin(): Plugin;
