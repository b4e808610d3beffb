/**
 * Globals that exist in both Node and the browser (WHATWG URL) but are declared by neither
 * lib "ES2023" nor an import. Only tsconfig.shared.json reads this file; the node and web
 * configs get the real declarations from lib "DOM" and exclude it.
 */
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
  readonly origin: string;
  readonly pathname: string;
  readonly href: string;
}
