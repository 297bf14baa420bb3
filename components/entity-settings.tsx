/**
 * One row per entity on the options page: on/off, colour, a preview of the
 * highlight on a light and a dark page, and a warning when the colour fails
 * the contrast check there.
 */

import { t } from '@/platform/i18n';
import type { Entity } from '@/utils/entities';
import type { EntityId } from '@/utils/types';
import { checkHighlight, formatRatio, HIGHLIGHT_ALPHA, MIN_TEXT_RATIO, PAGE_BACKGROUNDS, parseHex } from './contrast';
import { entityName } from './labels';

export interface EntityRowProps {
  entity: Entity;
  enabled: boolean;
  color: string;
  onToggle: (id: EntityId, on: boolean) => void;
  /** Live while picking. */
  onColorInput: (id: EntityId, color: string) => void;
  /** Committed (stored). */
  onColorChange: (id: EntityId, color: string) => void;
}

function rgba(hex: string, alpha: number): string {
  const c = parseHex(hex) ?? [0, 0, 0];
  return `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${alpha})`;
}

export function ContrastWarnings({ id, color }: { id: EntityId; color: string }) {
  const failing = checkHighlight(color).filter((c) => !c.ok);
  return (
    <>
      {failing.map((c) => (
        <p
          key={c.page}
          class="notice contrast-warning"
          data-testid="contrast-warning"
          data-entity={id}
          data-page={c.page}
        >
          {c.textRatio < MIN_TEXT_RATIO
            ? t('contrast_text', [
                entityName(id),
                t(`page_${c.page}`),
                formatRatio(c.textRatio),
                String(MIN_TEXT_RATIO),
              ])
            : t('contrast_visible', [entityName(id), t(`page_${c.page}`)])}
        </p>
      ))}
    </>
  );
}

export function EntityRow({ entity, enabled, color, onToggle, onColorInput, onColorChange }: EntityRowProps) {
  const id = entity.id;
  const name = entityName(id);
  return (
    <li class="entity-row" data-entity={id}>
      <div class="entity-main">
        <input
          id={`entity-${id}`}
          type="checkbox"
          data-testid="entity-toggle"
          data-entity={id}
          checked={enabled}
          onChange={(e) => onToggle(id, e.currentTarget.checked)}
        />
        <label for={`entity-${id}`} class="entity-label">
          <span class="entity-name">{name}</span>
          <span class="aliases muted">{entity.aliases.join(', ')}</span>
        </label>
        <label class="visually-hidden" for={`color-${id}`}>
          {t('color_for', name)}
        </label>
        <input
          id={`color-${id}`}
          type="color"
          data-testid="entity-color"
          data-entity={id}
          value={color}
          onInput={(e) => onColorInput(id, e.currentTarget.value)}
          onChange={(e) => onColorChange(id, e.currentTarget.value)}
        />
      </div>
      <div class="previews" aria-hidden="true">
        {PAGE_BACKGROUNDS.map((page) => (
          <span key={page.id} class="preview" style={{ background: page.background, color: page.text }}>
            <span style={{ background: rgba(color, HIGHLIGHT_ALPHA) }}>{entity.name}</span>
          </span>
        ))}
      </div>
      <ContrastWarnings id={id} color={color} />
    </li>
  );
}
