import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  minifyCssLiterals as minify,
  minifyCssTemplate as minifyTemplate,
} from '../../scripts/minify-css-literals.mjs';

describe('the css`` minifier of the build', () => {
  it('minifies a template and puts each ${…} back where it was, in order', () => {
    const source = [
      "const narrow = unsafeCSS('(max-width: 640px)');",
      'export const a = css`',
      '  /* a comment */',
      '  .sheet {',
      '    height: ${closed};',
      '    color: var(--park-map-text, ${theme.text});',
      '  }',
      '  @container ${narrow} {',
      '    .sheet { height: calc(100% - ${gap}); }',
      '  }',
      '`;',
      'const b = html`<p>  kept  as written </p>`;',
    ].join('\n');
    const out = minify(source);
    expect(out).toContain(
      'css`.sheet{height:${closed};color:var(--park-map-text,${theme.text})}@container ${narrow}{.sheet{height:calc(100% - ${gap})}}`',
    );
    expect(out).not.toContain('a comment');
    expect(out).toContain('html`<p>  kept  as written </p>`');
    expect(out.startsWith("const narrow = unsafeCSS('(max-width: 640px)');")).toBe(true);
  });

  it('an expression with braces and strings of its own is kept whole', () => {
    const body = ".a { width: ${sizes['x'].map((v) => `${v}px`).join(' ')}; }";
    expect(minifyTemplate(body)).toBe(".a{width:${sizes['x'].map((v) => `${v}px`).join(' ')}}");
  });

  it('a template Lightning CSS cannot read is left as written', () => {
    const source = 'const a = css`\n  ..a { color: red; }\n`;';
    expect(minify(source)).toBe(source);
  });

  it('a template with escapes is left as written', () => {
    const source = "const a = css`.a::before { content: '\\\\2014'; }`;";
    expect(minify(source)).toBe(source);
  });

  it("every css`` template of the element's styles is minified (none falls back)", () => {
    const dir = join(import.meta.dirname, '../../src/ui');
    const files = readdirSync(dir).filter(
      (name) => name.endsWith('.styles.ts') || name === 'styles.ts',
    );
    let templates = 0;
    for (const name of files) {
      const out = minify(readFileSync(join(dir, name), 'utf8'));
      for (const match of out.matchAll(/\bcss`([^`]*)`/g)) {
        templates++;
        expect(match[1], `${name}: ${match[1]!.slice(0, 60)}`).not.toMatch(/\n\s|\/\*/);
      }
    }
    expect(templates).toBeGreaterThan(8);
  });
});
