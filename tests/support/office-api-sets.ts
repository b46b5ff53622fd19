// Reads which Office.js requirement sets the Excel add-in's code needs, from the [Api set: …] tags of the members it uses.
import { readdirSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The declaration files whose members carry `[Api set: Name x.y]` in their JSDoc. */
const OFFICE_TYPES = /\/node_modules\/@types\/(office-js|custom-functions-runtime)\//;

/** The interface of excel-addin/support.ts whose flags guard the optional features. */
const SUPPORT_INTERFACE = 'ExcelSupport';

export interface ApiUse {
  /** The member as declared, e.g. "Excel.Worksheet.getRanges". */
  member: string;
  set: string;
  version: string;
  /** "excel-addin/file.ts:line" of the use. */
  where: string;
  /** The ExcelSupport flag the use sits behind, or null when it runs unconditionally. */
  guard: string | null;
}

interface ApiSet {
  set: string;
  version: string;
}

/** Compares dotted versions part by part, so "1.10" comes after "1.9". */
export function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The shipped Excel add-in's sources: every .ts file of excel-addin/. */
export function excelAddinFiles(): string[] {
  const dir = `${ROOT}excel-addin/`;
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => dir + name);
}

function createProgram(files: readonly string[]): ts.Program {
  const configPath = `${ROOT}tsconfig.json`;
  const { config } = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT, undefined, configPath);
  return ts.createProgram(files, options);
}

/**
 * The set a declaration's `[Api set: …]` tag names, with the first version it names (when the
 * member was introduced); a write takes the "… for set(ting)" version where the tag gives one.
 */
function apiSetOf(declaration: ts.Declaration, write: boolean): ApiSet | null {
  const source = declaration.getSourceFile();
  if (!OFFICE_TYPES.test(source.fileName.replace(/\\/g, '/'))) return null;
  const comments = ts.getLeadingCommentRanges(source.text, declaration.getFullStart()) ?? [];
  const jsdoc = comments[comments.length - 1];
  if (!jsdoc) return null;
  const tag = /\[Api set: (\w+) (\d+\.\d+)([^\]]*)\]/.exec(source.text.slice(jsdoc.pos, jsdoc.end));
  if (!tag) return null;
  const setting = /(\d+\.\d+) for set/.exec(tag[3]!);
  return { set: tag[1]!, version: write && setting ? setting[1]! : tag[2]! };
}

/** The least demanding of an access's candidate declarations that carry an [Api set] tag. */
function least(
  candidates: readonly ts.Declaration[],
  write: boolean,
): { declaration: ts.Declaration; needs: ApiSet } | null {
  let best: { declaration: ts.Declaration; needs: ApiSet } | null = null;
  for (const declaration of candidates) {
    const needs = apiSetOf(declaration, write);
    if (needs && (!best || compareVersions(needs.version, best.needs.version) < 0))
      best = { declaration, needs };
  }
  return best;
}

/** "Excel.Worksheet.getRanges": the declaration's name under its namespaces and type. */
function qualifiedName(declaration: ts.Declaration): string {
  const names: string[] = [];
  for (let node: ts.Node | undefined = declaration; node; node = node.parent) {
    const name = ts.isSourceFile(node)
      ? undefined
      : ts.getNameOfDeclaration(node as ts.Declaration);
    if (name && ts.isIdentifier(name)) names.unshift(name.text);
  }
  return names.join('.');
}

function isWrite(node: ts.Node): boolean {
  const { parent } = node;
  return (
    ts.isBinaryExpression(parent) &&
    parent.left === node &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken
  );
}

/** `return`/`throw`, or a block ending in one: what makes `if (!flag) …` guard the rest. */
function exits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  const last = ts.isBlock(statement)
    ? statement.statements[statement.statements.length - 1]
    : undefined;
  return last !== undefined && exits(last);
}

