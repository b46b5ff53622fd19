// Reads @types/office-js to check fake Excel proxies and the values code passes them against what Office.js declares.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { officeTypeOf, type ApiUse, type MemberKind } from './fake-excel';

interface Overload {
  parameters: readonly ts.ParameterDeclaration[];
  returns?: ts.TypeNode;
}

interface DeclaredMember {
  kind: 'method' | 'property';
  readonly: boolean;
  optional: boolean;
  /** The property's type. */
  type?: ts.TypeNode;
  overloads: Overload[];
}

interface Declaration {
  kind: 'class' | 'interface' | 'enum';
  /** "Excel", the namespace unqualified names inside it resolve in. */
  namespace: string;
  members: Map<string, DeclaredMember>;
  bases: string[];
  /** An enum's string values. */
  values: string[];
}

const NAMESPACES = new Set(['Excel', 'OfficeExtension']);

function nameOf(name: ts.PropertyName | ts.EntityName | ts.Expression): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  if (ts.isQualifiedName(name)) return `${nameOf(name.left)}.${name.right.text}`;
  if (ts.isPropertyAccessExpression(name)) return `${nameOf(name.expression)}.${name.name.text}`;
  return name.getText();
}

function isReadonly(node: ts.Node): boolean {
  return (ts.getModifiers(node as ts.HasModifiers) ?? []).some(
    (m) => m.kind === ts.SyntaxKind.ReadonlyKeyword,
  );
}

