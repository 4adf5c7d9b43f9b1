// The timeline: the as-of date as a WAI-ARIA slider over the dates the data's history has, plus
// "latest" at its end, and a play/pause button that steps through them. Loaded on first use (a
// chunk of its own, see chunks/timeline-chunk.ts), drawn only when the data has dated stages.
// Keyboard: ←/↓ one date back, →/↑ one on, Home the first date, End the latest, PageUp/PageDown
// five dates; Space/Enter on the play button. Playing only steps (one date a while, never a
// moving animation), so it suits prefers-reduced-motion as it is.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import type { ParkStore } from '../state/park-store.js';
import type { Lang } from '../i18n/lang.js';
import { dateInWords, dayOf } from '../state/as-of.js';

/** How long each date is shown while playing (ms). */
export const PLAY_STEP_MS = 1200;

const TEXT = {
  'zh-CN': {
    group: '时间轴',
    slider: '截至日期',
    latest: '最新',
    play: '播放时间轴',
    pause: '暂停时间轴',
  },
  en: {
    group: 'Timeline',
    slider: 'As-of date',
    latest: 'Latest',
    play: 'Play the timeline',
    pause: 'Pause the timeline',
  },
} as const;

export class ParkMapTimeline extends LitElement {
  static override properties = {
    dates: { attribute: false },
    value: { attribute: false },
    language: { attribute: false },
    playing: { state: true },
  };

  // Placement: in the measuring toolbar's column (measure-panel.ts), under the toolbar however
  // many rows it takes, clear of the details panel at the left and the zoom buttons at the right.
  static override styles = css`
    :host {
      display: block;
      width: min(260px, 100%);
    }
    .timeline {
      display: flex;
      align-items: center;
      gap: 8px;
      box-sizing: border-box;
      height: 40px;
      padding: 4px 10px;
      background: var(--park-map-panel-background, #fff);
      color: var(--park-map-text, #1f1f1f);
      border-radius: var(--park-map-radius, 6px);
      box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3);
      font: inherit;
    }
    button {
      flex: none;
      min-width: 32px;
      min-height: 32px;
      font: inherit;
      border: 1px solid var(--park-map-muted, #4a4a4a);
      border-radius: var(--park-map-radius, 6px);
      background: var(--park-map-panel-background, #fff);
      color: var(--park-map-text, #1f1f1f);
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: var(--park-map-accent, #0b57d0);
      color: var(--park-map-accent-text, #fff);
    }
    .track {
      position: relative;
      flex: 1 1 auto;
      min-width: 80px;
      height: 32px;
      cursor: pointer;
      touch-action: none;
    }
    .rail {
      position: absolute;
      left: 0;
      right: 0;
      top: 14px;
      height: 4px;
      border-radius: 2px;
      background: #c7c7c7;
    }
    .fill {
      position: absolute;
      left: 0;
      top: 14px;
      height: 4px;
      border-radius: 2px;
      background: var(--park-map-accent, #0b57d0);
    }
    .thumb {
      position: absolute;
      top: 7px;
      width: 18px;
      height: 18px;
      margin-left: -9px;
      border-radius: 50%;
      background: var(--park-map-accent, #0b57d0);
      border: 2px solid var(--park-map-panel-background, #fff);
      box-sizing: border-box;
      box-shadow: 0 0 0 1px var(--park-map-accent, #0b57d0);
    }
    .track:focus-visible {
      outline: 2px solid var(--park-map-focus, #0b57d0);
      outline-offset: 2px;
      border-radius: 4px;
    }
    .value {
      flex: none;
      min-width: 6.5em;
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
  `;

  /** The dates, oldest first; the step after the last is "latest". */
  dates: readonly string[] = [];
  /** The as-of date, or null: the latest. */
  value: string | null = null;
  language: Lang = 'zh-CN';
  private playing = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private dragging = false;

  /** The step shown: the date's index, or the last step (latest). */
  private get step(): number {
    if (this.value === null) return this.dates.length;
    const at = this.dates.indexOf(this.value);
    if (at !== -1) return at;
    // A date the data does not have: the step of the latest date on or before it.
    let step = -1;
    const day = dayOf(this.value);
    for (let i = 0; i < this.dates.length; i++) if (dayOf(this.dates[i]!) <= day) step = i;
    return Math.max(step, 0);
  }

