/**
 * The design editor's forms, as data: which fields each part of a scenario has, how each is edited
 * (text, number, choice from the scenario's own topics or groups, expression, nested list…), and
 * the template a new item starts from. The UI renders any `FieldDef` generically; a test checks
 * that every key of the schema is reachable from here, so a format change cannot silently leave a
 * field uneditable. Templates are valid on their own: adding any item keeps a scenario valid.
 *
 * One file per section (see this folder's README); this module is what the editor imports.
 */
export { addItem } from './formTypes';
export type { FieldDef, ItemDef, OptionContext, OptionSource, SectionDef, VariantDef } from './formTypes';
export {
  aggregateTypes,
  compactedTopicNames,
  eventTypeNames,
  freshName,
  groupIds,
  producerIds,
  projectionNames,
  queueNames,
  refSuggestions,
  topicNames,
} from './draftNames';
export { sections } from './sections';
export { stepAction, stepItem } from './stepForm';
