/**
 * The settings' shape, defaults and repair: pure, no storage API, so the
 * content script can read settings without the storage library
 * (platform/settings-read.ts) while the background and our pages use the
 * versioned WXT storage item in platform/settings.ts. Both share the key and
 * normalizeSettings.
 */
import { ENTITIES, type EntityId, isEntityId } from './entities';

export type TextSize = 'small' | 'medium' | 'large';

export interface Settings {
  /** Highlighting on pages, everywhere. */
  enabled: boolean;
  /** Which entities are highlighted. */
  entities: Record<EntityId, boolean>;
  /** Highlight colour per entity, "#rrggbb". */
  colors: Record<EntityId, string>;
  /** Origins ("https://example.com") where highlighting is paused. */
  pausedOrigins: string[];
  /** Reading text size in the side panel and popup. */
  textSize: TextSize;
}

export const SETTINGS_VERSION = 2;

/** The sync storage key (WXT item `sync:settings`). */
export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enabled: true,
  entities: Object.fromEntries(ENTITIES.map((e) => [e.id, e.core])) as Record<EntityId, boolean>,
  colors: Object.fromEntries(ENTITIES.map((e) => [e.id, e.color])) as Record<EntityId, string>,
  pausedOrigins: [],
  textSize: 'medium',
}) as Settings;

const HEX_COLOR = /^#[0-9a-f]{6}$/i;
const MAX_PAUSED_ORIGINS = 1000;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** "https://example.com/x" or "example.com" -> "https://example.com"; null when it is not an http(s) origin. */
export function toOrigin(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** Any stored value -> valid Settings, field by field. */
export function normalizeSettings(raw: unknown): Settings {
  const d = DEFAULT_SETTINGS;
  if (!isRecord(raw)) return structuredClone(d);
  const entities = { ...d.entities };
  if (isRecord(raw.entities)) {
    for (const [k, v] of Object.entries(raw.entities)) if (isEntityId(k) && typeof v === 'boolean') entities[k] = v;
  }
  const colors = { ...d.colors };
  if (isRecord(raw.colors)) {
    for (const [k, v] of Object.entries(raw.colors))
      if (isEntityId(k) && typeof v === 'string' && HEX_COLOR.test(v)) colors[k] = v.toLowerCase();
  }
  const pausedOrigins = Array.isArray(raw.pausedOrigins)
    ? [
        ...new Set(
          raw.pausedOrigins
            .filter((o): o is string => typeof o === 'string')
            .map(toOrigin)
            .filter((o): o is string => o !== null),
        ),
      ].slice(0, MAX_PAUSED_ORIGINS)
    : [];
  return {
    // A version 1 value keeps its `highlight` switch (the background migrates it only when it starts).
    enabled:
      typeof raw.enabled === 'boolean' ? raw.enabled : typeof raw.highlight === 'boolean' ? raw.highlight : d.enabled,
    entities,
    colors,
    pausedOrigins,
    textSize:
      raw.textSize === 'small' || raw.textSize === 'large' || raw.textSize === 'medium' ? raw.textSize : d.textSize,
  };
}

/**
 * Version 1 (the first release) stored `{ highlight: boolean, entities?: { wechat, taobao, alibaba } }`.
 * Version 2 renamed `highlight` to `enabled` and added colours, paused sites, related entities and text size.
 */
export function migrateV1toV2(old: unknown): Settings {
  if (!isRecord(old)) return structuredClone(DEFAULT_SETTINGS);
  const { highlight, ...rest } = old;
  return normalizeSettings({ ...rest, enabled: typeof highlight === 'boolean' ? highlight : rest.enabled });
}

/** Is highlighting active for this page URL under these settings? */
export function isActiveFor(settings: Settings, pageUrl: string): boolean {
  if (!settings.enabled) return false;
  const origin = toOrigin(pageUrl);
  return origin === null || !settings.pausedOrigins.includes(origin);
}
