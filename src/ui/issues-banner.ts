// The data-problems banner: a count, and the list on demand, each message naming feature and field.
// The list holds one entry per kind of problem (code and severity, see issue-groups.ts): a problem
// met in many features is told once with its count, the others of its kind on demand, so that a
// file with thousands of problems stays readable and quick to draw.
import { html, nothing, type TemplateResult } from 'lit';
import {
  describeLoadedGroup,
  describeLoadedIssue,
  loadedGroupSaysCount,
} from '../data/data-controller.js';
import type { IssueGroup } from '../data/issue-groups.js';
import type { DataIssue } from '../data/types.js';
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/strings.js';

/** How many issues of a group are listed under its sentence (all are in `errors`). */
export const GROUP_LISTED = 50;

export interface IssuesBannerContext {
  lang: Lang;
  open: boolean;
  onToggle: () => void;
}

function renderGroup(group: IssueGroup, lang: Lang): TemplateResult {
  const first = group.examples[0]!;
  if (group.count === 1) {
    return html`<li data-severity=${group.severity} data-code=${group.code}>
      ${describeLoadedIssue(first, lang)}
    </li>`;
  }
  // The count beside the sentence, unless the sentence says it ("339 features have…").
  const saysCount = loadedGroupSaysCount(group);
  const message = describeLoadedGroup(group, lang, !saysCount);
  const listed = group.examples.slice(0, GROUP_LISTED);
  const unlisted = group.count - listed.length;
  return html`<li data-severity=${group.severity} data-code=${group.code} data-count=${group.count}>
    ${
      saysCount
        ? nothing
        : html`<strong class="issues-times"
            >${t(lang, 'problemTimes', { count: group.count })}</strong
          >`
    }
    ${message}
    <details class="issues-more">
      <summary>${t(lang, 'listFirst', { count: listed.length })}</summary>
      <ol>
        ${listed.map((issue) => html`<li>${describeLoadedIssue(issue, lang)}</li>`)}
      </ol>
      ${unlisted > 0 ? html`<p>${t(lang, 'moreNotListed', { count: unlisted })}</p>` : nothing}
    </details>
  </li>`;
}

export function renderIssuesBanner(
  issues: readonly DataIssue[],
  groups: () => readonly IssueGroup[],
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
            ${groups().map((group) => renderGroup(group, lang))}
          </ol>`
        : nothing
    }
  </div>`;
}
