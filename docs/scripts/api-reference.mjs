/**
 * Generates the API reference (docs/api/*.md) from the packages' TypeScript with TypeDoc and
 * typedoc-plugin-markdown. One TypeDoc program over every package (much faster than one per
 * package); its modules are renamed from their folder ("core/src") to the package name.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Application, Converter, ReflectionKind, TSConfigReader, TypeDocReader } from 'typedoc';

const DOCS = fileURLToPath(new URL('..', import.meta.url));

export async function buildApiReference() {
  rmSync(`${DOCS}/api`, { recursive: true, force: true });
  const app = await Application.bootstrapWithPlugins({ options: `${DOCS}/typedoc.json` }, [
    new TypeDocReader(),
    new TSConfigReader(),
  ]);
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const m of context.project.getReflectionsByKind(ReflectionKind.Module))
      m.name = m.name.split('/')[0];
  });
  const project = await app.convert();
  if (!project) throw new Error('TypeDoc could not convert the packages');
  await app.generateOutputs(project);
  if (app.logger.hasErrors()) throw new Error('TypeDoc reported errors');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildApiReference();
