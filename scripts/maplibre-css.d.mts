// Types of scripts/maplibre-css.mjs (plain JavaScript, run by Vite and by the benchmark).
import type { Plugin } from 'vite';

export const UNUSED_CONTROLS: readonly string[];
export function pruneMapLibreCss(css: string): string;
export function maplibreCssPlugin(): Plugin;
