#!/usr/bin/env node
// Before the browser tests: make sure Debian's Chromium (and CJK fonts) are there. As root on Debian
// it installs them with apt; otherwise it says exactly what to run. Playwright never downloads one.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const chromium = process.env.PARK_MAP_CHROMIUM ?? '/usr/bin/chromium';
const fontsMarker = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const missing = [];
if (!existsSync(chromium)) missing.push('chromium');
if (!existsSync(fontsMarker)) missing.push('fonts-noto-cjk');
// GDAL's ogr2ogr makes the format and coordinate-system fixtures; without it those tests skip.
if (!existsSync('/usr/bin/ogr2ogr')) missing.push('gdal-bin');

if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;

if (isRoot && isDebian) {
  console.log(`park-map: installing ${missing.join(', ')} for the browser tests: ${command}`);
  try {
    execFileSync('sh', ['-c', command], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    console.error(`park-map: the install failed; run it yourself: ${command}`);
    process.exit(1);
  }
  if (existsSync(chromium)) process.exit(0);
  console.error(`park-map: ${chromium} is still missing after the install.`);
  process.exit(1);
}

if (!existsSync(chromium)) {
  console.error(
    `park-map: the browser tests need Chromium at ${chromium}.\n` +
      `  On Debian/Ubuntu run:  sudo ${command}\n` +
      `  Or point PARK_MAP_CHROMIUM at another Chromium or Chrome binary.`,
  );
  process.exit(1);
}
// Only the fonts or GDAL are missing: tests still pass (Chinese text renders as boxes in
// screenshots; the tests that need ogr2ogr skip, saying so).
console.warn(
  `park-map: ${missing.join(', ')} missing; for readable screenshots and the GDAL fixture tests run: sudo ${command}`,
);