function addMember(members: Map<string, DeclaredMember>, node: ts.Node): void {
  if (!(
    ts.isPropertyDeclaration(node) ||
    ts.isPropertySignature(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isMethodSignature(node)
  ))
    return;
  const name = nameOf(node.name);
  if (ts.isMethodDeclaration(node) || ts.isMethodSignature(node)) {
    const member = members.get(name) ?? {
      kind: 'method',
      readonly: true,
      optional: false,
      overloads: [],
    };
    member.overloads.push({ parameters: node.parameters, returns: node.type });
    members.set(name, member);
  } else
    members.set(name, {
      kind: 'property',
      readonly: isReadonly(node),
      optional: node.questionToken !== undefined,
      type: node.type,
      overloads: [],
    });
}

/** What @types/office-js declares for the Excel and OfficeExtension namespaces. */
export class OfficeJsDeclarations {
  private readonly declarations = new Map<string, Declaration>();

  constructor() {
    const require = createRequire(import.meta.url);
    const file = join(dirname(require.resolve('@types/office-js/package.json')), 'index.d.ts');
    const source = ts.createSourceFile(
      'office-js.d.ts',
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    for (const statement of source.statements) {
      if (!ts.isModuleDeclaration(statement) || !NAMESPACES.has(statement.name.text)) continue;
      const namespace = statement.name.text;
      const body = statement.body;
      if (!body || !ts.isModuleBlock(body)) continue;
      for (const node of body.statements) this.read(namespace, node);
    }
  }

  private read(namespace: string, node: ts.Statement): void {
    if (!(
      ts.isClassDeclaration(node) ||
      ts.isInterfaceDeclaration(node) ||
      ts.isEnumDeclaration(node)
    ))
      return;
    if (!node.name) return;
    const qualified = `${namespace}.${node.name.text}`;
    const declaration: Declaration = this.declarations.get(qualified) ?? {
      kind: ts.isClassDeclaration(node)
        ? 'class'
        : ts.isInterfaceDeclaration(node)
          ? 'interface'
          : 'enum',
      namespace,
      members: new Map(),
      bases: [],
      values: [],
    };
    if (ts.isEnumDeclaration(node)) {
      for (const member of node.members)
        if (member.initializer && ts.isStringLiteral(member.initializer))
          declaration.values.push(member.initializer.text);
    } else {
      for (const member of node.members) addMember(declaration.members, member);
      for (const clause of node.heritageClauses ?? [])
        for (const base of clause.types)
          declaration.bases.push(this.qualify(nameOf(base.expression), namespace));
    }
    this.declarations.set(qualified, declaration);
  }

  private qualify(name: string, namespace: string): string {
    return name.includes('.') ? name : `${namespace}.${name}`;
  }

  /** The member `name` of type `type` (or of a type it extends). */
  member(type: string, name: string): DeclaredMember | undefined {
    const declaration = this.declarations.get(type);
    if (!declaration) return undefined;
    return (
      declaration.members.get(name) ??
      declaration.bases.map((base) => this.member(base, name)).find((m) => m !== undefined)
    );
  }

  has(type: string): boolean {
    return this.declarations.has(type);
  }

  /** Why a member offered as `kind` does not match the declaration, or undefined when it does. */
  offeredProblem(type: string, name: string, kind: MemberKind): string | undefined {
    if (!this.has(type)) return `${type} is not an Office.js type`;
    const member = this.member(type, name);
    if (!member) return `${type}.${name} is not declared`;
    if (kind === 'method' && member.kind !== 'method') return `${type}.${name} is not a method`;
    if (kind !== 'method' && member.kind !== 'property')
      return `${type}.${name} is a method, not a property`;
    if (kind === 'writable' && member.readonly) return `${type}.${name} is read-only`;
    return undefined;
  }

  /** Why a recorded use does not fit the declarations, or undefined when it does. */
  useProblem(use: ApiUse): string | undefined {
    const where = `${use.type}.${use.member} (${use.access})`;
    const namespace = use.type.split('.')[0]!;
    const member = this.member(use.type, use.member);
    if (!member) return `${where} is not declared`;
    if (use.access === 'call') {
      if (member.kind !== 'method') return `${where} is not a method`;
      const fitting = member.overloads.filter(
        (overload) => this.argumentsProblem(use.values, overload, namespace) === undefined,
      );
      if (fitting.length === 0)
        return `${where}: arguments ${JSON.stringify(use.values)} fit no overload (${member.overloads
          .map((o) => this.argumentsProblem(use.values, o, namespace))
          .join('; ')})`;
      if (
        use.returned !== undefined &&
        !fitting.some((o) => o.returns && this.names(o.returns, namespace, use.returned!))
      )
        return `${where} returns ${use.returned}, which no overload declares`;
      return undefined;
    }
    if (member.kind !== 'property') return `${where} is a method`;
    if (use.access === 'set') {
      if (member.readonly) return `${where} is read-only`;
      return this.valueProblem(use.values[0], member.type, namespace, `${where} =`);
    }
    if (
      use.returned !== undefined &&
      !(member.type && this.names(member.type, namespace, use.returned))
    )
      return `${where} returns ${use.returned}, not its declared type`;
    return undefined;
  }

  /** Whether `node` is a reference to Office.js type `type`. */
  private names(node: ts.TypeNode, namespace: string, type: string): boolean {
    return ts.isTypeReferenceNode(node) && this.qualify(nameOf(node.typeName), namespace) === type;
  }

  private argumentsProblem(
    args: unknown[],
    overload: Overload,
    namespace: string,
  ): string | undefined {
    const { parameters } = overload;
    if (args.length > parameters.length) return `${args.length} arguments for ${parameters.length}`;
    for (const [i, parameter] of parameters.entries()) {
      const arg = args[i];
      if (arg === undefined) {
        if (parameter.questionToken === undefined) return `${parameter.name.getText()} is required`;
        continue;
      }
      const problem = this.valueProblem(arg, parameter.type, namespace, parameter.name.getText());
      if (problem) return problem;
    }
    return undefined;
  }

  /** Why `value` does not fit `node`; constructs this checker does not know are accepted. */
  valueProblem(
    value: unknown,
    node: ts.TypeNode | undefined,
    namespace: string,
    where: string,
  ): string | undefined {
    const refuse = () => `${where} ${JSON.stringify(value)} is not ${node?.getText()}`;
    if (!node) return undefined;
    switch (node.kind) {
      case ts.SyntaxKind.AnyKeyword:
      case ts.SyntaxKind.UnknownKeyword:
        return undefined;
      case ts.SyntaxKind.StringKeyword:
        return typeof value === 'string' ? undefined : refuse();
      case ts.SyntaxKind.NumberKeyword:
        return typeof value === 'number' ? undefined : refuse();
      case ts.SyntaxKind.BooleanKeyword:
        return typeof value === 'boolean' ? undefined : refuse();
    }
    if (ts.isParenthesizedTypeNode(node))
      return this.valueProblem(value, node.type, namespace, where);
    if (ts.isLiteralTypeNode(node)) {
      const literal = node.literal;
      if (ts.isStringLiteral(literal)) return value === literal.text ? undefined : refuse();
      if (ts.isNumericLiteral(literal))
        return value === Number(literal.text) ? undefined : refuse();
      if (literal.kind === ts.SyntaxKind.TrueKeyword) return value === true ? undefined : refuse();
      if (literal.kind === ts.SyntaxKind.FalseKeyword)
        return value === false ? undefined : refuse();
      if (literal.kind === ts.SyntaxKind.NullKeyword) return value === null ? undefined : refuse();
      return undefined;
    }
    if (ts.isUnionTypeNode(node))
      return node.types.some((t) => this.valueProblem(value, t, namespace, where) === undefined)
        ? undefined
        : refuse();
    if (ts.isArrayTypeNode(node))
      return Array.isArray(value)
        ? value
            .map((v) => this.valueProblem(v, node.elementType, namespace, `${where}[]`))
            .find(Boolean)
        : refuse();
    if (ts.isTypeReferenceNode(node)) {
      const name = nameOf(node.typeName);
      if (name === 'Date') return value instanceof Date ? undefined : refuse();
      const declaration = this.declarations.get(this.qualify(name, namespace));
      if (!declaration) return undefined;
      const qualified = this.qualify(name, namespace);
      if (declaration.kind === 'enum')
        return declaration.values.includes(value as string) ? undefined : refuse();
      if (declaration.kind === 'class')
        return officeTypeOf(value) === qualified ? undefined : refuse();
      return this.objectProblem(value, qualified, declaration.namespace, where);
    }
    if (ts.isTypeLiteralNode(node) || ts.isIntersectionTypeNode(node))
      return typeof value === 'object' && value !== null ? undefined : refuse();
    return undefined;
  }

  /** Why plain object `value` is not a valid `type` (an interface): unknown keys, missing or ill-typed ones. */
  private objectProblem(
    value: unknown,
    type: string,
    namespace: string,
    where: string,
  ): string | undefined {
    if (typeof value !== 'object' || value === null || officeTypeOf(value) !== undefined)
      return `${where} ${JSON.stringify(value)} is not a ${type} object`;
    const record = value as Record<string, unknown>;
    for (const [key, field] of Object.entries(record)) {
      const member = this.member(type, key);
      if (!member || member.kind !== 'property') return `${where} ${type} has no field "${key}"`;
      if (field === undefined) continue;
      const problem = this.valueProblem(field, member.type, namespace, `${where}.${key}`);
      if (problem) return problem;
    }
    for (const [key, member] of this.declarations.get(type)!.members)
      if (member.kind === 'property' && !member.optional && record[key] === undefined)
        return `${where} lacks ${type}.${key}`;
    return undefined;
  }
}
