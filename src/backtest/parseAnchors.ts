import { nearest } from '../scenario/nearest.js';
import type { AnchorRef } from './target.js';

const KINDS: readonly AnchorRef['kind'][] = ['prior', 'schedule', 'host', 'event'];
const NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const HOST_FIELD = /^[A-Za-z][A-Za-z0-9]*\.[A-Za-z][A-Za-z0-9]*$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

// What each kind names, for messages.
const FORM: Record<AnchorRef['kind'], string> = {
  prior: 'prior:<parameterName>, e.g. prior:venezuelaDemand2019',
  schedule: 'schedule:<driver-or-lever>, e.g. schedule:population',
  host: 'host:<hostId>.<field>, e.g. host:venezuela.demand',
  event: 'event:<YYYY-MM>, e.g. event:2019-11',
};

/**
 * Reads an anchor cell: `none`, or a `;`-separated list of what the target's figure informed in the
 * scenario's priors (`prior:`, `schedule:`, `host:` or `event:` entries); a message saying what is wrong
 * otherwise. Whether the names exist is checked against scenarios/priors.yaml by the tests, not here.
 */
export function parseAnchors(text: string): readonly AnchorRef[] | string {
  if (text === 'none') return [];
  const items = text.split(';').map((s) => s.trim());
  if (items.some((s) => s === '')) return `empty entry in anchor '${text}': separate entries with a single ';'`;
  if (items.includes('none')) return "'none' cannot be listed with other anchors: write 'none' alone, or only the anchors";
  const out: AnchorRef[] = [];
  for (const item of items) {
    const colon = item.indexOf(':');
    const kindText = colon < 0 ? item : item.slice(0, colon);
    const kind = KINDS.find((k) => k === kindText);
    if (!kind) {
      const guess = nearest(kindText, KINDS);
      return `unknown anchor '${item}'${guess ? `; did you mean '${guess}:'?` : ':'} expected 'none' or entries ${KINDS.map((k) => FORM[k]).join('; ')}`;
    }
    const name = item.slice(colon + 1);
    const valid = kind === 'host' ? HOST_FIELD.test(name) : kind === 'event' ? MONTH.test(name) : NAME.test(name);
    if (colon < 0 || !valid) return `cannot read anchor '${item}': expected ${FORM[kind]}`;
    if (out.some((a) => a.kind === kind && a.name === name)) return `anchor '${item}' is listed twice`;
    out.push({ kind, name });
  }
  return out;
}

/** Each anchor as it is written, `kind:name`. */
export function anchorEntries(anchors: readonly AnchorRef[]): string[] {
  return anchors.map((a) => `${a.kind}:${a.name}`);
}

/** An anchor list as written in a targets file: `none`, or its entries joined by `;`. */
export function anchorText(anchors: readonly AnchorRef[]): string {
  return anchors.length === 0 ? 'none' : anchorEntries(anchors).join(';');
}
