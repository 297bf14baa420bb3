/**
 * Highlighting's life in this frame: settings and the page's URL decide whether the engine runs; turning off stops
 * it and reports the frame paused. Every summary goes to `report` (which sends it to the background).
 */
import { ENTITY_IDS } from '@/utils/entities';
import { isActiveFor, type Settings } from '@/utils/settings-schema';
import type { EntityId, FrameSummary } from '@/utils/types';
import { createEngine } from './engine';
import type { Engine } from './types';

function enabledEntities(s: Settings): EntityId[] {
  return ENTITY_IDS.filter((id) => s.entities[id]);
}

export function pausedSummary(url: string): FrameSummary {
  return { url, mentions: [], total: 0, capped: false, paused: true };
}

export interface LifecycleHooks {
  /** A new summary of this frame. */
  report(summary: FrameSummary): void;
  /** The engine is stopping: take our things off the page. */
  stopping(): void;
}

export class Lifecycle {
  engine: Engine | null = null;
  private engineAbort: AbortController | null = null;
  private last: FrameSummary;

  constructor(
    private readonly doc: Document,
    public settings: Settings,
    private readonly hooks: LifecycleHooks,
    signal: AbortSignal,
  ) {
    this.last = pausedSummary(this.url());
    signal.addEventListener('abort', () => this.stop(false), { once: true });
  }

  /** The last summary reported. */
  get summary(): FrameSummary {
    return this.last;
  }

  /** New settings: start, update or stop the engine. */
  apply(next: Settings): void {
    this.settings = next;
    if (!isActiveFor(next, this.url())) {
      if (this.engine || !this.last.paused) this.stop(true);
      else this.report(pausedSummary(this.url()));
    } else if (this.engine) {
      this.engine.update({ entities: enabledEntities(next), colors: next.colors });
    } else {
      this.start();
    }
  }

  /** Report this frame's summary again (our pages asked). */
  reportAgain(): void {
    this.report(this.engine ? this.engine.summary() : pausedSummary(this.url()));
  }

  /** SPA navigation: the URL changed (paused sites are per origin, and the summary carries the URL). */
  locationChanged(): void {
    if (this.engine && isActiveFor(this.settings, this.url())) this.report(this.engine.summary());
    else this.apply(this.settings);
  }

  /** Stops the engine; `announce` reports the frame paused. */
  stop(announce: boolean): void {
    this.hooks.stopping();
    this.engineAbort?.abort();
    this.engineAbort = null;
    this.engine = null;
    if (announce) this.report(pausedSummary(this.url()));
  }

  private start(): void {
    this.engineAbort = new AbortController();
    const engine = createEngine(this.doc, {
      entities: enabledEntities(this.settings),
      colors: this.settings.colors,
      onChange: (s) => this.report(s),
      signal: this.engineAbort.signal,
    });
    this.engine = engine;
    void engine.start();
  }

  private report(summary: FrameSummary): void {
    this.last = summary;
    this.hooks.report(summary);
  }

  private url(): string {
    return this.doc.location?.href ?? location.href;
  }
}
