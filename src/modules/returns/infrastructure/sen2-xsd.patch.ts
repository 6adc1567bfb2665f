/**
 * The liia-tools 2024 XSD made to describe what OpenSEND writes, by four documented edits (each must
 * match exactly once, so a changed upstream file fails loudly instead of being half-patched):
 * 1. SENSetting optional in PlanDetail and PlacementDetail (the known defect: it is only meaningful
 *    when no URN/UKPRN names the setting);
 * 2–4. the 2026 (spec v1.3) items, optional, where the DfE item list places them: Source/DSCO after
 *    DCO, Requests/RequestSource after ReceivedDate, ActivePlans/ReviewDraft, PhaseTransferDueDate,
 *    PhaseTransferFinalDate between ReviewOutcome and LastReview.
 */
const EDITS: [string, string, number][] = [
  ['<xs:element type="sensettingtype" name="SENSetting" minOccurs="1" maxOccurs="1"/>', '<xs:element type="sensettingtype" name="SENSetting" minOccurs="0" maxOccurs="1"/>', 2],
  [`name="DCO" minOccurs="1" maxOccurs="1">
        <xs:simpleType>
          <xs:restriction base="xs:string">
            <xs:enumeration value="Y"/>
            <xs:enumeration value="N"/>
            <xs:enumeration value="R"/>
          </xs:restriction>
        </xs:simpleType>
      </xs:element>`, `name="DCO" minOccurs="1" maxOccurs="1">
        <xs:simpleType>
          <xs:restriction base="xs:string">
            <xs:enumeration value="Y"/>
            <xs:enumeration value="N"/>
            <xs:enumeration value="R"/>
          </xs:restriction>
        </xs:simpleType>
      </xs:element>
      <xs:element name="DSCO" minOccurs="0" maxOccurs="1">
        <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="Y"/><xs:enumeration value="N"/><xs:enumeration value="R"/></xs:restriction></xs:simpleType>
      </xs:element>`, 1],
  ['<xs:element type="xs:date" name="ReceivedDate" minOccurs="0" maxOccurs="1"/>', '<xs:element type="xs:date" name="ReceivedDate" minOccurs="0" maxOccurs="1"/>\n      <xs:element type="nonEmptyString" name="RequestSource" minOccurs="0" maxOccurs="1"/>', 1],
  ['<xs:element type="reviewoutcometype" name="ReviewOutcome" minOccurs="0" maxOccurs="1"/>', `<xs:element type="reviewoutcometype" name="ReviewOutcome" minOccurs="0" maxOccurs="1"/>
      <xs:element type="xs:date" name="ReviewDraft" minOccurs="0" maxOccurs="1"/>
      <xs:element type="xs:date" name="PhaseTransferDueDate" minOccurs="0" maxOccurs="1"/>
      <xs:element type="xs:date" name="PhaseTransferFinalDate" minOccurs="0" maxOccurs="1"/>`, 1],
];

export function patchSen2Xsd(original: string): string {
  let out = original;
  for (const [from, to, times] of EDITS) {
    const found = out.split(from).length - 1;
    if (found !== times) throw new Error(`SEN2 XSD patch: expected ${times} match(es) of ${from.slice(0, 60)}…, found ${found}`);
    out = out.split(from).join(to);
  }
  return out;
}
