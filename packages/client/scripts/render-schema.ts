import openapiTS, { astToString } from "openapi-typescript";

const HEADER = `// Generated from openapi.json by \`npm run generate -w @arbiter/client\`; do not edit.\n\n`;

/** The JSON text committed as openapi.json, byte for byte. */
export function renderDocument(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The TypeScript committed as src/schema.d.ts: the document's paths and operations as types. */
export async function renderSchemaTypes(document: unknown): Promise<string> {
  // openapi-typescript takes a parsed document as an object; a string would be read as a path.
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: false });
  return HEADER + astToString(ast);
}