export function officeApiUses(files: readonly string[] = excelAddinFiles()): ApiUse[] {
  const program = createProgram(files);
  const checker = program.getTypeChecker();

  /** The ExcelSupport flag `expression` reads (`support.notes`), or null. */
  const supportFlag = (expression: ts.Expression): string | null => {
    if (!ts.isPropertyAccessExpression(expression)) return null;
    const owner = checker.getSymbolAtLocation(expression.name)?.declarations?.[0]?.parent;
    return owner && ts.isInterfaceDeclaration(owner) && owner.name.text === SUPPORT_INTERFACE
      ? expression.name.text
      : null;
  };

  /**
   * The flag `node` runs behind: inside `if (support.x) …` or `support.x ? … : …`, or after
   * `if (!support.x) return …` in an enclosing block. Any other use counts as unconditional.
   */
  const guardOf = (node: ts.Node): string | null => {
    for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
      const condition =
        ts.isIfStatement(parent) && parent.thenStatement === child
          ? parent.expression
          : ts.isConditionalExpression(parent) && parent.whenTrue === child
            ? parent.condition
            : undefined;
      const flag = condition && supportFlag(condition);
      if (flag) return flag;
      if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
        const before = parent.statements.slice(0, parent.statements.indexOf(child as ts.Statement));
        for (const statement of before) {
          if (
            ts.isIfStatement(statement) &&
            ts.isPrefixUnaryExpression(statement.expression) &&
            statement.expression.operator === ts.SyntaxKind.ExclamationToken &&
            exits(statement.thenStatement)
          ) {
            const flag = supportFlag(statement.expression.operand);
            if (flag) return flag;
          }
        }
      }
    }
    return null;
  };

  /**
   * The Office members `node` reads, writes or calls. Each access is one list of candidate
   * declarations: a call's resolved overload, or one per union constituent (the least
   * demanding counts, since a receiver of the newer type can only come from a use counted
   * on its own).
   */
  const accessesAt = (node: ts.Node): { candidates: ts.Declaration[]; write: boolean }[] => {
    const declarationsOf = (symbol: ts.Symbol | undefined) => symbol?.declarations ?? [];
    if (ts.isPropertyAccessExpression(node)) {
      const call = node.parent;
      const overload =
        ts.isCallExpression(call) && call.expression === node
          ? checker.getResolvedSignature(call)?.declaration
          : undefined;
      const candidates =
        overload && !ts.isJSDocSignature(overload)
          ? [overload]
          : declarationsOf(checker.getSymbolAtLocation(node.name));
      return [{ candidates, write: isWrite(node) }];
    }
    if (ts.isElementAccessExpression(node)) {
      // range[key] with key a union of literals may read each of them.
      const receiver = checker.getTypeAtLocation(node.expression);
      const key = checker.getTypeAtLocation(node.argumentExpression);
      return (key.isUnion() ? key.types : [key])
        .filter((literal) => literal.isStringLiteral())
        .map((literal) => ({
          candidates: declarationsOf(receiver.getProperty(literal.value)),
          write: isWrite(node),
        }));
    }
    if (
      (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) &&
      ts.isIdentifier(node.name) &&
      ts.isObjectLiteralExpression(node.parent)
    ) {
      // An object literal given where Office expects an options or rule object.
      const type = checker.getContextualType(node.parent);
      const name = node.name.text;
      const parts = type?.isUnion() ? type.types : type ? [type] : [];
      return [
        {
          candidates: parts.flatMap((part) => declarationsOf(part.getProperty(name))),
          write: true,
        },
      ];
    }
    if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
      // const { application } = context.workbook;
      const key = node.propertyName ?? node.name;
      if (!ts.isIdentifier(key)) return [];
      const type = checker.getTypeAtLocation(node.parent);
      return [{ candidates: declarationsOf(type.getProperty(key.text)), write: false }];
    }
    return [];
  };

  const uses: ApiUse[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`not compiled: ${file}`);
    const visit = (node: ts.Node): void => {
      for (const { candidates, write } of accessesAt(node)) {
        const found = least(candidates, write);
        if (!found) continue;
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        uses.push({
          member: qualifiedName(found.declaration),
          ...found.needs,
          where: `${relative(ROOT, file).split(sep).join('/')}:${line + 1}`,
          guard: guardOf(node),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}
