/** Level-1 answers: the FAQ knowledge base, its matching, and the local contacts an answer adds. */
export { createKnowledgeBase, DEFAULT_KNOWLEDGE_BASE_OPTIONS } from './knowledge-base';
export type { FaqMatch, KnowledgeBase, KnowledgeBaseOptions, MatchExplanation } from './knowledge-base';
export { answerText, ANSWER_WORDING } from './answer';
export { FAQ_FILE, loadFaq, loadFaqFile, parseFaq, parseFaqYaml } from './load';
export { faqEntrySchema, faqFileSchema, OFFICIAL_SOURCE_DOMAINS } from './schema';
export type { FaqEntry, LocalContactKind } from './schema';
export { MDPH_DIRECTORY_URL } from './local-resources';
export type { LocalResources, MdphContact } from './local-resources';
export { foldText } from './normalise';
