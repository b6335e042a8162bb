// The registry this project installs from serves only some platforms' builds of packages that ship
// native binaries as optional dependencies (turbo, biome). npm then leaves the other platforms out of
// package-lock.json, and `npm ci` refuses the lock as out of sync. This adds the missing entries with
// their os/cpu/libc (read from the package name), so npm ci skips them on every other platform.
// Run after changing dependencies: node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [key, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const target = `node_modules/${name}`;
    if (packages[target]) continue;
    const platform = platformOf(name);
    if (!platform) continue;
    packages[target] = { version, ...platform, dev: entry.dev, license: entry.license, optional: true };
    added++;
  }
  void key;
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform entries`);

function platformOf(name) {
  const n = name.toLowerCase();
  const os = /darwin/.test(n)
    ? 'darwin'
    : /win32|windows/.test(n)
      ? 'win32'
      : /android/.test(n)
        ? 'android'
        : /freebsd/.test(n)
          ? 'freebsd'
          : /linux/.test(n)
            ? 'linux'
            : undefined;
  const cpu = /arm64|aarch64/.test(n)
    ? 'arm64'
    : /x64|-64\b|amd64/.test(n)
      ? 'x64'
      : /ia32|x86\b/.test(n)
        ? 'ia32'
        : /arm\b/.test(n)
          ? 'arm'
          : undefined;
  if (!os || !cpu) return undefined;
  return {
    cpu: [cpu],
    os: [os],
    ...(/musl/.test(n) ? { libc: ['musl'] } : os === 'linux' ? { libc: ['glibc'] } : {}),
  };
}
