/**
 * A picture for a slide: the timeline, the stage, or the stage over the
 * timeline (as on screen), under one title. Each part is a standalone SVG
 * drawn from the log; here they are stacked as nested <svg> elements in one
 * document. Pure: the stage's drawing is passed in (renderer/stage makes it).
 */
import type { Lang } from '../../shared/api';
import type { TimeWindow } from '../model/viewport';
import type { PictureContent } from '../i18n/exportText';
import { pictureHeader, runSubtitle } from './svgHeader';
import { SVG_PALETTES, type ExportTheme } from './svgTheme';
import { SLIDE_WIDTH, timelinePicture, type TimelinePicture, type TimelineSource } from './timelineSvg';
import { el, escapeXml } from './xml';

export interface PictureOptions {
  content: PictureContent;
  lang: Lang;
  title: string;
  theme: ExportTheme;
  width?: number;
  /** The stage's height over its width (the live stage's shape); 0.42 by default. */
  stageAspect?: number;
  /** A playhead on the timeline (µs), or none. */
  cursor?: number | null;
}

/** Where each part of the picture goes. */
export interface PictureLayout {
  width: number;
  height: number;
  theme: ExportTheme;
  /** Title and totals, when the timeline does not carry them itself. */
  header: { svg: string; height: number } | null;
  stage: { y: number; width: number; height: number; unit: number } | null;
  timeline: { y: number; picture: TimelinePicture } | null;
}

export function pictureLayout(run: TimelineSource, window: TimeWindow, o: PictureOptions): PictureLayout {
  const width = Math.max(320, Math.round(o.width ?? SLIDE_WIDTH));
  const u = width / SLIDE_WIDTH;
  const palette = SVG_PALETTES[o.theme];
  if (o.content === 'timeline') {
    const picture = timelinePicture(run, window, { lang: o.lang, title: o.title, width, theme: o.theme, cursor: o.cursor });
    return { width, height: picture.height, theme: o.theme, header: null, stage: null, timeline: { y: 0, picture } };
  }
  const header = pictureHeader(o.title, runSubtitle(run.index.counters, window, o.lang), width, u, palette);
  const aspect = Math.min(0.6, Math.max(0.3, o.stageAspect ?? 0.42));
  const stageHeight = Math.round(width * aspect);
  const stage = { y: Math.round(header.height), width, height: stageHeight, unit: Math.max(1, u) };
  if (o.content === 'stage') {
    return { width, height: Math.round(stage.y + stageHeight + 12 * u), theme: o.theme, header, stage, timeline: null };
  }
  const picture = timelinePicture(run, window, { lang: o.lang, title: o.title, width, theme: o.theme, cursor: o.cursor, header: false });
  const timelineY = stage.y + stageHeight;
  return { width, height: timelineY + picture.height, theme: o.theme, header, stage, timeline: { y: timelineY, picture } };
}

/** A standalone SVG document `doc` placed at (0, y) inside another. */
export function nestSvg(doc: string, y: number): string {
  const body = firstAttributesOnly(doc.replace(/^<\?xml[^>]*\?>\s*/, '').trim());
  return body.replace(/^<svg\b/, `<svg x="0" y="${Math.round(y)}"`);
}

/**
 * The document with its root tag's attributes each given once (the first
 * wins). The stage's standalone SVG sets its pixel size before the live
 * element's width="100%": an attribute twice is not XML, and an <img> of it would not load.
 */
export function firstAttributesOnly(doc: string): string {
  const end = doc.indexOf('>');
  if (!doc.startsWith('<svg') || end < 0) return doc;
  const seen = new Set<string>();
  const tag = doc.slice(0, end).replace(/\s([\w:-]+)="[^"]*"/g, (whole, name: string) => {
    if (seen.has(name)) return '';
    seen.add(name);
    return whole;
  });
  return tag + doc.slice(end);
}

/** The whole picture as one SVG document; `stageSvg` is the stage's own document (stageSvgText), or null to leave its place empty. */
export function pictureSvgText(layout: PictureLayout, title: string, stageSvg: string | null): string {
  const palette = SVG_PALETTES[layout.theme];
  if (!layout.header && layout.timeline && !layout.stage) return layout.timeline.picture.svg;
  const parts =
    el('rect', { width: layout.width, height: layout.height, fill: palette.paper }) +
    (layout.header?.svg ?? '') +
    (layout.stage && stageSvg ? nestSvg(stageSvg, layout.stage.y) : '') +
    (layout.timeline ? nestSvg(layout.timeline.picture.svg, layout.timeline.y) : '');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" ` +
    `font-family="system-ui, -apple-system, &apos;Segoe UI&apos;, Roboto, &apos;Noto Sans&apos;, sans-serif" role="img" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title>${parts}</svg>\n`
  );
}
