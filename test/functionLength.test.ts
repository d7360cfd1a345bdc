import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Functions stay short enough to read at once: a long one is split into named steps.

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
const MAX_LINES = 80;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

interface FunctionLength {
  readonly where: string;
  readonly lines: number;
}

function functionLengths(file: string): FunctionLength[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: FunctionLength[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const named = node.name ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name : null);
      found.push({ where: `${relative(SRC, file)} ${named?.getText() ?? `(line ${first + 1})`}`, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const lengths = sourceFiles(SRC).flatMap(functionLengths);

describe('function length', () => {
  it('measures the functions of src/', () => {
    expect(lengths.length).toBeGreaterThan(500);
  });

  it(`keeps every function within ${MAX_LINES} lines`, () => {
    const long = lengths.filter(({ lines }) => lines > MAX_LINES).map(({ where, lines }) => `${where}: ${lines} lines`);
    expect(long).toEqual([]);
  });
});
