/** The built-in knowledge base (entities.json, validated by schema.json and the unit tests). */
import { entitiesOf, Entity, KnowledgeBaseFile } from '../entities';
import data from './entities.json';

export function builtInEntities(): Entity[] {
  return entitiesOf(data as KnowledgeBaseFile);
}
