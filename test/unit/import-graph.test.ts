/**
 * The layering of src/: no module imports itself back through others, and the
 * bottom layers (core/, then schemas/) never import the logic above them
 * (lib/), so each can be read and tested on its own. Reads the source files'
 * import statements (type-only imports included: a circle of types is still a
 * circle for the reader).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/astro-build.ts';
import { filesUnder } from '../../src/loaders/file-tree.ts';

const SRC = join(PROJECT_ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return filesUnder(dir).filter((path) => /\.(ts|astro)$/.test(path) && !path.endsWith('.d.ts'));
}

/** Relative import specifiers of a module: `import … from './x.ts'`, `export … from`, `import('./x.ts')`. */
export function relativeImports(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) found.push(match[1]!);
  return found;
}

const files = sourceFiles(SRC);
const name = (path: string) => relative(SRC, path);
const graph = new Map(
  files.map((file) => [
    name(file),
    relativeImports(readFileSync(file, 'utf8'))
      .map((specifier) => name(resolve(dirname(file), specifier)))
      .filter((target) => !target.startsWith('..')),
  ]),
);

/** Every cycle reachable in the graph, each as the list of modules round it (depth-first search). */
function importCircles(edges: Map<string, string[]>): string[][] {
  const circles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') circles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
  return circles;
}

describe('imports in src/', () => {
  it('reads the imports of every kind of module', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(relativeImports("import type { A } from '../a.ts';\nexport { b } from './b.ts';\nconst c = await import('./c.ts');")).toEqual([
      '../a.ts',
      './b.ts',
      './c.ts',
    ]);
    expect(
      importCircles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('has no import circles', () => {
    expect(importCircles(graph).map((circle) => circle.join(' → '))).toEqual([]);
  });

  it('keeps core/ below schemas/ and both below lib/', () => {
    const upward = [...graph].flatMap(([from, targets]) =>
      targets
        .filter(
          (target) =>
            ((from.startsWith('schemas/') || from.startsWith('core/')) && target.startsWith('lib/')) ||
            (from.startsWith('core/') && target.startsWith('schemas/')),
        )
        .map((target) => `${from} → ${target}`),
    );
    expect(upward).toEqual([]);
  });
});
