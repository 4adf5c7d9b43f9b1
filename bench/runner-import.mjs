// Loads a TypeScript module of the bench (the generator, the tiler) through Vite's module runner,
// leaving `NODE_ENV` as it was: the runner sets it to `development` for the rest of the process,
// and the builds after it would then bundle Lit's development build (26 KB of lit-html instead of
// 9 KB, with its dev-mode checks), in the runs that generate data or build the archive only.
import { runnerImport } from 'vite';

export async function importTs(file) {
  const nodeEnv = process.env.NODE_ENV;
  try {
    return (await runnerImport(file, { configFile: false, logLevel: 'warn' })).module;
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
