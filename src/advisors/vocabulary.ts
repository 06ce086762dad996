/**
 * Every word the advisor console shows for a code, in French, in one place: the 14 needs, profiles,
 * channels, priorities and kinds of danger (src/domain/vocabulary.ts), and the case file's statuses,
 * levels, kinds, what was missing (N3), roles, chat modes and the steps of the intake. Served as
 * `GET /api/vocabulary` (no personal data, no sign-in needed), so the console never shows a raw code.
 */
import express, { type Router } from 'express';
import type { ChatMode } from '../chat/chatTurns';
import { CHANNEL_LABELS, DANGER_KINDS, NEED_IDS, NEED_LABELS, PRIORITY_LABELS, PROFILE_LABELS, PROFILES, type DangerKind } from '../domain/vocabulary';
import { directoryVocabulary } from '../directory/labels';
import { TICKET_KINDS } from '../tickets/ticket';
import { CASE_STATUSES, LEVELS, MISSING_KINDS, type CaseStatus, type Level } from './caseFile';
import { ROLES, type Role } from './principal';

export const STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  new: 'Nouveau',
  taken: 'Pris en charge',
  n1_in_progress: 'N1 en cours',
  n2_on_agenda: 'N2 : inscrit au staff territorial',
  n2_actions_recorded: 'N2 : actions enregistrées',
  solved: 'Résolu',
  unmet_need: 'N3 : besoin sans solution',
};

export const LEVEL_LABELS: Readonly<Record<`${Level}`, string>> = {
  1: 'N1 : demande simple',
  2: 'N2 : situation complexe',
  3: 'N3 : besoin sans solution',
};

export const KIND_LABELS: Readonly<Record<(typeof TICKET_KINDS)[number], string>> = {
  routed: 'Mise en relation',
  callback: 'Rappel demandé',
  fallback: 'Renvoi vers le niveau national',
};

export const MISSING_LABELS: Readonly<Record<(typeof MISSING_KINDS)[number], string>> = {
  no_place_available: 'Pas de place disponible',
  no_service_exists: 'Aucun service n’existe',
  waiting_time_too_long: 'Délai d’attente trop long',
  no_transport: 'Pas de transport',
  no_funding: 'Pas de financement',
  regulation_blocks: 'La réglementation bloque',
  no_professional_available: 'Pas de professionnel disponible',
  not_accessible: 'Lieu ou service non accessible',
  other: 'Autre',
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  advisor: 'conseiller',
  coordinator: 'coordinateur',
  national_admin: 'administrateur national',
  authority: 'autorité (ARS, département, MDPH) : observatoire seulement',
};

/** The kinds of danger, as content/fr/safety.yaml names them for the ticket (never the person's words). */
export const DANGER_LABELS: Readonly<Record<DangerKind, string>> = {
  sourd: 'personne sourde en danger',
  urgence_medicale: 'urgence médicale',
  danger_immediat: 'danger immédiat',
  suicide: 'suicide',
  enfance_en_danger: 'enfant en danger',
  violence_conjugale: 'violences dans le couple',
  maltraitance: 'maltraitance d’un adulte vulnérable',
};

const CHAT_MODE_LABELS: Readonly<Record<ChatMode | 'ended', string>> = {
  waiting: 'attend un conseiller',
  human: 'avec un conseiller',
  bot: 'rendu au robot',
  ended: 'conversation terminée',
};
const FROM_LABELS = { user: 'La personne', bot: 'Le robot', advisor: 'Conseiller' } as const;
const STEP_LABELS = { profile: 'Profil', need_group: 'Groupe de besoins', need: 'Besoin', postcode: 'Code postal', departement: 'Département' } as const;
export const PRESENCE_LABELS = { available: 'Disponible', paused: 'En pause', offline: 'Hors ligne' } as const;

/** Ordered lists of { id, label }: the console builds its selects and filters from them. */
const entries = <K extends string>(ids: readonly K[], labels: Readonly<Record<K, string>>) => ids.map((id) => ({ id, label: labels[id] }));

export function vocabularyDocument() {
  return {
    needs: entries(NEED_IDS, NEED_LABELS),
    profiles: entries(PROFILES, PROFILE_LABELS),
    channels: entries(['voice', 'chat'] as const, CHANNEL_LABELS),
    priorities: entries(['normale', 'prioritaire'] as const, PRIORITY_LABELS),
    statuses: entries(CASE_STATUSES, STATUS_LABELS),
    levels: LEVELS.map((level) => ({ id: String(level), label: LEVEL_LABELS[`${level}`] })),
    kinds: entries(TICKET_KINDS, KIND_LABELS),
    missing: entries(MISSING_KINDS, MISSING_LABELS),
    roles: entries(ROLES, ROLE_LABELS),
    dangers: entries(DANGER_KINDS, DANGER_LABELS),
    chatModes: entries(['waiting', 'human', 'bot', 'ended'] as const, CHAT_MODE_LABELS),
    from: entries(['user', 'bot', 'advisor'] as const, FROM_LABELS),
    steps: entries(['profile', 'need_group', 'need', 'postcode', 'departement'] as const, STEP_LABELS),
    presence: entries(['available', 'paused', 'offline'] as const, PRESENCE_LABELS),
    ...directoryVocabulary(),
  };
}

export function createVocabularyRouter(): Router {
  const router = express.Router();
  const document = vocabularyDocument();
  router.get('/api/vocabulary', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(document);
  });
  return router;
}
