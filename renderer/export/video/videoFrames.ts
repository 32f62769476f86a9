/**
 * The frames of a clip, drawn from the log offscreen: the picture (title,
 * timeline, the stage's place) rasterised once, then per frame the stage at
 * the playhead (when the picture has one), a veil over the timeline's future,
 * the playhead, and the run time and speed in a corner.
 */
import type { Lang } from '../../../shared/api';
import { formatDuration } from '../../i18n/format';
import { EXPORT_TEXT } from '../../i18n/exportText';
import { pictureSvgText, type PictureLayout } from '../pictureSvg';
import { svgImage } from '../rasterize';
import { SVG_PALETTES } from '../svgTheme';
import { speedText, type VideoPlan } from './videoPlan';

/** How much of the paper veils the timeline's future (what has not happened yet at the playhead). */
export const VEIL_OPACITY = 0.72;

/** A frame's size: 4:2:0 video wants even sides. */
export function evenSize(size: { width: number; height: number }): { width: number; height: number } {
  return { width: size.width + (size.width % 2), height: size.height + (size.height % 2) };
}

/** The stage's standalone SVG at a run time (renderer/stage's stageSvgText). */
export type StageDrawing = (t: number) => string;

export class VideoFrames {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private stageText = '';
  private stageImage: HTMLImageElement | null = null;

  private constructor(
    private readonly layout: PictureLayout,
    private readonly background: CanvasImageSource,
    private readonly plan: VideoPlan,
    private readonly lang: Lang,
    private readonly stage: StageDrawing | null,
    readBack: boolean,
  ) {
    this.canvas = document.createElement('canvas');
    Object.assign(this.canvas, evenSize(layout));
    // A GIF reads every frame's pixels back: a canvas kept in memory answers that fastest.
    const ctx = this.canvas.getContext('2d', { willReadFrequently: readBack });
    if (!ctx) throw new Error('no 2D canvas for the video');
    this.ctx = ctx;
  }

  /** `readBack`: the frames' pixels will be read (a GIF), not handed to a video encoder. */
  static async create(layout: PictureLayout, title: string, plan: VideoPlan, lang: Lang, stage: StageDrawing | null, readBack = false): Promise<VideoFrames> {
    // Drawn once into pixels: an SVG image drawn again each frame would be rendered again each frame.
    const picture = await svgImage(pictureSvgText(layout, title, null));
    const background = document.createElement('canvas');
    background.width = layout.width;
    background.height = layout.height;
    background.getContext('2d')?.drawImage(picture, 0, 0, layout.width, layout.height);
    return new VideoFrames(layout, background, plan, lang, layout.stage ? stage : null, readBack);
  }

  /** The frame painted last, as RGBA pixels (a copy the caller owns). */
  pixels(): Uint8ClampedArray<ArrayBuffer> {
    return this.ctx.getImageData(0, 0, this.canvas.width, this.canvas.height).data;
  }

  /** Draw the frame that shows run time `t`. */
  async paint(t: number): Promise<void> {
    const { ctx, layout } = this;
    const palette = SVG_PALETTES[layout.theme];
    ctx.fillStyle = palette.paper;
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.drawImage(this.background, 0, 0);
    if (this.stage && layout.stage) {
      const text = this.stage(t);
      // A still stage (nothing moved since the last frame) is not decoded again.
      if (text !== this.stageText || !this.stageImage) {
        this.stageImage = await svgImage(text);
        this.stageText = text;
      }
      ctx.drawImage(this.stageImage, 0, layout.stage.y, layout.stage.width, layout.stage.height);
    }
    if (layout.timeline) this.paintPlayhead(t);
    this.paintClock(t);
  }

  private paintPlayhead(t: number): void {
    const { ctx } = this;
    const timeline = this.layout.timeline;
    if (!timeline) return;
    const { axis } = timeline.picture;
    const palette = SVG_PALETTES[this.layout.theme];
    const x = axis.plotX + (t - axis.scale.start) * axis.scale.pxPerUs;
    const top = timeline.y + axis.top + axis.height;
    const bottom = timeline.y + axis.bottom;
    const right = axis.plotX + axis.scale.width;
    if (x < right) {
      // What has not happened yet at the playhead, veiled.
      const from = Math.max(axis.plotX, x);
      ctx.globalAlpha = VEIL_OPACITY;
      ctx.fillStyle = palette.paper;
      ctx.fillRect(from, top, right - from, bottom - top);
      ctx.globalAlpha = 1;
    }
    if (x < axis.plotX || x > right) return;
    ctx.fillStyle = palette.ink;
    ctx.fillRect(Math.round(x) - 1, top, 2.5 * axis.u, bottom - top);
    ctx.beginPath();
    ctx.moveTo(x - 8 * axis.u, top - 12 * axis.u);
    ctx.lineTo(x + 8 * axis.u, top - 12 * axis.u);
    ctx.lineTo(x, top);
    ctx.closePath();
    ctx.fill();
  }

  /** The run time at the playhead, and the speed, top right. */
  private paintClock(t: number): void {
    const { ctx, layout } = this;
    const palette = SVG_PALETTES[layout.theme];
    const u = layout.width / 1280;
    const words = EXPORT_TEXT[this.lang];
    const speed = speedText(this.plan.speed, this.lang);
    const label = `${formatDuration(Math.max(0, t), this.lang)}  ·  ${this.plan.teaching ? words.teachingSpeed(speed) : words.speed(speed)}`;
    ctx.font = `600 ${Math.round(18 * u)}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`;
    ctx.textBaseline = 'middle';
    const w = ctx.measureText(label).width;
    const x = layout.width - 28 * u - w - 12 * u;
    const y = 22 * u;
    ctx.fillStyle = palette.axisBand;
    ctx.strokeStyle = palette.axisLine;
    ctx.lineWidth = u;
    ctx.beginPath();
    ctx.roundRect(x, y, w + 24 * u, 34 * u, 6 * u);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = palette.ink;
    ctx.fillText(label, x + 12 * u, y + 17 * u);
  }
}
