import type { PartnerDuties } from '../application/partner-work.ts';
import { commitmentTag, longDate, obligationTag, sectionName } from './board-presenter.ts';

/** The partner tray's sections beyond advice: other duties, committed provision, formal notices. */
export function dutiesModel(d: PartnerDuties) {
  return {
    otherDuties: d.other.map((o) => ({ ...o, asked: longDate(o.askedOn), due: longDate(o.dueIso), done: o.doneOn ? longDate(o.doneOn) : undefined, tag: obligationTag(o.status) })),
    commitments: d.commitments.map((c) => ({
      ...c, sectionName: sectionName(c.section), tag: commitmentTag(c.status), committed: longDate(c.committedOn), action: `/work-tray/commitments/${c.laCode}/${c.id}`,
      familyReport: c.status === 'family-reported' ? c.events.at(-1)?.note ?? '' : undefined,
    })),
    notices: d.notices.map((n) => ({ ...n, issued: longDate(n.issuedOn), due: longDate(n.respondBy), href: `/work-tray/notices/${n.laCode}/${n.id}`, answered: n.response !== undefined })),
  };
}
