import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

// The static snapshot under nginx (run.sh starts it and sets E2E_PORT, so
// the specs' BASE_URL is nginx's): the embed tests and a journey subset of
// the existing specs, with no dynamic server. No webServer entry.
export default defineConfig({
  ...base,
  testDir: '../tests',
  testMatch: ['embed.spec.ts', 'journeys.spec.ts'],
  // What a static host cannot do: the server renders a page for the
  // link's query; a static host has each route's page at its default
  // state, and the app draws the linked view anew in the browser (which
  // the journeys above check). So the two tests of a query's own
  // server-rendered page are for the server only. Likewise citations (docs/deploy.md): a chart
  // page's Cite panel asks the server for the citation of the chart as
  // shown, which a static host answers with a 404 the browser logs, so the
  // test that a chart page logs no error while its controls change is for
  // the server only.
  grepInvert: /shows the chart and caveats at once|without JavaScript a chart page still shows its chart|the embed code follows the chart as the reader changes it/,
  webServer: undefined,
});
