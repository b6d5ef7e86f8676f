/** One address per route (and per chart kind), named for screenshots. */
export const ROUTES: { name: string; path: string }[] = [
  { name: 'home', path: '/' },
  { name: 'datasets', path: '/datasets' },
  { name: 'chart-line', path: '/datasets/ncmec-cybertipline-by-country' },
  { name: 'chart-bar', path: '/datasets/dh-tf-csea-prevalence?v=1&chart=bar' },
  { name: 'chart-map', path: '/datasets/ncmec-cybertipline-by-country?v=1&chart=map' },
  { name: 'chart-table', path: '/datasets/childlight-global-ocsea-prevalence?v=1&chart=table' },
  { name: 'geo-country', path: '/geo/KEN' },
  { name: 'geo-region', path: '/geo/014' },
  { name: 'compare', path: '/compare?datasets=dh-tf-csea-prevalence,dh-headline-past-year-ocsea' },
  { name: 'coverage', path: '/coverage?region=014' },
  { name: 'glossary', path: '/glossary' },
  { name: 'methods', path: '/methods' },
  { name: 'ecosystem', path: '/ecosystem' },
];

/** `path` in French. */
export function inFrench(path: string): string {
  return path + (path.includes('?') ? '&' : '?') + 'lang=fr';
}
