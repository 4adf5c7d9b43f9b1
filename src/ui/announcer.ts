// The text the element announces to screen readers (the list's live region): the selection, a
// filter's result, a copied link. Whoever announces last is heard.
import type { ReactiveControllerHost } from 'lit';

export class Announcer {
  text = '';

  constructor(private readonly host: ReactiveControllerHost) {}

  say(text: string): void {
    this.text = text;
    this.host.requestUpdate();
  }
}
