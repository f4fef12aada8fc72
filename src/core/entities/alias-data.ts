/**
 * The curated alias data (seeds/aliases.json): canonical entities with names in Traditional,
 * Simplified and English. Read and validated once per process; a broken file fails loudly
 * naming the file, because every entity feature depends on it.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { projectFile } from '../project-files.ts';
import { z } from 'zod';

/** What an entity is; /who words its answer by it and co-mentions leave places out. */
export type EntityType = 'person' | 'org' | 'place';

const aliasSchema = z.union([z.string().min(1), z.object({ text: z.string().min(1), context: z.array(z.string().min(1)).min(1) })]);
const entitySchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  type: z.enum(['person', 'org', 'place']),
  zh: z.string().min(1),
  en: z.string().min(1),
  role: z.object({ 'zh-TW': z.string(), en: z.string() }).optional(),
  aliases: z.array(aliasSchema).min(1),
});
const fileSchema = z.object({ about: z.string().optional(), blockers: z.array(z.string().min(2)).default([]), entities: z.array(entitySchema) });

/** One entity of seeds/aliases.json as validated. */
export type CuratedEntity = z.infer<typeof entitySchema>;
/** The whole validated alias file. */
export interface CuratedData {
  entities: CuratedEntity[];
  blockers: string[];
  /** sha1 of the file: stored in the database so a changed file is re-synced. */
  hash: string;
}

/** Where the curated alias file lives in the repository. */
export const ALIASES_FILE = projectFile('seeds', 'aliases.json');

let cached: CuratedData | undefined;

/** Loads and validates seeds/aliases.json (once per process); throws naming the file and the problem. */
export function loadCuratedAliases(file = ALIASES_FILE): CuratedData {
  if (cached && file === ALIASES_FILE) return cached;
  const raw = readFileSync(file, 'utf8');
  const parsed = fileSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const e of parsed.data.entities) {
    if (seen.has(e.id)) throw new Error(`${file}: duplicate entity id ${e.id}`);
    seen.add(e.id);
  }
  const data = { entities: parsed.data.entities, blockers: parsed.data.blockers, hash: createHash('sha1').update(raw).digest('hex') };
  if (file === ALIASES_FILE) cached = data;
  return data;
}

/** The curated aliases as flat records (one per alias as written; expandScripts adds the other script). */
export function curatedAliasRecords(data: CuratedData = loadCuratedAliases()): { entityId: string; text: string; context: string[] | null }[] {
  return data.entities.flatMap((e) => e.aliases.map((a) => (typeof a === 'string' ? { entityId: e.id, text: a, context: null } : { entityId: e.id, text: a.text, context: a.context })));
}
