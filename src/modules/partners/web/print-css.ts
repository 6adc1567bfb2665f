/**
 * Print styles for the board pack: only the pack prints (no header, navigation, banners or
 * buttons), tables keep their rows together, and each section may start a new page.
 */
export const PRINT_CSS = `@media print {
  .govuk-header, .govuk-service-navigation, .govuk-phase-banner, .govuk-back-link, .govuk-footer, .app-no-print, .govuk-skip-link { display: none !important; }
  body { font-size: 11pt; }
  .govuk-width-container { max-width: none; margin: 0; }
  .app-pack-section { break-before: page; }
  .app-pack-section:first-of-type { break-before: auto; }
  tr, svg { break-inside: avoid; }
  a.govuk-link::after { content: ""; }
}
`;
