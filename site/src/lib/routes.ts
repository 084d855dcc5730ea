/**
 * Two pages on one path would silently overwrite each other (e.g. two news articles with one slug):
 * the build stops instead, naming the path and what collided.
 */
export function assertUniquePaths<T extends { params: Record<string, string | undefined> }>(
  routes: T[],
  what: string,
): T[] {
  const seen = new Map<string, number>();
  const dupes: string[] = [];
  routes.forEach((r, i) => {
    const path = Object.entries(r.params)
      .map(([k, v]) => `${k}=${v ?? ''}`)
      .join('&');
    if (seen.has(path)) dupes.push(`${path} (items ${seen.get(path)} and ${i})`);
    else seen.set(path, i);
  });
  if (dupes.length)
    throw new Error(`duplicate page paths for ${what}, one would overwrite the other: ${dupes.join('; ')}`);
  return routes;
}
