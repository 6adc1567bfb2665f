/** A setting as the domain sees it (one row of the settings table, camelCase, money in pence). */
export interface SettingRecord {
  id: string;
  laCode: string;
  name: string;
  urn: string | null;
  ukprn: string | null;
  giasTypeCode: string;
  kind: string;
  phase: string;
  ageFrom: number;
  ageTo: number;
  needsDesignated: string[];
  commissionedPlaces: number;
  inArea: boolean;
  placeCostPence: number | null;
  postcode: string | null;
  trustName: string | null;
}

/** What a person may type for a setting: everything but its id and council. */
export type SettingInput = Omit<SettingRecord, 'id' | 'laCode'>;

export interface Occupancy {
  places: number;
  occupied: number;
  /** Negative when the setting holds more pupils than it is commissioned for. */
  free: number;
  /** Whole per cent, null when no places are commissioned. */
  percent: number | null;
}

export function occupancyOf(commissionedPlaces: number, currentPlacements: number): Occupancy {
  return {
    places: commissionedPlaces,
    occupied: currentPlacements,
    free: commissionedPlaces - currentPlacements,
    percent: commissionedPlaces > 0 ? Math.round((currentPlacements * 100) / commissionedPlaces) : null,
  };
}