  private words(step: number): string {
    const date = this.dates[step];
    return date === undefined ? TEXT[this.language].latest : dateInWords(date, this.language);
  }

  /** Moves to a step and tells the element (a `park-map-timeline-change` with the date). */
  private go(step: number): void {
    const last = this.dates.length;
    const next = Math.min(Math.max(step, 0), last);
    if (next === this.step && this.value === (this.dates[next] ?? null)) return;
    this.value = this.dates[next] ?? null;
    this.dispatchEvent(
      new CustomEvent<{ date: string | null }>('park-map-timeline-change', {
        detail: { date: this.value },
      }),
    );
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    const step = this.step;
    const moves: Record<string, number> = {
      ArrowLeft: step - 1,
      ArrowDown: step - 1,
      ArrowRight: step + 1,
      ArrowUp: step + 1,
      PageDown: step - 5,
      PageUp: step + 5,
      Home: 0,
      End: this.dates.length,
    };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    // Keys of the slider stay in it (not the map's own arrow keys).
    event.stopPropagation();
    this.stop();
    this.go(to);
  };

  private stepAt(event: PointerEvent): number {
    const track = event.currentTarget as HTMLElement;
    const box = track.getBoundingClientRect();
    const ratio = box.width > 0 ? (event.clientX - box.left) / box.width : 0;
    return Math.round(Math.min(Math.max(ratio, 0), 1) * this.dates.length);
  }

  private readonly onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    const track = event.currentTarget as HTMLElement;
    track.setPointerCapture(event.pointerId);
    track.focus();
    this.dragging = true;
    this.stop();
    this.go(this.stepAt(event));
  };

  private readonly onPointerMove = (event: PointerEvent) => {
    if (this.dragging) this.go(this.stepAt(event));
  };

  private readonly onPointerUp = () => {
    this.dragging = false;
  };

  private toggle(): void {
    if (this.playing) {
      this.stop();
      return;
    }
    // From the latest, playing starts over at the first date.
    if (this.step >= this.dates.length) this.go(0);
    this.playing = true;
    this.timer = setInterval(() => {
      this.go(this.step + 1);
      if (this.step >= this.dates.length) this.stop();
    }, PLAY_STEP_MS);
  }

  private stop(): void {
    this.playing = false;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  protected override render(): TemplateResult {
    const text = TEXT[this.language];
    const step = this.step;
    const last = this.dates.length;
    const percent = last > 0 ? (step / last) * 100 : 100;
    const words = this.words(step);
    return html`<div class="timeline" part="timeline" role="group" aria-label=${text.group}>
      <button
        type="button"
        class="play"
        aria-pressed=${this.playing ? 'true' : 'false'}
        aria-label=${this.playing ? text.pause : text.play}
        title=${this.playing ? text.pause : text.play}
        @click=${() => this.toggle()}
      >
        <span aria-hidden="true">${this.playing ? '❚❚' : '▶'}</span>
      </button>
      <div
        class="track"
        role="slider"
        tabindex="0"
        aria-label=${text.slider}
        aria-valuemin="0"
        aria-valuemax=${String(last)}
        aria-valuenow=${String(step)}
        aria-valuetext=${words}
        aria-orientation="horizontal"
        @keydown=${this.onKeyDown}
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerUp}
        @pointercancel=${this.onPointerUp}
      >
        <div class="rail"></div>
        <div class="fill" .style=${`width: ${percent}%`}></div>
        <div class="thumb" .style=${`left: ${percent}%`}></div>
      </div>
      <span class="value" aria-hidden="true">${words}</span>
    </div>`;
  }
}

if (!customElements.get('park-map-timeline')) {
  customElements.define('park-map-timeline', ParkMapTimeline);
}

/**
 * The timeline for the element, when its data has dated stages (nothing otherwise): `onChange`
 * gets the date chosen (null: latest).
 */
export function renderTimeline(
  store: ParkStore,
  lang: Lang,
  onChange: (date: string | null) => void,
): TemplateResult | typeof nothing {
  if (store.historyDates.length === 0) return nothing;
  return html`<park-map-timeline
    class="timeline-control"
    exportparts="timeline"
    .dates=${store.historyDates}
    .value=${store.asOf}
    .language=${lang}
    @park-map-timeline-change=${(event: CustomEvent<{ date: string | null }>) =>
      onChange(event.detail.date)}
  ></park-map-timeline>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'park-map-timeline': ParkMapTimeline;
  }
}
