// A tiny, strict XML reader for tests: checks well-formedness and returns an element tree.
import { decodeXml } from '../../cli/xlsx-chart-parts';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent: XmlElement | null;
}

const NAME = '[A-Za-z_][\\w.:-]*';
const TOKEN = new RegExp(
  `<!--([\\s\\S]*?)-->|<\\?xml[^?]*\\?>|<(${NAME})((?:\\s+${NAME}\\s*=\\s*"[^"<]*")*)\\s*(/?)>|</(${NAME})\\s*>|([^<]+)|(<)`,
  'gy',
);
const ATTR = new RegExp(`(${NAME})\\s*=\\s*"([^"<]*)"`, 'g');
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

function decode(text: string, where: string): string {
  if (/&/.test(text.replace(ENTITY, ''))) throw new Error(`bare & in ${where}`);
  return decodeXml(text);
}

/** Parses `source`; throws with the reason when it is not well-formed XML with one root element. */
export function parseXml(source: string): XmlElement {
  const document: XmlElement = {
    name: '#document',
    attrs: {},
    children: [],
    text: '',
    parent: null,
  };
  let current = document;
  let declarationAllowed = true;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const at = TOKEN.lastIndex;
    const token = TOKEN.exec(source);
    if (!token) throw new Error(`unreadable XML at offset ${at}`);
    const [whole, comment, open, attrText, selfClose, close, text, stray] = token;
    if (stray) throw new Error(`stray "<" at offset ${at}`);
    if (whole.startsWith('<?xml')) {
      if (!declarationAllowed) throw new Error('XML declaration not at the start');
    } else if (comment !== undefined) {
      if (comment.includes('--')) throw new Error(`"--" inside a comment at offset ${at}`);
    } else if (open) {
      if (current === document && document.children.length > 0)
        throw new Error(`second root element <${open}>`);
      const attrs: Record<string, string> = {};
      for (const [, name, value] of attrText!.matchAll(ATTR)) {
        if (name! in attrs) throw new Error(`<${open}> repeats attribute ${name}`);
        attrs[name!] = decode(value!, `<${open} ${name}>`);
      }
      const element: XmlElement = { name: open, attrs, children: [], text: '', parent: current };
      current.children.push(element);
      if (!selfClose) current = element;
    } else if (close) {
      if (close !== current.name)
        throw new Error(`</${close}> closes <${current.name}> at offset ${at}`);
      current = current.parent!;
    } else if (text !== undefined) {
      if (current === document) {
        if (text.trim() !== '') throw new Error(`text outside the root element at offset ${at}`);
      } else {
        current.text += decode(text, `<${current.name}>`);
      }
    }
    declarationAllowed = false;
  }
  if (current !== document) throw new Error(`<${current.name}> is never closed`);
  const root = document.children[0];
  if (!root) throw new Error('no root element');
  root.parent = null;
  return root;
}

/** Every element below `root` (depth first, in document order), `root` included. */
export function allElements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(allElements)];
}

/** The path of element names from the root to `element`, e.g. "OfficeApp/Hosts/Host". */
export function elementPath(element: XmlElement): string {
  const names: string[] = [];
  for (let e: XmlElement | null = element; e; e = e.parent) names.unshift(e.name);
  return names.join('/');
}
