/** Personal entities in IndexedDB; the detector re-reads them after every change. */
import type { PersonalEntity } from '../core/personal';
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
