/**
 * The local contacts an answer can add for the user's département (the MDPH at least). They come
 * from the directory of actors and offers (src/directory/, config/directory.yaml), edited by
 * coordinators; unknown values stay null: nothing is invented.
 */
import type { DepartementCode } from '../domain/vocabulary';

/** The national directory of MDPH addresses: where a user is sent while the local details are unknown. */
export const MDPH_DIRECTORY_URL = 'https://www.monparcourshandicap.gouv.fr/annuaire';

export interface MdphContact {
  name: string;
  url: string;
  phone: string | null;
  email: string | null;
}

export interface LocalResources {
  /** The MDPH of a département; undefined for an unknown code. */
  mdph(code: DepartementCode): MdphContact | undefined;
}
