/**
 * The page lifecycle against the events Electron 45 emits, in the order it
 * emits them (shell/browser/api/electron_api_web_contents.cc and
 * electron_navigation_throttle.cc): did-start-navigation when any navigation
 * starts, will-navigate after it for those the page asks for, and one commit
 * event only for navigations that were not cancelled.
 */
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchPageLifecycle, type WatchedContents } from './page-lifecycle';

class Contents extends EventEmitter {
  reloads = 0;
  destroyed = false;
  constructor() {
    super();
    // The hardening (hardening.ts) refuses every navigation the page asks for.
    const refuse = (event: { preventDefault(): void }): void => event.preventDefault();
    this.on('will-frame-navigate', refuse);
    this.on('will-navigate', refuse);
  }
  reload(): void {
    this.reloads++;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** A navigation as Electron reports it; returns whether it went on to commit. */
  navigate(url: string, opts: { main?: boolean; sameDocument?: boolean; byPage?: boolean; errorPage?: boolean } = {}): boolean {
    const main = opts.main ?? true;
    this.emit('did-start-navigation', { url, isMainFrame: main, isSameDocument: opts.sameDocument ?? false });
    if (opts.byPage && !opts.sameDocument) {
      // ElectronNavigationThrottle: will-frame-navigate, then (top frame, if not cancelled) will-navigate.
      let prevented = false;
      const event = { url, isMainFrame: main, preventDefault: () => (prevented = true) };
      this.emit('will-frame-navigate', event);
      if (!prevented && main) this.emit('will-navigate', event);
      // Cancelled: Electron's DidFinishNavigation sees nothing committed and emits nothing.
      if (prevented) return false;
    }
    if (opts.sameDocument) this.emit('did-navigate-in-page', {}, url, main, 1, 1);
    else if (opts.errorPage) this.emit('did-fail-provisional-load', {}, -6, 'ERR_FILE_NOT_FOUND', url, main, 1, 1);
    else {
      this.emit('did-frame-navigate', {}, url, -1, '', main, 1, 1);
      if (main) this.emit('did-navigate', {}, url, -1, '');
    }
    return true;
  }
}

const APP = 'obra://app/index.html';
let contents: Contents;
let gone: number;

beforeEach(() => {
  contents = new Contents();
  gone = 0;
  watchPageLifecycle(contents as WatchedContents, () => gone++);
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('the page lifecycle', () => {
  it('takes the first document for the page arriving, and each reload for the page leaving', () => {
    contents.navigate(APP);
    expect(gone).toBe(0);
    contents.navigate(APP);
    expect(gone).toBe(1);
    contents.navigate(APP);
    expect(gone).toBe(2);
  });

  it('keeps the page when a navigation it asked for is cancelled by the hardening', () => {
    contents.navigate(APP);
    expect(contents.navigate('https://example.com/', { byPage: true })).toBe(false);
    expect(contents.navigate('obra://app/other.html', { byPage: true })).toBe(false);
    expect(gone).toBe(0);
  });

  it('keeps the page on hash changes and on navigations inside a frame', () => {
    contents.navigate(APP);
    contents.navigate(`${APP}#demo=fork`, { sameDocument: true, byPage: true });
    contents.navigate('about:blank', { main: false });
    expect(gone).toBe(0);
  });

  it('counts an error page in the top frame as the page leaving', () => {
    contents.navigate(APP);
    contents.navigate(APP, { errorPage: true });
    expect(gone).toBe(1);
    contents.navigate(APP);
    expect(gone).toBe(2);
  });

  it('reports a crash once, reloads, and does not count the reloaded page as another departure', () => {
    contents.navigate(APP);
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect([gone, contents.reloads]).toEqual([1, 1]);
    contents.navigate(APP);
    expect(gone).toBe(1);
  });

  it('reloads after a crash three times at most, and never after a clean exit or a closed window', () => {
    contents.navigate(APP);
    for (let crash = 0; crash < 5; crash++) {
      contents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
      contents.navigate(APP);
    }
    expect(contents.reloads).toBe(3);

    const quiet = new Contents();
    watchPageLifecycle(quiet as WatchedContents, () => {});
    quiet.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    quiet.destroyed = true;
    quiet.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(quiet.reloads).toBe(0);
  });
});
