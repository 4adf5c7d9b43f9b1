// The data-problems banner: a count, and the list on demand, each message naming feature and field.
import { html, nothing, type TemplateResult } from 'lit';
import { describeLoadedIssue } from '../data/data-controller.js';
import type { DataIssue } from '../data/types.js';
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/strings.js';

export interface IssuesBannerContext {
  lang: Lang;
  open: boolean;
  onToggle: () => void;
}

export function renderIssuesBanner(
  issues: readonly DataIssue[],
  context: IssuesBannerContext,
): TemplateResult | typeof nothing {
  if (issues.length === 0) return nothing;
  const { lang, open } = context;
  const hasErrors = issues.some((issue) => issue.severity === 'error');
  return html`<div class="issues ${hasErrors ? 'has-errors' : ''}" part="issues" role="status">
    <span class="issues-count">${t(lang, 'dataProblems', { count: issues.length })}</span>
    <button
      type="button"
      class="issues-toggle"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="park-map-issues-list"
      @click=${context.onToggle}
    >
      ${open ? t(lang, 'hideProblems') : t(lang, 'showProblems')}
    </button>
    ${
      open
        ? html`<ol id="park-map-issues-list" class="issues-list">
            ${issues.map(
              (issue) =>
                html`<li data-severity=${issue.severity} data-code=${issue.code}>
                  ${describeLoadedIssue(issue, lang)}
                </li>`,
            )}
          </ol>`
        : nothing
    }
  </div>`;
}
