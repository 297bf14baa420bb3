/** The side panel's search in the article: the query, its hits and the current one, scrolled to as it moves. */
import { computed, signal } from '@preact/signals';
import { ARTICLE_BLOCKS, searchBlocks } from '@/components/search-model';
import type { PanelScroll } from './scroll';

export class ArticleSearch {
  readonly query = signal('');
  readonly current = signal<number | null>(null);
  readonly hits = computed(() => searchBlocks(ARTICLE_BLOCKS, this.query.value));

  constructor(private readonly scroll: PanelScroll) {}

  set(q: string): void {
    this.query.value = q;
    this.current.value = this.hits.value.length > 0 ? 0 : null;
    if (this.current.value !== null) this.scroll.toHit(this.current.value);
  }

  step(direction: 1 | -1): void {
    const total = this.hits.value.length;
    if (total === 0) return;
    const cur = this.current.value;
    this.current.value = cur === null ? (direction === 1 ? 0 : total - 1) : (cur + direction + total) % total;
    this.scroll.toHit(this.current.value);
  }
}
