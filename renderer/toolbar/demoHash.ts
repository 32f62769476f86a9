/** `#demo=<id>` in the URL: a lesson can be bookmarked. */
export function demoFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get('demo');
  return id && /^[a-z0-9][a-z0-9-]*$/i.test(id) ? id : null;
}

export function demoHash(id: string | null): string {
  return id ? `demo=${encodeURIComponent(id)}` : '';
}
