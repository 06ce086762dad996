/**
 * Folding and typo distance, as the knowledge base and the safety detector compare text. Reading
 * French (stems, stop words, synonyms) is src/understanding's job: one way for every matcher.
 */
export { foldText } from '../domain/text';
export { editDistance } from '../understanding/editDistance';
