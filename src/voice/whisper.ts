/** What the advisor hears before the caller is connected: priority, danger, profile, need, département, ticket, the caller's MDPH. */
import type { Ticket } from '../tickets/ticket';
import type { Line } from './turn';

export interface DepartementNamer {
  (code: string): string | undefined;
}

/** `mdphOf`: the name of a département's MDPH (from the directory), said last when known. */
export function whisperLines(ticket: Ticket | null, nameOf: DepartementNamer, mdphOf?: DepartementNamer): Line[] {
  if (!ticket) return [{ key: 'whisper.intro' }, { key: 'whisper.profile', values: { profile: '@whisper.unknown' } }];
  const lines: Line[] = [{ key: 'whisper.intro' }];
  if (ticket.priority === 'prioritaire') lines.push({ key: 'whisper.priority' });
  // Words of danger: the advisor hears which one before saying hello (« Danger : suicide. »).
  if (ticket.danger) lines.push({ key: 'whisper.danger', values: { danger: `@danger.name.${ticket.danger}` } });
  lines.push({ key: 'whisper.profile', values: { profile: ticket.profile ? `@profile.name.${ticket.profile}` : '@whisper.unknown' } });
  lines.push({ key: 'whisper.need', values: { need: ticket.need ? `@need.name.${ticket.need}` : '@whisper.unknown' } });
  if (ticket.departement) {
    lines.push({
      key: 'whisper.departement',
      values: { code: ticket.departement, name: nameOf(ticket.departement) ?? ticket.departement },
    });
  } else {
    lines.push({ key: 'whisper.noDepartement' });
  }
  lines.push({ key: 'whisper.reference', values: { ref: ticket.ref } });
  const mdph = ticket.departement ? mdphOf?.(ticket.departement) : undefined;
  if (mdph) lines.push({ key: 'whisper.mdph', values: { name: mdph } });
  return lines;
}
