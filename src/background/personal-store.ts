/** Personal entities in IndexedDB; the detector re-reads them after every change. */
import { personalListProblem, type PersonalEntity } from '../core/personal';
import { DramatisError } from '../core/protocol/errors';
import { db } from './db';

export async function listPersonal(): Promise<PersonalEntity[]> {
  return (await db()).getAll('personal');
}

export async function savePersonal(entity: PersonalEntity): Promise<PersonalEntity> {
  await (await db()).put('personal', entity);
  return entity;
}

export async function deletePersonal(id: string): Promise<boolean> {
  const conn = await db();
  const existed = (await conn.getKey('personal', id)) !== undefined;
  await conn.delete('personal', id);
  return existed;
}

/** Refuses a save that would take the tracked names over their bounds (count, aliases in all). */
export async function checkPersonalRoom(entity: PersonalEntity): Promise<void> {
  const all = new Map((await listPersonal()).map((p) => [p.id, p]));
  all.set(entity.id, entity);
  const problem = personalListProblem([...all.values()]);
  if (problem) throw new DramatisError('invalid', `The name was not tracked: ${problem}`);
}
